import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AudioEngine } from '../rtc/audio-engine';
import { Ringtone } from './Ringtone';

// records what the ringtone schedules; enough of AudioContext for it
function fakeContext() {
  const started: { frequency: number; at: number; until: number }[] = [];
  const outputs: { disconnected: boolean }[] = [];
  const gain = () => {
    const node = {
      gain: { value: 1, setValueAtTime: vi.fn(), linearRampToValueAtTime: vi.fn() },
      disconnected: false,
      connect: (next: unknown) => next,
      disconnect: () => {
        node.disconnected = true;
      },
    };
    return node;
  };
  const context = {
    currentTime: 10,
    destination: {},
    createGain: () => {
      const node = gain();
      outputs.push(node);
      return node;
    },
    createOscillator: () => {
      const osc = {
        frequency: { value: 0 },
        at: 0,
        connect: (next: unknown) => next,
        start: (at: number) => {
          osc.at = at;
        },
        stop: (until: number) =>
          started.push({ frequency: osc.frequency.value, at: osc.at, until }),
      };
      return osc;
    },
  };
  return { context, started, outputs };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('Ringtone', () => {
  it('plays a double ring of two tones every 3 s until stopped, and stops at once', () => {
    vi.useFakeTimers();
    const fake = fakeContext();
    const ring = new Ringtone({ context: () => fake.context } as unknown as AudioEngine);
    ring.start();
    ring.start(); // idempotent
    expect(ring.playing).toBe(true);
    // two bursts of two tones, 0.4 s each, starting 50 ms from now
    expect(fake.started.map((s) => s.frequency).sort()).toEqual([400, 400, 450, 450]);
    expect(fake.started.map((s) => +(s.until - s.at).toFixed(3))).toEqual([0.4, 0.4, 0.4, 0.4]);
    expect(Math.min(...fake.started.map((s) => s.at))).toBeCloseTo(10.05);

    vi.advanceTimersByTime(3000);
    expect(fake.started).toHaveLength(8);
    ring.stop();
    expect(ring.playing).toBe(false);
    // the master output is cut, so a burst already scheduled is silenced too
    expect(fake.outputs[0]?.disconnected).toBe(true);
    vi.advanceTimersByTime(9000);
    expect(fake.started).toHaveLength(8);
  });

  it('stays silent where Web Audio is missing', () => {
    const ring = new Ringtone({ context: () => undefined } as unknown as AudioEngine);
    ring.start();
    expect(ring.playing).toBe(false);
  });
});
