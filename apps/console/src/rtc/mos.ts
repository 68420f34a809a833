/**
 * Estimates a call's MOS (1–5) from round-trip time, jitter and packet loss with the usual
 * simplification of the ITU-T G.107 E-model: effective latency = RTT/2 + 2·jitter + 10 ms,
 * R = 93.2 minus a latency penalty minus 2.5 per percent lost, then the standard R → MOS curve.
 * A clean line scores about 4.4.
 *
 * @example
 * estimateMos({ rttMs: 40, jitterMs: 2, lossPct: 0 }); // ≈ 4.4
 * estimateMos({ rttMs: 600, jitterMs: 60, lossPct: 8 }); // < 3
 */
export function estimateMos(metrics: { rttMs: number; jitterMs: number; lossPct: number }): number {
  const rtt = nonNegative(metrics.rttMs);
  const jitter = nonNegative(metrics.jitterMs);
  const loss = Math.min(100, nonNegative(metrics.lossPct));
  const latency = rtt / 2 + 2 * jitter + 10;
  // past 160 ms the delay penalty grows ten times faster
  const delayPenalty = latency < 160 ? latency / 40 : (latency - 120) / 10;
  const r = Math.max(0, Math.min(100, 93.2 - delayPenalty - 2.5 * loss));
  const mos = 1 + 0.035 * r + 0.000007 * r * (r - 60) * (100 - r);
  return Math.round(Math.max(1, Math.min(5, mos)) * 100) / 100;
}

function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
