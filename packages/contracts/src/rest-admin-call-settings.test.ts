import { describe, expect, it } from 'vitest';
import { waCallingSettingsSchema } from './graph-whatsapp-settings';
import {
  adminCallSettingsBodySchema,
  todayIn,
  waCallingSettingsWriteSchema,
} from './rest-admin-call-settings';

const NOW = new Date('2026-12-07T20:00:00Z');
const range = (day: string, open: string, close: string) => ({
  day_of_week: day,
  open_time: open,
  close_time: close,
});
const hours = (extra: object) => ({
  call_hours: { status: 'ENABLED', timezone_id: 'Asia/Kolkata', ...extra },
});
const paths = (result: { error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

describe('call settings as Meta validates them', () => {
  it('accepts Meta’s own sample shape', () => {
    const calling = {
      status: 'ENABLED',
      call_icon_visibility: 'DEFAULT',
      call_icons: { restrict_to_user_countries: ['US', 'BR'] },
      callback_permission_status: 'ENABLED',
      call_hours: {
        status: 'ENABLED',
        timezone_id: 'America/Manaus',
        weekly_operating_hours: [range('MONDAY', '0400', '1020'), range('TUESDAY', '0108', '1020')],
        holiday_schedule: [{ date: '2027-01-01', start_time: '0000', end_time: '2359' }],
      },
    };
    expect(waCallingSettingsWriteSchema(NOW).parse(calling)).toEqual(calling);
  });

  it('refuses overlapping ranges on one day, naming the later range', () => {
    const result = waCallingSettingsSchema.safeParse(
      hours({
        weekly_operating_hours: [
          range('MONDAY', '0900', '1300'),
          range('TUESDAY', '1200', '1400'),
          range('MONDAY', '1200', '1700'),
        ],
      }),
    );
    expect(paths(result)).toEqual(['call_hours.weekly_operating_hours.2.open_time']);
    expect(result.error?.issues[0]?.message).toMatch(/overlaps 0900–1300 on MONDAY/);
  });

  it('allows ranges that touch (one closes when the next opens)', () => {
    const touching = hours({
      weekly_operating_hours: [range('MONDAY', '0900', '1300'), range('MONDAY', '1300', '1700')],
    });
    expect(waCallingSettingsSchema.safeParse(touching).success).toBe(true);
  });

  it('names the third range of a day', () => {
    const result = waCallingSettingsSchema.safeParse(
      hours({
        weekly_operating_hours: [
          range('FRIDAY', '0800', '0900'),
          range('FRIDAY', '1000', '1100'),
          range('FRIDAY', '1200', '1300'),
        ],
      }),
    );
    expect(paths(result)).toEqual(['call_hours.weekly_operating_hours.2.day_of_week']);
  });

  it('refuses an unknown time zone and a lower-case country', () => {
    expect(
      paths(waCallingSettingsSchema.safeParse(hours({ timezone_id: 'Mars/Olympus' }))),
    ).toEqual(['call_hours.timezone_id']);
    const countries = { call_icons: { restrict_to_user_countries: ['br'] } };
    expect(paths(waCallingSettingsSchema.safeParse(countries))).toEqual([
      'call_icons.restrict_to_user_countries.0',
    ]);
  });

  it('refuses a holiday before today in the schedule’s own time zone', () => {
    // 20:00 UTC on 7 December is already 8 December in Kolkata
    const day = (date: string) => ({ date, start_time: '0000', end_time: '2359' });
    const result = waCallingSettingsWriteSchema(NOW).safeParse(
      hours({ holiday_schedule: [day('2026-12-08'), day('2026-12-07')] }),
    );
    expect(paths(result)).toEqual(['call_hours.holiday_schedule.1.date']);
    expect(result.error?.issues[0]?.message).toMatch(/today is 2026-12-08 in Asia\/Kolkata/);
    // the read schema keeps what Meta stored, past or not
    expect(
      waCallingSettingsSchema.safeParse(hours({ holiday_schedule: [day('2020-01-01')] })).success,
    ).toBe(true);
  });

  it('reads the day in a time zone', () => {
    expect(todayIn('Asia/Kolkata', NOW)).toBe('2026-12-08');
    expect(todayIn('America/Manaus', NOW)).toBe('2026-12-07');
  });
});

describe('admin call settings body', () => {
  it('takes a WhatsApp calling object or a Page’s icon, by channel', () => {
    const schema = adminCallSettingsBodySchema(NOW);
    expect(schema.parse({ channel: 'messenger', icon_enabled: false })).toEqual({
      channel: 'messenger',
      icon_enabled: false,
    });
    const bad = schema.safeParse({ channel: 'whatsapp', calling: { status: 'MAYBE' } });
    expect(paths(bad)).toEqual(['calling.status']);
  });
});
