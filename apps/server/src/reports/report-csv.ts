import type { CallReport, ReportRow } from '@ringside/contracts/reports';
import { csvField } from '../api/calls-csv';

/** the report's columns, in order, with how each reads a row */
const COLUMNS: ReadonlyArray<readonly [string, (row: ReportRow) => string | number | null]> = [
  ['bucket', (r) => r.label],
  // the zone's own reading with its offset: a repeated hour reads differently
  ['bucket_start', (r) => localIso(r)],
  ['bucket_start_utc', (r) => r.start],
  ['bucket_end_utc', (r) => r.end],
  ['offered', (r) => r.offered],
  ['answered', (r) => r.answered],
  ['answered_within_target', (r) => r.answeredInTarget],
  ['missed', (r) => r.missed],
  ['abandoned', (r) => r.abandoned],
  ['short_abandoned', (r) => r.shortAbandoned],
  ['service_level', (r) => r.serviceLevel],
  ['abandon_rate', (r) => r.abandonRate],
  ['average_speed_of_answer_sec', (r) => r.averageSpeedOfAnswerSec],
  ['average_handle_time_sec', (r) => r.averageHandleSec],
];

/** the report export's column names */
export const REPORT_CSV_COLUMNS: readonly string[] = COLUMNS.map(([name]) => name);

const EOL = '\r\n';

/** `2026-11-01T01:00:00-05:00`: the bucket's start as the zone's clock read it */
function localIso(row: ReportRow): string {
  const [, sign, hh, mm] = /^([+-])(\d\d):(\d\d)$/.exec(row.utcOffset) ?? [];
  const offsetMs = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm)) * 60_000;
  const wall = new Date(Date.parse(row.start) + (Number.isNaN(offsetMs) ? 0 : offsetMs));
  return `${wall.toISOString().slice(0, 19)}${row.utcOffset}`;
}

/**
 * A report as CSV: a header (with a byte-order mark, as the call log's export), then one line per
 * bucket, the same rows as the JSON report. Shares are fractions (0.8125), times seconds; a
 * figure with nothing to measure is an empty field. Fields go through the call log's
 * {@link csvField}, so nothing in the file can run as a spreadsheet formula.
 *
 * @example
 * res.send(reportCsv(report)); // '\uFEFFbucket_start,bucket_start_utc,…\r\n2026-11-01-04:00,…'
 */
export function reportCsv(report: Pick<CallReport, 'rows'>): string {
  const lines = [
    `\uFEFF${REPORT_CSV_COLUMNS.join(',')}`,
    ...report.rows.map((row) =>
      COLUMNS.map(([, read]) => csvField(read(row) ?? undefined)).join(','),
    ),
  ];
  return `${lines.join(EOL)}${EOL}`;
}
