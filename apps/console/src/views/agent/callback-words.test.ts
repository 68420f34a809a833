import { describe, expect, it } from 'vitest';
import { agoText, claimOf, permissionText, triesText, waitedFor } from './callback-words';

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

  it('shows what the customer said to calls on that line, when this console heard it', () => {
    const callback = {
      caller: { number: '+447700900654' },
      called: { channelId: 'ch1', label: '+1 555 010 9901' },
    };
    const notice = {
      id: 1,
      channelId: 'ch1',
      channel: 'whatsapp' as const,
      customer: { number: '+447700900654' },
      granted: true,
      expiresAt: Date.UTC(2026, 11, 14, 12),
    };
    const now = Date.UTC(2026, 11, 7, 12);
    expect(permissionText(callback, [], now)).toBeNull();
    expect(permissionText(callback, [notice], now)).toMatch(/^Allows calls until /);
    expect(permissionText(callback, [{ ...notice, channelId: 'ch2' }], now)).toBeNull();
    expect(permissionText(callback, [{ ...notice, granted: false }], now)).toBe('Declined calls');
    expect(permissionText(callback, [notice], Date.UTC(2026, 11, 15))).toBeNull();
  });
});
