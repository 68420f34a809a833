import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/store';
import { MicMonitor } from './MicMonitor';

class FakeTrack extends EventTarget {
  stopped = false;
  stop() {
    this.stopped = true;
  }
}

function setup(contextState: AudioContextState = 'running') {
  const store = createAppStore();
  const context = { state: contextState } as { state: AudioContextState };
  const clones: FakeTrack[] = [];
  const analyses: { track: FakeTrack; feed: (rms: number) => void; stopped: boolean }[] = [];
  let now = 0;
  const monitor = new MicMonitor({
    store,
    microphone: () => {
      const track = new FakeTrack();
      clones.push(track);
      return { track: track as unknown as MediaStreamTrack, stream: {} as MediaStream };
    },
    context: () => context as unknown as AudioContext,
    analyse: (_context, track, onRms) => {
      const analysis = { track: track as unknown as FakeTrack, feed: onRms, stopped: false };
      analyses.push(analysis);
      return { stop: () => void (analysis.stopped = true) };
    },
    now: () => now,
  });
  const feed = (rms: number, count = 1) => {
    for (let i = 0; i < count; i++) {
      now += 50;
      analyses.at(-1)?.feed(rms);
    }
  };
  return { store, context, clones, analyses, monitor, feed };
}

describe('MicMonitor', () => {
  it('listens to its own clone while the microphone is ready, and lets it go after', () => {
    const { store, clones, analyses, monitor, feed } = setup();
    monitor.start();
    expect(clones).toHaveLength(0); // closed microphone: nothing to listen to
    store.getState().micChanged('ready');
    expect(clones).toHaveLength(1);
    feed(0.05, 3);
    expect(monitor.activity).toMatchObject({ measuring: true, speaking: true });
    expect(monitor.activity.level).toBeGreaterThan(0.5);

    store.getState().micChanged('denied');
    expect(clones[0]?.stopped).toBe(true);
    expect(analyses[0]?.stopped).toBe(true);
    expect(monitor.activity).toMatchObject({ measuring: false, speaking: false, level: 0 });
  });

  it('takes a clone of the new microphone when it changes, stopping the old one', () => {
    const { store, clones, monitor } = setup();
    store.getState().micChanged('ready');
    monitor.start();
    expect(clones).toHaveLength(1);
    monitor.microphoneChanged();
    expect(clones).toHaveLength(2);
    expect(clones[0]?.stopped).toBe(true);
    expect(clones[1]?.stopped).toBe(false);
  });

  it('stops measuring when its clone ends (the device went away)', () => {
    const { store, clones, monitor, feed } = setup();
    monitor.start();
    store.getState().micChanged('ready');
    feed(0.05, 3);
    clones[0]?.dispatchEvent(new Event('ended'));
    expect(monitor.activity.measuring).toBe(false);
  });

  it('counts how long the microphone has given nothing at all, and starts again on any sound', () => {
    const { store, monitor, feed } = setup();
    monitor.start();
    store.getState().micChanged('ready');
    feed(0, 1);
    feed(0, 60);
    expect(monitor.activity.silentForMs).toBe(3000);
    feed(0.001); // a quiet room is not silence
    expect(monitor.activity.silentForMs).toBe(0);
  });

  it('does not call a suspended audio context (no gesture yet) a silent microphone', () => {
    const { store, context, monitor, feed } = setup('suspended');
    monitor.start();
    store.getState().micChanged('ready');
    feed(0, 100);
    expect(monitor.activity).toMatchObject({ measuring: false, silentForMs: 0 });
    context.state = 'running';
    feed(0, 2);
    expect(monitor.activity).toMatchObject({ measuring: true, silentForMs: 50 });
  });

  it('tells subscribers about changes only, and stops everything at sign-out', () => {
    const { store, clones, monitor, feed } = setup();
    monitor.start();
    store.getState().micChanged('ready');
    let calls = 0;
    const off = monitor.subscribe(() => (calls += 1));
    feed(0.05);
    const afterOne = calls;
    expect(afterOne).toBeGreaterThan(0);
    off();
    feed(0.2);
    expect(calls).toBe(afterOne);
    monitor.stop();
    expect(clones[0]?.stopped).toBe(true);
    store.getState().micChanged('idle');
    store.getState().micChanged('ready');
    expect(clones).toHaveLength(1); // stopped: no longer follows the microphone
  });
});
