import type { WaCallingSettings } from '@ringside/contracts';

type CallHours = NonNullable<WaCallingSettings['call_hours']>;

const WEEKDAYS: Readonly<Record<string, string>> = {
  Mon: 'MONDAY',
  Tue: 'TUESDAY',
  Wed: 'WEDNESDAY',
  Thu: 'THURSDAY',
  Fri: 'FRIDAY',
  Sat: 'SATURDAY',
  Sun: 'SUNDAY',
};

/** the weekday, date and "HHMM" clock at `at` in `timeZone`, as Meta's settings write them */
export function wallClock(
  timeZone: string,
  at: number,
): { day: string; date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    weekday: 'short',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(at));
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return {
    day: WEEKDAYS[part('weekday')] ?? '',
    date: `${part('year')}-${part('month')}-${part('day')}`,
    time: `${part('hour')}${part('minute')}`,
  };
}

/**
 * Whether a user's call reaches the business at `at` (epoch ms). With call hours off (or none
 * set) it always does. With them on, the local time must fall in one of the day's weekly ranges
 * (open included, close excluded) and in no holiday range of that date: a holiday is time the
 * business is unavailable (*User-initiated calls*: "business calling hours and holiday
 * unavailability"). Meta's sample holiday is "0000"–"2359", the whole day, so a holiday's end
 * minute counts as closed too.
 *
 * @example
 * isOpenAt({ status: 'ENABLED', timezone_id: 'UTC', weekly_operating_hours: [{ day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' }] }, Date.parse('2026-12-07T10:00:00Z')); // true
 */
export function isOpenAt(hours: CallHours | undefined, at: number): boolean {
  if (!hours || hours.status !== 'ENABLED') return true;
  const now = wallClock(hours.timezone_id, at);
  const onHoliday = (hours.holiday_schedule ?? []).some(
    (day) => day.date === now.date && day.start_time <= now.time && now.time <= day.end_time,
  );
  if (onHoliday) return false;
  return (hours.weekly_operating_hours ?? []).some(
    (range) =>
      range.day_of_week === now.day && range.open_time <= now.time && now.time < range.close_time,
  );
}
