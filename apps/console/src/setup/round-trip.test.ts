import { describe, expect, it } from 'vitest';
import { summarisePings } from './round-trip';

describe('summarisePings', () => {
  it('takes the median round trip, the mean step between round trips, and the share lost', () => {
    expect(summarisePings({ sent: 4, rttsMs: [100, 120, 110] })).toEqual({
      rttMs: 110,
      jitterMs: 15,
      lossPct: 25,
    });
    expect(summarisePings({ sent: 4, rttsMs: [10, 30, 20, 40] }).rttMs).toBe(25);
  });

  it('is not fooled by one late echo: the median stays', () => {
    const rtts = [...Array(99).fill(40), 900];
    expect(summarisePings({ sent: 100, rttsMs: rtts }).rttMs).toBe(40);
  });

  it('halves a loop through the relay and takes its loss back to one round trip', () => {
    // each ping crossed the path twice: 19 % lost over two round trips is 10 % over one
    const rtts = Array(81).fill(80);
    const figures = summarisePings({ sent: 100, rttsMs: rtts }, 2);
    expect(figures.rttMs).toBe(40);
    expect(figures.lossPct).toBeCloseTo(10, 6);
    expect(figures.jitterMs).toBe(0);
  });

  it('calls everything lost when nothing came back, and nothing lost when all did', () => {
    expect(summarisePings({ sent: 50, rttsMs: [] })).toMatchObject({ lossPct: 100, jitterMs: 0 });
    expect(summarisePings({ sent: 3, rttsMs: [5, 5, 5] }).lossPct).toBe(0);
  });
});
