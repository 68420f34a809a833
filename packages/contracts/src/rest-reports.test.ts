import { describe, expect, it } from 'vitest';
import { reportQuerySchema } from './rest-reports';

describe('reportQuerySchema', () => {
  it('reads a query string, by the day unless asked otherwise', () => {
    expect(
      reportQuerySchema.parse({
        from: '2026-11-01',
        to: '2026-11-07',
        tz: 'America/New_York',
        channel: '',
      }),
    ).toEqual({
      from: '2026-11-01',
      to: '2026-11-07',
      tz: 'America/New_York',
      bucket: 'day',
    });
  });

  it('bounds the range: 7 days by the hour, 92 by the day', () => {
    const ok = (from: string, to: string, bucket: string) =>
      reportQuerySchema.safeParse({ from, to, tz: 'UTC', bucket }).success;
    expect(ok('2026-11-01', '2026-11-07', 'hour')).toBe(true);
    expect(ok('2026-11-01', '2026-11-08', 'hour')).toBe(false);
    expect(ok('2026-01-01', '2026-04-02', 'day')).toBe(true);
    expect(ok('2026-01-01', '2026-04-03', 'day')).toBe(false);
    expect(ok('2026-11-02', '2026-11-01', 'day')).toBe(false);
  });

  it('refuses an unknown time zone or bucket', () => {
    expect(
      reportQuerySchema.safeParse({ from: '2026-11-01', to: '2026-11-01', tz: 'Mars/Olympus' })
        .success,
    ).toBe(false);
    expect(
      reportQuerySchema.safeParse({
        from: '2026-11-01',
        to: '2026-11-01',
        tz: 'UTC',
        bucket: 'week',
      }).success,
    ).toBe(false);
  });
});
