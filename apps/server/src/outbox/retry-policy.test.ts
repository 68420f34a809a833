import { describe, expect, it } from 'vitest';
import { DEFAULT_RETRY_POLICY, nextAttemptAt } from './retry-policy';

const now = new Date('2025-07-21T16:27:13.000Z');
const policy = { baseMs: 1_000, maxMs: 8_000, maxAttempts: 6 };
const waitAfter = (attempts: number, random: number) =>
  (nextAttemptAt(attempts, policy, now, () => random)?.getTime() ?? Number.NaN) - now.getTime();

describe('nextAttemptAt', () => {
  it('doubles the wait after each failed attempt', () => {
    expect([1, 2, 3].map((n) => waitAfter(n, 1))).toEqual([1_000, 2_000, 4_000]);
  });

  it('caps the wait at maxMs', () => {
    expect(waitAfter(4, 1)).toBe(8_000);
    expect(waitAfter(5, 1)).toBe(8_000);
  });

  it('keeps at least half the step whatever the jitter', () => {
    expect(waitAfter(1, 0)).toBe(500);
    expect(waitAfter(3, 0)).toBe(2_000);
    expect(waitAfter(3, 0.5)).toBe(3_000);
  });

  it('gives up after maxAttempts', () => {
    expect(nextAttemptAt(6, policy, now, () => 0.5)).toBeNull();
    expect(nextAttemptAt(7, policy, now, () => 0.5)).toBeNull();
  });

  it('retries for about three days by default', () => {
    let total = 0;
    for (let n = 1; n < DEFAULT_RETRY_POLICY.maxAttempts; n += 1) {
      total +=
        (nextAttemptAt(n, DEFAULT_RETRY_POLICY, now, () => 1)?.getTime() ?? 0) - now.getTime();
    }
    expect(total / 86_400_000).toBeGreaterThan(2.5);
    expect(total / 86_400_000).toBeLessThan(3.5);
  });
});
