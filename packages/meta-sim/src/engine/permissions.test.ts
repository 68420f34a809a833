import { describe, expect, it } from 'vitest';
import { PermissionBook, TEMPORARY_PERMISSION_MS } from './permissions';

const HOUR = 3_600_000;

function book(start = 1_000_000_000_000) {
  let now = start;
  return {
    book: new PermissionBook(() => now),
    advance: (ms: number) => {
      now += ms;
    },
  };
}

describe('PermissionBook', () => {
  it('starts with no permission and refuses calls with 138006', () => {
    const { book: b } = book();
    expect(b.status('whatsapp', 'biz', 'user')).toBe('no_permission');
    expect(b.refuseCall('whatsapp', 'biz', 'user')).toBe(138006);
  });

  it('lets a temporary permission lapse silently after 7 days', () => {
    const { book: b, advance } = book();
    b.set('whatsapp', 'biz', 'user', 'temporary');
    expect(b.refuseCall('whatsapp', 'biz', 'user')).toBeNull();
    advance(TEMPORARY_PERMISSION_MS - 1);
    expect(b.status('whatsapp', 'biz', 'user')).toBe('temporary');
    advance(1);
    expect(b.status('whatsapp', 'biz', 'user')).toBe('no_permission');
  });

  it('allows one request a day and two a week', () => {
    const { book: b, advance } = book();
    expect(b.refuseRequest('whatsapp', 'biz', 'user')).toBeNull();
    b.recordRequest('whatsapp', 'biz', 'user');
    expect(b.refuseRequest('whatsapp', 'biz', 'user')).toBe(138009);
    advance(24 * HOUR);
    expect(b.refuseRequest('whatsapp', 'biz', 'user')).toBeNull();
    b.recordRequest('whatsapp', 'biz', 'user');
    advance(24 * HOUR);
    expect(b.refuseRequest('whatsapp', 'biz', 'user')).toBe(138009);
    const limits = b.view('whatsapp', 'biz', 'user').actions[0]?.limits;
    expect(limits?.map((l) => [l.time_period, l.current_usage])).toEqual([
      ['PT24H', 0],
      ['P7D', 2],
    ]);
    expect(limits?.[1]?.limit_expiration_time).toBeGreaterThan(0);
  });

  it('a connected call in either direction resets the request limits', () => {
    const { book: b } = book();
    b.recordRequest('whatsapp', 'biz', 'user');
    expect(b.refuseRequest('whatsapp', 'biz', 'user')).toBe(138009);
    b.recordConnected('whatsapp', 'biz', 'user', 'user_initiated');
    expect(b.refuseRequest('whatsapp', 'biz', 'user')).toBeNull();
    b.recordRequest('whatsapp', 'biz', 'user');
    b.set('whatsapp', 'biz', 'user', 'temporary');
    b.recordConnected('whatsapp', 'biz', 'user', 'business_initiated');
    expect(b.refuseRequest('whatsapp', 'biz', 'user')).toBeNull();
  });

  it('an inbound connected call does not count towards the outbound call limit', () => {
    const { book: b } = book();
    b.set('whatsapp', 'biz', 'user', 'permanent');
    for (let i = 0; i < 100; i += 1) b.recordConnected('whatsapp', 'biz', 'user', 'user_initiated');
    expect(b.refuseCall('whatsapp', 'biz', 'user')).toBeNull();
  });

  it('allows Messenger 2 requests per thread a day, and no weekly cap', () => {
    const { book: b, advance } = book();
    b.recordRequest('messenger', 'page', 'psid');
    expect(b.refuseRequest('messenger', 'page', 'psid')).toBeNull();
    b.recordRequest('messenger', 'page', 'psid');
    expect(b.refuseRequest('messenger', 'page', 'psid')).toBe(138009);
    const limits = b.view('messenger', 'page', 'psid').actions[0]?.limits;
    expect(limits?.map((l) => [l.time_period, l.max_allowed, l.current_usage])).toEqual([
      ['PT24H', 2, 2],
    ]);
    advance(24 * HOUR);
    b.recordRequest('messenger', 'page', 'psid');
    b.recordRequest('messenger', 'page', 'psid');
    advance(24 * HOUR);
    expect(b.refuseRequest('messenger', 'page', 'psid')).toBeNull();
  });

  it('refuses requests once permission is permanent (138017)', () => {
    const { book: b } = book();
    b.set('whatsapp', 'biz', 'user', 'permanent');
    expect(b.refuseRequest('whatsapp', 'biz', 'user')).toBe(138017);
  });

  it('caps connected calls at 100 a day (138012)', () => {
    const { book: b, advance } = book();
    b.set('whatsapp', 'biz', 'user', 'permanent');
    for (let i = 0; i < 100; i += 1) {
      b.recordConnected('whatsapp', 'biz', 'user', 'business_initiated');
    }
    expect(b.refuseCall('whatsapp', 'biz', 'user')).toBe(138012);
    advance(24 * HOUR);
    expect(b.refuseCall('whatsapp', 'biz', 'user')).toBeNull();
  });

  it('prompts after 2 missed calls in a row and revokes after 4', () => {
    const { book: b } = book();
    b.set('whatsapp', 'biz', 'user', 'permanent');
    const results = [1, 2, 3, 4].map(() => b.recordMissed('whatsapp', 'biz', 'user'));
    expect(results).toEqual([null, 'prompted', null, 'revoked']);
    expect(b.status('whatsapp', 'biz', 'user')).toBe('no_permission');
  });

  it('a connected call breaks the run of missed calls', () => {
    const { book: b } = book();
    b.set('whatsapp', 'biz', 'user', 'temporary');
    [1, 2, 3].forEach(() => b.recordMissed('whatsapp', 'biz', 'user'));
    b.recordConnected('whatsapp', 'biz', 'user', 'business_initiated');
    expect(b.recordMissed('whatsapp', 'biz', 'user')).toBeNull();
    expect(b.status('whatsapp', 'biz', 'user')).toBe('temporary');
  });

  it('keeps channels, businesses and users apart', () => {
    const { book: b } = book();
    b.set('whatsapp', 'biz', 'user', 'permanent');
    expect(b.status('messenger', 'biz', 'user')).toBe('no_permission');
    expect(b.status('whatsapp', 'other', 'user')).toBe('no_permission');
    expect(b.status('whatsapp', 'biz', 'other')).toBe('no_permission');
  });
});
