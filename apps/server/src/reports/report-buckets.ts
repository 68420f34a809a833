import type { ReportBucket } from '@ringside/contracts/reports';
import {
  formatOffset,
  instantOfWallClock,
  nextOffsetChange,
  utcOffsetMs,
  wallClock,
} from './zoned-time';

const HOUR = 3_600_000;
const DAY = 86_400_000;

/** One report bucket: the instants `[start, end)` (epoch ms) and how the zone's clock names it. */
export interface ReportSpan {
  start: number;
  end: number;
  /** `2026-11-01` by the day, `2026-11-01 01:00` by the hour, on the zone's clock */
  label: string;
  /** the zone's offset at `start` (`-04:00`) */
  utcOffset: string;
}

export interface BucketRange {
  /** calendar days in `tz`, `YYYY-MM-DD`, both included */
  from: string;
  to: string;
  tz: string;
  bucket: ReportBucket;
}

/**
 * The buckets a report of `from`..`to` in `tz` is made of, in order and back to back: the first
 * starts when `from` begins in `tz`, the last ends when the day after `to` begins, so every
 * instant of the range lies in exactly one.
 *
 * A day starts at the first instant its date shows on the zone's clocks (01:00 where midnight is
 * skipped). By the hour, a bucket starts whenever the zone's clock reads a whole hour and
 * whenever its offset changes: the day the clocks go back has two `01:00` buckets (told apart by
 * `utcOffset`), the day they go forward has no `02:00`, and a zone with a half-hour change (Lord
 * Howe) gets a bucket named after the half hour. Where the clocks go back across midnight (a
 * repeated 23:00), that second hour belongs to the next day, the one it started in.
 *
 * @example
 * reportSpans({ from: '2026-11-01', to: '2026-11-01', tz: 'America/New_York', bucket: 'hour' }).length; // 25
 */
export function reportSpans(range: BucketRange): ReportSpan[] {
  const first = Date.parse(range.from);
  const last = Date.parse(range.to);
  const dayStarts: number[] = [];
  for (let day = first; day <= last + DAY; day += DAY) {
    dayStarts.push(instantOfWallClock(day, range.tz));
  }
  if (range.bucket === 'day') {
    return dayStarts.slice(0, -1).map((start, i) => ({
      start,
      end: dayStarts[i + 1] ?? start,
      label: new Date(first + i * DAY).toISOString().slice(0, 10),
      utcOffset: formatOffset(utcOffsetMs(start, range.tz)),
    }));
  }
  return hourSpans(dayStarts[0] ?? 0, dayStarts.at(-1) ?? 0, range.tz);
}

function hourSpans(from: number, until: number, tz: string): ReportSpan[] {
  const spans: ReportSpan[] = [];
  let start = from;
  while (start < until) {
    const offset = utcOffsetMs(start, tz);
    const wall = start + offset;
    // the next whole hour on the clock, if the offset holds until then
    const nextHour = start + (Math.floor(wall / HOUR) * HOUR + HOUR - wall);
    const end = Math.min(nextOffsetChange(start, nextHour, offset, tz), until);
    spans.push({
      start,
      end,
      label: hourLabel(wallClock(start, tz)),
      utcOffset: formatOffset(offset),
    });
    start = end;
  }
  return spans;
}

function hourLabel(wall: number): string {
  const iso = new Date(wall).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
}

/**
 * The index of the span holding `t`, or -1 outside them all (binary search; spans back to back).
 *
 * @example
 * spanIndex(spans, spans[3].start); // 3
 */
export function spanIndex(spans: readonly ReportSpan[], t: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (!span) return -1;
    if (t < span.start) hi = mid - 1;
    else if (t >= span.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}
