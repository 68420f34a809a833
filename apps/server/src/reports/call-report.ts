import {
  SERVICE_LEVEL_TARGET_SEC,
  SHORT_ABANDON_SEC,
  type CallReport,
  type ReportQuery,
} from '@ringside/contracts/reports';
import { HANDLE_TIME_INCLUDES_WRAP_UP, type CallReportsRepo } from '../repos/call-reports';
import { reportSpans } from './report-buckets';
import { addCounts, NO_CALLS, reportRow } from './report-figures';

/**
 * A workspace's report for a query: the buckets of the range in its time zone, each with its
 * counts from the database (empty buckets included), and the range's total from the summed
 * counts, so the total's figures are those of all its calls.
 *
 * @example
 * const report = await buildCallReport(repos.callReports, workspaceId,
 *   { from: '2026-11-01', to: '2026-11-07', tz: 'Europe/London', bucket: 'day' });
 * report.rows.length; // 7
 */
export async function buildCallReport(
  reports: CallReportsRepo,
  workspaceId: string,
  query: ReportQuery,
): Promise<CallReport> {
  const spans = reportSpans(query);
  const boundaries = [...spans.map((span) => span.start), spans.at(-1)?.end ?? 0];
  const counts = await reports.countsByBucket(workspaceId, boundaries, query.channel);
  const perSpan = spans.map((_, i) => counts.get(i) ?? NO_CALLS);
  const whole = {
    start: spans[0]?.start ?? 0,
    end: spans.at(-1)?.end ?? 0,
    label: query.from === query.to ? query.from : `${query.from} – ${query.to}`,
    utcOffset: spans[0]?.utcOffset ?? '+00:00',
  };
  return {
    from: query.from,
    to: query.to,
    tz: query.tz,
    bucket: query.bucket,
    ...(query.channel ? { channel: query.channel } : {}),
    serviceLevelTargetSec: SERVICE_LEVEL_TARGET_SEC,
    shortAbandonSec: SHORT_ABANDON_SEC,
    handleTimeIncludesWrapUp: HANDLE_TIME_INCLUDES_WRAP_UP,
    rows: spans.map((span, i) => reportRow(span, perSpan[i] ?? NO_CALLS)),
    total: reportRow(whole, perSpan.reduce(addCounts, NO_CALLS)),
  };
}
