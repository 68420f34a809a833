/** round trip, its variation and loss of a path, as a call would feel them */
export interface PathFigures {
  /** median round trip, ms */
  rttMs: number;
  /** mean difference between consecutive round trips, ms */
  jitterMs: number;
  /** share of packets lost on a round trip, 0..100 */
  lossPct: number;
}

/** pings sent and the round-trip times of those that came back (in the order they came) */
export interface PingRun {
  sent: number;
  rttsMs: number[];
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Figures from a ping run. `roundsPerPing` is how many times each ping crossed the path there
 * and back: a loop through the relay (page → relay → page, and the echo the same way) crosses it
 * twice, so its times are halved and its loss is the loss of two round trips in a row
 * (1 − (1 − loss)²), taken back to one.
 *
 * @example
 * summarisePings({ sent: 4, rttsMs: [100, 120, 110] }); // { rttMs: 110, jitterMs: 15, lossPct: 25 }
 * summarisePings({ sent: 100, rttsMs: Array(96).fill(80) }, 2).rttMs; // 40
 */
export function summarisePings(run: PingRun, roundsPerPing = 1): PathFigures {
  const received = Math.min(run.rttsMs.length, run.sent);
  const delivered = run.sent === 0 ? 0 : received / run.sent;
  const lossPct = (1 - delivered ** (1 / roundsPerPing)) * 100;
  let steps = 0;
  for (let i = 1; i < run.rttsMs.length; i++) {
    steps += Math.abs((run.rttsMs[i] ?? 0) - (run.rttsMs[i - 1] ?? 0));
  }
  const jitterMs = run.rttsMs.length > 1 ? steps / (run.rttsMs.length - 1) / roundsPerPing : 0;
  return { rttMs: median(run.rttsMs) / roundsPerPing, jitterMs, lossPct };
}
