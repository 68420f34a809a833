import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../ops/logger';
import { createWrapUpClock, type WrapUpAgent } from './wrap-up-clock';

function setup(expired: WrapUpAgent[] = []) {
  const ended: string[] = [];
  const clock = createWrapUpClock({
    expired: async () => expired,
    end: async (_ws, userId) => void ended.push(userId),
    clock: () => new Date(),
    logger: createLogger('silent'),
    sweepMs: 5_000,
  });
  return { clock, ended };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the after-call work clock', () => {
  it('ends an agent’s wrap-up at its deadline, not before', async () => {
    vi.useFakeTimers({ now: 0 });
    const { clock, ended } = setup();
    clock.arm('w', 'u1', new Date(30_000));
    await vi.advanceTimersByTimeAsync(29_999);
    expect(ended).toEqual([]);
    await vi.advanceTimersByTimeAsync(10);
    expect(ended).toEqual(['u1']);
    clock.stop();
  });

  it('a later wrap-up replaces the earlier timer of the same agent', async () => {
    vi.useFakeTimers({ now: 0 });
    const { clock, ended } = setup();
    clock.arm('w', 'u1', new Date(5_000));
    clock.arm('w', 'u1', new Date(20_000));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(ended).toEqual([]);
    await vi.advanceTimersByTimeAsync(10_010);
    expect(ended).toEqual(['u1']);
    clock.stop();
  });

  it('sweeps up wrap-ups whose timer was lost with another node', async () => {
    vi.useFakeTimers({ now: 0 });
    const { clock, ended } = setup([{ workspaceId: 'w', userId: 'u2' }]);
    clock.start();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(ended).toEqual(['u2']);
    clock.stop();
    await vi.advanceTimersByTimeAsync(20_000);
    expect(ended).toEqual(['u2']);
  });
});
