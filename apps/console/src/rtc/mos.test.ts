import { describe, expect, it } from 'vitest';
import { estimateMos } from './mos';

describe('estimateMos', () => {
  it('scores a clean line as good (above 4)', () => {
    const mos = estimateMos({ rttMs: 40, jitterMs: 2, lossPct: 0 });
    expect(mos).toBeGreaterThan(4.3);
    expect(mos).toBeLessThan(4.5);
  });

  it('scores a bad line below 3', () => {
    expect(estimateMos({ rttMs: 600, jitterMs: 60, lossPct: 8 })).toBeLessThan(3);
  });

  it('drops as loss grows, and as delay grows', () => {
    const byLoss = [0, 1, 3, 10].map((lossPct) => estimateMos({ rttMs: 50, jitterMs: 5, lossPct }));
    const byDelay = [20, 200, 400, 800].map((rttMs) =>
      estimateMos({ rttMs, jitterMs: 5, lossPct: 0 }),
    );
    for (const series of [byLoss, byDelay]) {
      for (let i = 1; i < series.length; i += 1) expect(series[i]).toBeLessThan(series[i - 1] ?? 0);
    }
  });

  it('stays within 1..5 for absurd or broken input', () => {
    expect(estimateMos({ rttMs: 100_000, jitterMs: 10_000, lossPct: 100 })).toBe(1);
    const broken = estimateMos({
      rttMs: Number.NaN,
      jitterMs: -5,
      lossPct: Number.POSITIVE_INFINITY,
    });
    expect(broken).toBeGreaterThanOrEqual(1);
    expect(broken).toBeLessThanOrEqual(5);
  });
});
