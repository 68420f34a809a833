import { formatNumber } from '../../i18n/formats';
import { t } from '../../i18n/i18n';
import { REPORT_MAX_DAYS, type ReportBucket, type ReportRow } from '@ringside/contracts/reports';
import { todayIn } from '@ringside/contracts';
import { formatDuration } from '../../ui/format';

/** what a figure shows when there was nothing to measure */
export const NO_FIGURE = '—';

const DAY_MS = 86_400_000;

/**
 * A share (0 to 1) as a percentage with one decimal when it is not whole.
 *
 * @example
 * formatPercent(0.8125); // '81.3 %'
 * formatPercent(1); // '100 %'
 * formatPercent(null); // '—'
 */
export function formatPercent(share: number | null): string {
  if (share === null || !Number.isFinite(share)) return NO_FIGURE;
  const percent = Math.round(share * 1000) / 10;
  return `${formatNumber(percent, { maximumFractionDigits: 1 })} %`;
}

/**
 * Seconds as the board shows waits: tenths under a minute, `m:ss` after.
 *
 * @example
 * formatSeconds(9.5); // '9.5 s'
 * formatSeconds(184); // '3:04'
 */
export function formatSeconds(sec: number | null): string {
  if (sec === null || !Number.isFinite(sec) || sec < 0) return NO_FIGURE;
  if (sec >= 60) return formatDuration(sec * 1000);
  const value = formatNumber(sec, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return t('figure.seconds', { value });
}

/**
 * A bucket's name in the table and charts: its day, or its day and hour; the hour the clocks
 * repeat says its offset, so the two read differently.
 *
 * @example
 * bucketName({ label: '2026-11-01 01:00', utcOffset: '-05:00' }, { utcOffset: '-04:00' }); // '2026-11-01 01:00 (UTC-05:00)'
 */
export function bucketName(
  row: Pick<ReportRow, 'label' | 'utcOffset'>,
  previous?: Pick<ReportRow, 'utcOffset'>,
): string {
  return previous && previous.utcOffset !== row.utcOffset
    ? `${row.label} (UTC${row.utcOffset})`
    : row.label;
}

/**
 * Today's date in a time zone, `YYYY-MM-DD` (the contracts' `todayIn`).
 *
 * @example
 * dateIn(new Date('2026-11-01T02:00:00Z'), 'America/New_York'); // '2026-10-31'
 */
export function dateIn(now: Date, tz: string): string {
  return todayIn(tz, now);
}

/**
 * `days` calendar days before (or after) a `YYYY-MM-DD` date.
 *
 * @example
 * addDays('2026-03-01', -1); // '2026-02-28'
 */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * What is wrong with a range before asking the server, or undefined.
 *
 * @example
 * rangeProblem('2026-11-01', '2026-11-09', 'hour'); // 'By the hour, a report covers at most 7 days.'
 */
export function rangeProblem(from: string, to: string, bucket: ReportBucket): string | undefined {
  if (!from || !to) return t('reports.bothDates');
  if (from > to) return t('reports.startAfterEnd');
  const days = (Date.parse(to) - Date.parse(from)) / DAY_MS + 1;
  const most = REPORT_MAX_DAYS[bucket];
  if (days > most) {
    return bucket === 'hour'
      ? t('reports.tooLong.hour', { most })
      : t('reports.tooLong.day', { most });
  }
  return undefined;
}
