import { describe, expect, it } from 'vitest';
import { tokenBucket } from './command-limits';

describe('tokenBucket', () => {
  it('allows the burst at once, then refills at its rate and never past the burst', () => {
    let now = 0;
    const bucket = tokenBucket({ burst: 2, perMinute: 6 }, () => now);
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
    now += 9_999;
    expect(bucket.take()).toBe(false);
    now += 1;
    expect(bucket.take()).toBe(true);
    now += 10 * 60_000; // a long quiet spell earns no more than the burst
    expect([bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, false]);
  });
});
