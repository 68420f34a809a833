import { describe, expect, it } from 'vitest';
import { fixedRateSchedule } from './fixed-rate-schedule';

const label = (s: { pair: number; kind: string }) => `${s.kind[0]}${s.pair}`;

describe('fixedRateSchedule', () => {
  it('sends each terminate the given number of connects after its own connect', () => {
    expect(fixedRateSchedule(8, 2).map(label)).toEqual([
      'c0',
      'c1',
      'c2',
      't0',
      'c3',
      't1',
      't2',
      't3',
    ]);
  });

  it('puts every call’s connect before its terminate, each exactly once', () => {
    const slots = fixedRateSchedule(5000, 50);
    expect(slots).toHaveLength(5000);
    const at = new Map(slots.map((s, i) => [label(s), i]));
    expect(at.size).toBe(5000);
    for (let pair = 0; pair < 2500; pair += 1) {
      expect(at.get(`c${pair}`)).toBeLessThan(at.get(`t${pair}`) ?? -1);
    }
  });

  it('follows each connect with its terminate when there is no lag', () => {
    expect(fixedRateSchedule(4, 0).map(label)).toEqual(['c0', 't0', 'c1', 't1']);
  });

  it('copes with a lag longer than the run', () => {
    expect(fixedRateSchedule(4, 10).map(label)).toEqual(['c0', 'c1', 't0', 't1']);
  });

  it('drops a half pair, and reads a bad lag as its whole part at least 0', () => {
    expect(fixedRateSchedule(5, 0)).toHaveLength(4);
    expect(fixedRateSchedule(4, -3).map(label)).toEqual(['c0', 't0', 'c1', 't1']);
    expect(fixedRateSchedule(4, 1.7).map(label)).toEqual(['c0', 'c1', 't0', 't1']);
    expect(fixedRateSchedule(0, 5)).toEqual([]);
    expect(fixedRateSchedule(-2, 5)).toEqual([]);
  });
});
