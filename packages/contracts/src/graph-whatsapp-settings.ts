import { z } from 'zod';

const enabled = z.enum(['ENABLED', 'DISABLED']);
// "0900", "1730": 24-hour clock without a colon, as Meta writes it
const clockTime = z.string().regex(/^([01]\d|2[0-3])[0-5]\d$/, 'expected a time like "0900"');
/** the days of Meta's weekly call hours, in its words and order */
export const WEEKDAYS = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
const dayOfWeek = z.enum(WEEKDAYS);

/** Meta allows at most this many opening ranges per weekday. */
export const MAX_RANGES_PER_DAY = 2;
/** Meta allows at most this many holidays. */
export const MAX_HOLIDAYS = 20;

/** true for an IANA time zone this runtime knows (`America/Manaus`, `UTC`) */
export function isTimeZone(id: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: id });
    return true;
  } catch {
    return false;
  }
}

// two ranges of one day overlap when each opens before the other closes
function overlaps(a: { open_time: string; close_time: string }, b: typeof a): boolean {
  return a.open_time < b.close_time && b.open_time < a.close_time;
}

const openingRange = z
  .looseObject({ day_of_week: dayOfWeek, open_time: clockTime, close_time: clockTime })
  .refine((range) => range.open_time < range.close_time, {
    message: 'close_time must be after open_time',
    path: ['close_time'],
  });

const holiday = z
  .looseObject({
    date: z.iso.date(),
    start_time: clockTime,
    end_time: clockTime,
  })
  .refine((day) => day.start_time < day.end_time, {
    message: 'end_time must be after start_time',
    path: ['end_time'],
  });

const callHours = z.looseObject({
  status: enabled,
  timezone_id: z
    .string()
    .min(1)
    .refine(isTimeZone, 'expected an IANA time zone like "Asia/Kolkata"'),
  weekly_operating_hours: z
    .array(openingRange)
    .superRefine((ranges, ctx) => {
      const perDay = new Map<string, number>();
      ranges.forEach((range, index) => {
        const count = (perDay.get(range.day_of_week) ?? 0) + 1;
        perDay.set(range.day_of_week, count);
        if (count === MAX_RANGES_PER_DAY + 1) {
          ctx.addIssue({
            code: 'custom',
            message: `at most ${MAX_RANGES_PER_DAY} ranges on ${range.day_of_week}`,
            path: [index, 'day_of_week'],
            input: ranges,
          });
        }
        const earlier = ranges
          .slice(0, index)
          .find((other) => other.day_of_week === range.day_of_week && overlaps(other, range));
        if (earlier) {
          ctx.addIssue({
            code: 'custom',
            message: `overlaps ${earlier.open_time}–${earlier.close_time} on ${range.day_of_week}`,
            path: [index, 'open_time'],
            input: ranges,
          });
        }
      });
    })
    .optional(),
  // omitting it deletes the stored schedule on Meta's side
  holiday_schedule: z.array(holiday).max(MAX_HOLIDAYS).optional(),
});

/**
 * The `calling` object of `POST /{phone-number-id}/settings`; every field is optional.
 * Changes can take up to 7 days to reach users' apps.
 *
 * @example
 * waCallingSettingsSchema.parse({ status: 'ENABLED', call_icon_visibility: 'DEFAULT' });
 */
export const waCallingSettingsSchema = z.looseObject({
  status: enabled.optional(),
  call_icon_visibility: z.enum(['DEFAULT', 'DISABLE_ALL']).optional(),
  call_icons: z
    .looseObject({
      restrict_to_user_countries: z
        .array(z.string().regex(/^[A-Z]{2}$/, 'expected a two-letter country code like "BR"'))
        .optional(),
    })
    .optional(),
  callback_permission_status: enabled.optional(),
  audio: z.looseObject({ additional_codecs: z.array(z.string()).optional() }).optional(),
  call_hours: callHours.optional(),
  sip: z
    .looseObject({
      status: enabled,
      servers: z.array(z.looseObject({ hostname: z.string().min(1) })).optional(),
    })
    .optional(),
});
export type WaCallingSettings = z.infer<typeof waCallingSettingsSchema>;

/**
 * The body of `POST /{phone-number-id}/settings`.
 *
 * @example
 * waSettingsBodySchema.parse({ calling: { status: 'ENABLED' } });
 */
export const waSettingsBodySchema = z.looseObject({ calling: waCallingSettingsSchema });
export type WaSettingsBody = z.infer<typeof waSettingsBodySchema>;
