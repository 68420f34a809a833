import type { CallQuality, QualityMetrics } from '@ringside/contracts';

/**
 * Grades a call's live metrics as good / fair / poor with the main reason, from thresholds
 * common in VoIP monitoring (MOS ≥ 4 good, ≥ 3.5 fair; RTT 300 ms, jitter 30 ms, loss 3 %).
 *
 * @example
 * gradeQuality({ rttMs: 420, jitterMs: 5, lossPct: 0, mos: 3.9 }); // { level: 'fair', reason: 'high round-trip time (420 ms)', … }
 */
export function gradeQuality(metrics: QualityMetrics): CallQuality {
  const reasons: string[] = [];
  if (metrics.lossPct >= 3) reasons.push(`packet loss ${metrics.lossPct.toFixed(1)} %`);
  if (metrics.jitterMs >= 30) reasons.push(`high jitter (${Math.round(metrics.jitterMs)} ms)`);
  if (metrics.rttMs >= 300) reasons.push(`high round-trip time (${Math.round(metrics.rttMs)} ms)`);
  const level =
    metrics.mos >= 4 && reasons.length === 0 ? 'good' : metrics.mos >= 3.5 ? 'fair' : 'poor';
  const reason =
    reasons[0] ?? (level === 'good' ? undefined : `low MOS estimate (${metrics.mos.toFixed(1)})`);
  return { ...metrics, level, ...(reason ? { reason } : {}) };
}
