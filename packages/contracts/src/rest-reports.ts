// reached as '@ringside/contracts/reports', not through the index: only the server and the
// console's lazy reports page use it, so its schemas stay out of the console's first load
import { z } from 'zod';
import { channelSchema, isoDateTimeSchema } from './call-outcome';
import { isTimeZone } from './graph-whatsapp-settings';
import { optionalQuery } from './rest-common';

/** How a report groups calls: by the hour or by the day of the chosen time zone. */
export const reportBucketSchema = z.enum(['hour', 'day']);
export type ReportBucket = z.infer<typeof reportBucketSchema>;

/** The longest range, in days, a report may cover per bucket size (7 days is 168 hours). */
export const REPORT_MAX_DAYS: Readonly<Record<ReportBucket, number>> = { hour: 7, day: 92 };

/** An inbound call answered within this many seconds of ringing meets the service level. */
export const SERVICE_LEVEL_TARGET_SEC = 20;

/**
 * A caller who hangs up within this many seconds of ringing is left out of the service level's
 * calls (nobody could have answered that fast); they still count as offered and as abandoned.
 */
export const SHORT_ABANDON_SEC = 5;

const DAY_MS = 86_400_000;

/** days from `from` to `to`, both `YYYY-MM-DD`, counting both */
function daysCovered(from: string, to: string): number {
  return (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
}

/**
 * `GET /api/supervisor/reports` (and `reports.csv`) query. `from` and `to` are calendar days in
 * `tz`, both included; `bucket` defaults to `day`. A range may cover at most
 * {@link REPORT_MAX_DAYS} days (7 by the hour, 92 by the day).
 *
 * @example
 * reportQuerySchema.parse({ from: '2026-11-01', to: '2026-11-07', tz: 'America/New_York', bucket: 'hour' });
 */
export const reportQuerySchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    tz: z.string().min(1).max(64).refine(isTimeZone, { message: 'Unknown time zone' }),
    channel: optionalQuery(channelSchema),
    bucket: optionalQuery(reportBucketSchema).transform((bucket) => bucket ?? 'day'),
  })
  .refine((query) => query.from <= query.to, {
    message: '`from` must not be after `to`',
    path: ['to'],
  })
  .refine((query) => daysCovered(query.from, query.to) <= REPORT_MAX_DAYS[query.bucket], {
    message: `A report covers at most ${REPORT_MAX_DAYS.hour} days by the hour and ${REPORT_MAX_DAYS.day} by the day`,
    path: ['to'],
  });
export type ReportQuery = z.infer<typeof reportQuerySchema>;

const count = z.number().int().nonnegative();
const share = z.number().min(0).max(1).nullable();
const seconds = z.number().nonnegative().nullable();

/**
 * One row of a report: the inbound calls that started ringing in `[start, end)` and have ended.
 * Shares are between 0 and 1; shares and averages are `null` when nothing was there to measure.
 *
 * - `offered`: inbound calls that rang (ended ones; a call still going on is not counted yet)
 * - `answered`: of those, answered by an agent; `answeredInTarget` within
 *   {@link SERVICE_LEVEL_TARGET_SEC} seconds of ringing
 * - `missed`: nobody answered (the call log's `missed`); `abandoned`: of those, the caller hung up
 *   while it rang (the rest ran out of ring time); `shortAbandoned`: within
 *   {@link SHORT_ABANDON_SEC} seconds
 * - `serviceLevel`: answeredInTarget / (offered − shortAbandoned)
 * - `abandonRate`: abandoned / offered
 * - `averageSpeedOfAnswerSec`: mean ringing → answered of the answered calls
 * - `averageHandleSec`: mean talk time (answered → ended) plus after-call work, of the answered
 *   calls; see the report's `handleTimeIncludesWrapUp`
 *
 * @example
 * reportRowSchema.parse({ start: '2026-11-01T04:00:00.000Z', end: '2026-11-02T05:00:00.000Z',
 *   label: '2026-11-01', utcOffset: '-04:00', offered: 10, answered: 8, answeredInTarget: 7,
 *   missed: 2, abandoned: 1, shortAbandoned: 0, serviceLevel: 0.7, abandonRate: 0.1,
 *   averageSpeedOfAnswerSec: 9.5, averageHandleSec: 184 });
 */
export const reportRowSchema = z.object({
  start: isoDateTimeSchema,
  end: isoDateTimeSchema,
  /** the bucket's start on the chosen zone's clock: `2026-11-01`, or `2026-11-01 01:00` by the hour */
  label: z.string(),
  /** the zone's offset from UTC at `start` (`-04:00`): tells apart an hour the clocks repeat */
  utcOffset: z.string(),
  offered: count,
  answered: count,
  answeredInTarget: count,
  missed: count,
  abandoned: count,
  shortAbandoned: count,
  serviceLevel: share,
  abandonRate: share,
  averageSpeedOfAnswerSec: seconds,
  averageHandleSec: seconds,
});
export type ReportRow = z.infer<typeof reportRowSchema>;

/**
 * `GET /api/supervisor/reports` reply: the query as understood, one row per bucket in order
 * (empty buckets included) and the whole range's row (figures over all its calls, not an average
 * of the rows). `handleTimeIncludesWrapUp` says whether handle time takes in after-call work
 * (true since wrap-up time is recorded; false from servers that predate it: talk time alone).
 *
 * @example
 * callReportSchema.parse({ from: '2026-11-01', to: '2026-11-01', tz: 'UTC', bucket: 'day',
 *   serviceLevelTargetSec: 20, shortAbandonSec: 5, handleTimeIncludesWrapUp: true,
 *   rows: [row], total: row });
 */
export const callReportSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  tz: z.string(),
  bucket: reportBucketSchema,
  channel: channelSchema.optional(),
  serviceLevelTargetSec: z.number().int().positive(),
  shortAbandonSec: z.number().int().nonnegative(),
  handleTimeIncludesWrapUp: z.boolean(),
  rows: z.array(reportRowSchema),
  total: reportRowSchema,
});
export type CallReport = z.infer<typeof callReportSchema>;
