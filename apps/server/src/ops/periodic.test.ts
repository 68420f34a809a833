import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { periodic } from './periodic';

describe('periodic', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs a round a period after the last one ended, never two at once', async () => {
    const running: number[] = [];
    let release: (() => void) | undefined;
    const job = periodic(
      1_000,
      () => {
        running.push(Date.now());
        return new Promise<void>((resolve) => (release = resolve));
      },
      () => undefined,
    );
    job.start();
    job.start(); // a second start changes nothing
    await vi.advanceTimersByTimeAsync(999);
    expect(running).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(running).toHaveLength(1);
    // the round is slow: no second one while it runs, however long
    await vi.advanceTimersByTimeAsync(5_000);
    expect(running).toHaveLength(1);
    release?.();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(running).toHaveLength(2);
    expect((running[1] ?? 0) - (running[0] ?? 0)).toBe(6_000);
    release?.();
    await job.stop();
  });

  it('reports a failed round and still runs the next', async () => {
    const errors: unknown[] = [];
    let rounds = 0;
    const job = periodic(
      100,
      async () => {
        rounds += 1;
        if (rounds === 1) throw new Error('database away');
      },
      (error) => errors.push(error),
    );
    job.start();
    await vi.advanceTimersByTimeAsync(250);
    expect(rounds).toBe(2);
    expect(errors).toEqual([new Error('database away')]);
    await job.stop();
  });

  it('stop waits for the round under way and no round follows it', async () => {
    let finished = false;
    let rounds = 0;
    const job = periodic(
      100,
      async () => {
        rounds += 1;
        await new Promise((resolve) => setTimeout(resolve, 50));
        finished = true;
      },
      () => undefined,
    );
    job.start();
    await vi.advanceTimersByTimeAsync(100);
    const stopped = job.stop();
    await vi.advanceTimersByTimeAsync(50);
    await stopped;
    expect(finished).toBe(true);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(rounds).toBe(1);
  });
});
