import { formatNumber } from '../i18n/formats';
import { t } from '../i18n/i18n';
import type { QualityLevel } from '@ringside/contracts';
import type { QualityState, QualityWarning } from '../state/types';
import { estimateMos } from './mos';
import type { StatsSample } from './stats-sample';

/** how many recent samples the warnings look at, and how many must agree (Twilio's 3 of 5) */
const WINDOW = 5;
const AGREE = 3;

/** thresholds for warnings; the grade uses the server's (see `gradeLevel`) */
export const WARNING_THRESHOLDS = {
  rttMs: 400,
  jitterMs: 30,
  lossPct: 1,
  mos: 3.5,
  /** consecutive samples with no packets before "no audio" is raised */
  silentSamples: 3,
} as const;

interface Interval {
  rttMs: number;
  jitterMs: number;
  lossPct: number;
  mos: number;
  received: number;
  sent: number;
}

/**
 * Grades a call from its recent stats samples (oldest first, one a second): RTT, jitter, packet
 * loss over the last few seconds, a MOS estimate, good / fair / poor with the main reason, and
 * warnings raised when a condition holds in 3 of the last 5 seconds. Returns `undefined` until
 * two samples exist (loss needs a difference).
 *
 * @example
 * const quality = assessQuality(samples);
 * if (quality?.warnings.includes('no-audio-received')) show('The caller cannot be heard');
 */
export function assessQuality(samples: readonly StatsSample[]): QualityState | undefined {
  const recent = samples.slice(-(WINDOW + 1));
  const intervals: Interval[] = [];
  for (let i = 1; i < recent.length; i += 1) {
    const before = recent[i - 1];
    const after = recent[i];
    if (before && after) intervals.push(measure(before, after));
  }
  const first = recent[0];
  const last = recent[recent.length - 1];
  if (!first || !last || intervals.length === 0) return undefined;

  // loss over the whole window smooths one bad second; rtt and jitter are the latest reading
  const window = measure(first, last);
  const rttMs = window.rttMs;
  const jitterMs = window.jitterMs;
  const lossPct = window.lossPct;
  const mos = estimateMos({ rttMs, jitterMs, lossPct });
  const warnings = findWarnings(intervals);
  const { level, reason } = gradeLevel({ rttMs, jitterMs, lossPct, mos }, warnings);
  return {
    level,
    ...(reason === undefined ? {} : { reason }),
    rttMs,
    jitterMs,
    lossPct,
    mos,
    warnings,
  };
}

function measure(before: StatsSample, after: StatsSample): Interval {
  const received = Math.max(0, after.packetsReceived - before.packetsReceived);
  const lost = Math.max(0, after.packetsLost - before.packetsLost);
  const expected = received + lost;
  const rttMs = Math.round((after.roundTripSec ?? 0) * 1000);
  const jitterMs = Math.round((after.jitterSec ?? 0) * 10_000) / 10;
  const lossPct = expected === 0 ? 0 : Math.round((lost / expected) * 1000) / 10;
  return {
    rttMs,
    jitterMs,
    lossPct,
    mos: estimateMos({ rttMs, jitterMs, lossPct }),
    received,
    sent: Math.max(0, after.packetsSent - before.packetsSent),
  };
}

function findWarnings(intervals: readonly Interval[]): QualityWarning[] {
  const recent = intervals.slice(-WINDOW);
  const holds = (test: (i: Interval) => boolean) => recent.filter(test).length >= AGREE;
  const silent = (pick: (i: Interval) => number) => {
    const tail = intervals.slice(-WARNING_THRESHOLDS.silentSamples);
    return tail.length >= WARNING_THRESHOLDS.silentSamples && tail.every((i) => pick(i) === 0);
  };
  const warnings: QualityWarning[] = [];
  if (silent((i) => i.received)) warnings.push('no-audio-received');
  if (silent((i) => i.sent)) warnings.push('no-audio-sent');
  if (holds((i) => i.rttMs > WARNING_THRESHOLDS.rttMs)) warnings.push('high-rtt');
  if (holds((i) => i.jitterMs > WARNING_THRESHOLDS.jitterMs)) warnings.push('high-jitter');
  if (holds((i) => i.lossPct > WARNING_THRESHOLDS.lossPct)) warnings.push('high-packet-loss');
  if (holds((i) => i.received > 0 && i.mos < WARNING_THRESHOLDS.mos)) warnings.push('low-mos');
  return warnings;
}

/**
 * Good / fair / poor with the main reason, on the server's thresholds (MOS ≥ 4 good, ≥ 3.5
 * fair; loss 3 %, jitter 30 ms, RTT 300 ms make a line at best fair). Silence either way is poor.
 *
 * @example
 * gradeLevel({ rttMs: 420, jitterMs: 5, lossPct: 0, mos: 3.9 }, []); // { level: 'fair', reason: 'high round-trip time (420 ms)' }
 */
export function gradeLevel(
  metrics: { rttMs: number; jitterMs: number; lossPct: number; mos: number },
  warnings: readonly QualityWarning[] = [],
): { level: QualityLevel; reason?: string } {
  if (warnings.includes('no-audio-received'))
    return { level: 'poor', reason: t('qreason.noAudioReceived') };
  if (warnings.includes('no-audio-sent'))
    return { level: 'poor', reason: t('qreason.noAudioSent') };
  const reasons: string[] = [];
  const one = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
  if (metrics.lossPct >= 3) {
    reasons.push(t('qreason.loss', { value: formatNumber(metrics.lossPct, one) }));
  }
  if (metrics.jitterMs >= 30) {
    reasons.push(t('qreason.jitter', { value: formatNumber(Math.round(metrics.jitterMs)) }));
  }
  if (metrics.rttMs >= 300) {
    reasons.push(t('qreason.rtt', { value: formatNumber(Math.round(metrics.rttMs)) }));
  }
  const level: QualityLevel =
    metrics.mos >= 4 && reasons.length === 0 ? 'good' : metrics.mos >= 3.5 ? 'fair' : 'poor';
  const reason =
    reasons[0] ??
    (level === 'good' ? undefined : t('qreason.lowMos', { value: formatNumber(metrics.mos, one) }));
  return reason === undefined ? { level } : { level, reason };
}
