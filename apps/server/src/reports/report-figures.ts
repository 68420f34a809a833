import type { ReportRow } from '@ringside/contracts/reports';
import type { ReportCounts } from '../repos/call-reports';
import type { ReportSpan } from './report-buckets';

export type { ReportCounts };

export const NO_CALLS: ReportCounts = {
  offered: 0,
  answered: 0,
  answeredInTarget: 0,
  missed: 0,
  abandoned: 0,
  shortAbandoned: 0,
  waitMs: 0,
  talkMs: 0,
  wrapUpMs: 0,
};

/**
 * Two buckets' counts as one.
 *
 * @example
 * const total = rows.reduce(addCounts, NO_CALLS);
 */
export function addCounts(a: ReportCounts, b: ReportCounts): ReportCounts {
  return {
    offered: a.offered + b.offered,
    answered: a.answered + b.answered,
    answeredInTarget: a.answeredInTarget + b.answeredInTarget,
    missed: a.missed + b.missed,
    abandoned: a.abandoned + b.abandoned,
    shortAbandoned: a.shortAbandoned + b.shortAbandoned,
    waitMs: a.waitMs + b.waitMs,
    talkMs: a.talkMs + b.talkMs,
    wrapUpMs: a.wrapUpMs + b.wrapUpMs,
  };
}

/**
 * A bucket's row with its figures (definitions on `reportRowSchema`):
 * - service level = answered within the target / (offered − short abandons)
 * - abandon rate = abandoned / offered
 * - average speed of answer = total wait / answered
 * - average handle time = (total talk + total wrap-up) / answered
 *
 * Shares keep 4 decimals and seconds 1; each is null when its denominator is 0.
 *
 * @example
 * reportRow(span, { ...NO_CALLS, offered: 4, answered: 3, answeredInTarget: 3, waitMs: 15_000, talkMs: 300_000 });
 * // { …, serviceLevel: 0.75, averageSpeedOfAnswerSec: 5, averageHandleSec: 100 }
 */
export function reportRow(span: ReportSpan, counts: ReportCounts): ReportRow {
  const serviceLevelCalls = counts.offered - counts.shortAbandoned;
  return {
    start: new Date(span.start).toISOString(),
    end: new Date(span.end).toISOString(),
    label: span.label,
    utcOffset: span.utcOffset,
    offered: counts.offered,
    answered: counts.answered,
    answeredInTarget: counts.answeredInTarget,
    missed: counts.missed,
    abandoned: counts.abandoned,
    shortAbandoned: counts.shortAbandoned,
    serviceLevel: ratio(counts.answeredInTarget, serviceLevelCalls, 4),
    abandonRate: ratio(counts.abandoned, counts.offered, 4),
    averageSpeedOfAnswerSec: ratio(counts.waitMs / 1000, counts.answered, 1),
    averageHandleSec: ratio((counts.talkMs + counts.wrapUpMs) / 1000, counts.answered, 1),
  };
}

function ratio(part: number, whole: number, decimals: number): number | null {
  if (whole <= 0) return null;
  const scale = 10 ** decimals;
  return Math.round((part / whole) * scale) / scale;
}
