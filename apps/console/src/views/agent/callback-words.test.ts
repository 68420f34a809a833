import { describe, expect, it } from 'vitest';
import { agoText, claimOf, triesText, waitedFor } from './callback-words';

describe('callback words', () => {
  it('says how long a callback has waited', () => {
    expect(waitedFor(10_000)).toBe('just now');
    expect(waitedFor(90_000)).toBe('1 min');
    expect(waitedFor(3 * 3_600_000)).toBe('3 h');
    expect(waitedFor(3 * 3_600_000 + 5 * 60_000)).toBe('3 h 5 min');
    expect(waitedFor(50 * 3_600_000)).toBe('2 d');
    expect(waitedFor(-5)).toBe('just now');
    expect(agoText(10_000)).toBe('just now');
    expect(agoText(90_000)).toBe('1 min ago');
  });

  it('tells whose a callback is', () => {
    expect(claimOf({}, 'u1')).toBe('open');
    expect(claimOf({ claimedBy: { userId: 'u1', name: 'Asha' } }, 'u1')).toBe('mine');
    expect(claimOf({ claimedBy: { userId: 'u2', name: 'Ben' } }, 'u1')).toEqual({ by: 'Ben' });
  });

  it('counts the tries', () => {
    expect(triesText(1)).toBe('1 missed call');
    expect(triesText(3)).toBe('3 missed calls');
  });
});
