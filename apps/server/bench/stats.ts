/** What a set of latency samples comes to, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * The nearest-rank percentile of `samples` (any order): the smallest sample that at least `p`
 * percent of the samples do not exceed. Undefined for no samples or a `p` outside (0, 100].
 *
 * @example
 * percentile([4, 1, 3, 2], 50); // 2
 * percentile([4, 1, 3, 2], 99); // 4
 */
export function percentile(samples: readonly number[], p: number): number | undefined {
  if (samples.length === 0 || !(p > 0 && p <= 100)) return undefined;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(rank, sorted.length) - 1];
}

/**
 * p50, p99 and max of latency samples; undefined when there are none (a run that measured
 * nothing must not print a zero).
 *
 * @example
 * summarize([1, 2, 3]); // { count: 3, p50: 2, p99: 3, max: 3 }
 */
export function summarize(samples: readonly number[]): LatencySummary | undefined {
  const p50 = percentile(samples, 50);
  const p99 = percentile(samples, 99);
  const max = percentile(samples, 100);
  if (p50 === undefined || p99 === undefined || max === undefined) return undefined;
  return { count: samples.length, p50, p99, max };
}

/**
 * Milliseconds between two `process.hrtime.bigint()` readings.
 *
 * @example
 * const started = process.hrtime.bigint();
 * elapsedMs(started, process.hrtime.bigint()); // 0.004
 */
export function elapsedMs(from: bigint, to: bigint): number {
  return Number(to - from) / 1e6;
}
