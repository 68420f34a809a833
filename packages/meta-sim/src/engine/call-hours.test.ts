import { describe, expect, it } from 'vitest';
import { isOpenAt, wallClock } from './call-hours';

// Monday 7 December 2026
const at = (iso: string) => Date.parse(iso);
const weekdays = {
  status: 'ENABLED' as const,
  timezone_id: 'Asia/Kolkata',
  weekly_operating_hours: [
    { day_of_week: 'MONDAY' as const, open_time: '0900', close_time: '1300' },
    { day_of_week: 'MONDAY' as const, open_time: '1400', close_time: '1730' },
  ],
};

describe('call hours', () => {
  it('reads the clock in the schedule’s time zone', () => {
    expect(wallClock('Asia/Kolkata', at('2026-12-07T04:00:00Z'))).toEqual({
      day: 'MONDAY',
      date: '2026-12-07',
      time: '0930',
    });
  });

  it('is open inside a range (open minute included, close minute excluded), closed outside', () => {
    expect(isOpenAt(weekdays, at('2026-12-07T03:30:00Z'))).toBe(true); // 09:00 IST
    expect(isOpenAt(weekdays, at('2026-12-07T07:29:00Z'))).toBe(true); // 12:59
    expect(isOpenAt(weekdays, at('2026-12-07T07:30:00Z'))).toBe(false); // 13:00, lunch
    expect(isOpenAt(weekdays, at('2026-12-07T08:30:00Z'))).toBe(true); // 14:00
    expect(isOpenAt(weekdays, at('2026-12-07T12:00:00Z'))).toBe(false); // 17:30
    expect(isOpenAt(weekdays, at('2026-12-08T04:00:00Z'))).toBe(false); // Tuesday
  });

  it('is closed on a holiday range even inside the weekly hours', () => {
    const holiday = {
      ...weekdays,
      holiday_schedule: [{ date: '2026-12-07', start_time: '0000', end_time: '2359' }],
    };
    expect(isOpenAt(holiday, at('2026-12-07T04:00:00Z'))).toBe(false);
    const morningOff = {
      ...weekdays,
      holiday_schedule: [{ date: '2026-12-07', start_time: '0000', end_time: '1200' }],
    };
    expect(isOpenAt(morningOff, at('2026-12-07T04:00:00Z'))).toBe(false); // 09:30
    expect(isOpenAt(morningOff, at('2026-12-07T09:00:00Z'))).toBe(true); // 14:30
  });

  it('is always open with call hours off or unset', () => {
    expect(isOpenAt(undefined, at('2026-12-08T04:00:00Z'))).toBe(true);
    expect(isOpenAt({ ...weekdays, status: 'DISABLED' }, at('2026-12-08T04:00:00Z'))).toBe(true);
  });
});
