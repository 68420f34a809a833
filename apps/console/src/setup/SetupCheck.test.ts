import { describe, expect, it, vi } from 'vitest';
import { NOT_MEASURING, type MicActivity } from '../rtc/MicMonitor';
import type { IcePaths } from '../session/IceServers';
import { KeptCheck } from './KeptCheck';
import { LastChecks } from './last-check';
import type { RelayAttempt } from './relay-check';
import { relayTransport } from './relay-check';
import type { RelayServer } from './relay-probe';
import { SetupCheck, type SetupCheckOptions } from './SetupCheck';

const TURN: IcePaths = {
  iceServers: [
    { urls: 'stun:stun.example.com' },
    {
      urls: ['turn:relay.example.com:3478?transport=tcp', 'turn:relay.example.com:3478'],
      username: '1765000000:u_alex',
      credential: 'secret',
    },
  ],
  iceTransportPolicy: 'all',
};

class FakeMic {
  activity: MicActivity = NOT_MEASURING;
  readonly #listeners = new Set<() => void>();
  subscribe(listener: () => void) {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }
  emit(activity: Partial<MicActivity>) {
    this.activity = { ...NOT_MEASURING, measuring: true, ...activity };
    for (const listener of this.#listeners) listener();
  }
}

function memory() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

function world(overrides: Partial<SetupCheckOptions> = {}, voice = 0.2) {
  const mic = new FakeMic();
  let now = 1_000_000;
  const stored = new LastChecks(memory());
  const kept = new KeptCheck({ userId: () => 'u_alex', stored });
  kept.start();
  const pinged: RelayServer[] = [];
  const options: SetupCheckOptions = {
    openMicrophone: vi.fn(() => Promise.resolve({ ok: true as const })),
    mic,
    unlockAudio: vi.fn(),
    iceServers: () => Promise.resolve(TURN),
    probeRelay: (server) =>
      Promise.resolve<RelayAttempt>({
        url: server.url,
        transport: relayTransport(server.url),
        reached: true,
        ms: 30,
      }),
    pingRelay: (server) => {
      pinged.push(server);
      return Promise.resolve({ sent: 100, rttsMs: Array(98).fill(60) });
    },
    pingServer: vi.fn(() => Promise.resolve({ asked: 8, rttsMs: Array(8).fill(25) })),
    tone: { play: vi.fn(() => Promise.resolve({ ok: true as const })), stop: vi.fn() },
    outputId: () => 'headset',
    kept,
    // the agent talks for the whole time the test listens
    sleep: (ms) => {
      for (let t = 0; t < ms; t += 50) {
        now += 50;
        mic.emit({ rms: voice, speaking: voice > 0.01 });
      }
      return Promise.resolve();
    },
    now: () => now,
    ...overrides,
  };
  const setup = new SetupCheck(options);
  return { setup, mic, kept, stored, pinged, options };
}

describe('SetupCheck', () => {
  it('runs microphone, relay and network in turn, showing each step, and keeps the result', async () => {
    const { setup, kept, stored, pinged, options } = world();
    const steps: (string | null)[] = [];
    setup.subscribe(() => {
      if (steps.at(-1) !== setup.state.running) steps.push(setup.state.running);
    });
    await setup.run();
    expect(options.unlockAudio).toHaveBeenCalled();
    expect(steps).toEqual(['microphone', 'relay', 'network', null]);
    const { results } = setup.state;
    expect(results.microphone?.verdict).toBe('pass');
    expect(results.relay?.summary).toBe('The relay server answers over TCP and UDP.');
    // loops through the relay are halved: 60 ms there and back twice is a 30 ms round trip
    expect(results.network?.figures).toContain('Round trip: 30 ms');
    expect(results.network?.figures).toContain('Packets lost: 1.0 %');
    // pinged over UDP, as audio would go, though TCP was listed first
    expect(pinged.map((s) => s.url)).toEqual(['turn:relay.example.com:3478']);
    expect(pinged[0]).toMatchObject({ username: '1765000000:u_alex', credential: 'secret' });
    expect(kept.last?.results.map((r) => r.id)).toEqual(['microphone', 'relay', 'network']);
    expect(stored.read('u_alex')).toEqual(kept.last);
  });

  it('without TURN says so and measures the round trip to the server instead', async () => {
    const { setup, options } = world({
      iceServers: () => Promise.resolve({ iceServers: [], iceTransportPolicy: 'all' }),
    });
    await setup.run();
    expect(setup.state.results.relay?.verdict).toBe('info');
    expect(options.pingServer).toHaveBeenCalled();
    expect(setup.state.results.network?.figures).toEqual([
      'Round trip: 25 ms',
      'Packets lost: not measurable without a relay server',
    ]);
  });

  it('falls back to the server when the relay answers but test audio cannot cross it', async () => {
    const { setup } = world({ pingRelay: () => Promise.resolve({ error: 'timed out' }) });
    await setup.run();
    expect(setup.state.results.network?.summary).toMatch(
      /^We could not send test audio through the relay \(timed out\), so we measured the server instead\. A round trip/,
    );
  });

  it('fails the microphone when it gives nothing, and when it cannot be opened', async () => {
    const silent = world({}, 0);
    await silent.setup.run();
    expect(silent.setup.state.results.microphone).toMatchObject({
      verdict: 'fail',
      summary: 'We hear nothing from your microphone (we listened for 4 seconds).',
    });

    const blocked = world({
      openMicrophone: () =>
        Promise.resolve({
          ok: false as const,
          message: 'Allow the microphone in the address bar.',
        }),
    });
    await blocked.setup.run();
    expect(blocked.setup.state.results.microphone).toMatchObject({
      verdict: 'fail',
      fix: 'Allow the microphone in the address bar.',
    });
    // the rest still runs: the network matters whatever the microphone does
    expect(blocked.setup.state.results.network?.verdict).toBe('pass');
  });

  it('asks whether the tone was heard on the chosen speaker, and keeps the answer with the last check', async () => {
    const { setup, stored, options } = world();
    await setup.run();
    const play = setup.playTone();
    expect(setup.state.tone).toBe('playing');
    await play;
    expect(options.tone.play).toHaveBeenCalledWith('headset');
    expect(setup.state.tone).toBe('asking');
    setup.heardTone(false);
    expect(setup.state.tone).toBe('idle');
    expect(setup.state.results.speaker?.verdict).toBe('fail');
    expect(stored.read('u_alex')?.results.map((r) => `${r.id}:${r.verdict}`)).toEqual([
      'microphone:pass',
      'speaker:fail',
      'relay:pass',
      'network:pass',
    ]);
    // a later run keeps this page's speaker answer
    await setup.run();
    expect(setup.state.results.speaker?.verdict).toBe('fail');
  });

  it('records a tone that could not play, and asks nothing after the page cut it short', async () => {
    const refused = world({
      tone: {
        play: () => Promise.resolve({ ok: false, message: 'That speaker could not be used.' }),
        stop: vi.fn(),
      },
    });
    await refused.setup.playTone();
    expect(refused.setup.state.results.speaker).toMatchObject({
      verdict: 'fail',
      summary: 'We could not play the test tone.',
    });

    const left = world();
    const play = left.setup.playTone();
    left.setup.stopTone();
    await play;
    expect(left.setup.state.tone).toBe('idle');
    expect(left.setup.state.results.speaker).toBeUndefined();
  });

  it('finishes with a failure, not "Testing…" for ever, when a check throws', async () => {
    const { setup, kept } = world({ probeRelay: () => Promise.reject(new Error('boom')) });
    await setup.run();
    expect(setup.state.running).toBeNull();
    expect(setup.state.results.relay).toMatchObject({
      verdict: 'fail',
      summary: 'This check stopped unexpectedly, so we could not finish the test.',
    });
    expect(setup.state.results.relay?.fix).toMatch(/\(boom\)$/);
    expect(kept.last?.results.map((r) => r.id)).toEqual(['microphone', 'relay']);
  });

  it('forgets everything at sign-out, even a run in flight, and keeps nothing from it', async () => {
    const { setup, kept, stored } = world();
    await setup.run();
    const before = kept.last;
    const running = setup.run();
    setup.stop();
    await running;
    expect(setup.state).toEqual({ running: null, results: {}, tone: 'idle' });
    expect(stored.read('u_alex')).toEqual(before);
  });
});
