import type { ProcessUsage } from './capacity-protocol';

/** What one node must stay within while the load grows (#13 item 2). */
export interface CapacityLimits {
  readonly ringP99Ms: number;
  readonly rssBytes: number;
}

export const CAPACITY_LIMITS: CapacityLimits = { ringP99Ms: 250, rssBytes: 400 * 1024 * 1024 };

/** one level's reading: ring latency at that load and the server's memory */
export interface LevelSample {
  readonly ringP99Ms: number;
  readonly rssBytes: number;
}

/**
 * Why a level is past what the node can take, or undefined when it is within the limits.
 *
 * @example
 * overLimit({ ringP99Ms: 300, rssBytes: 100e6 }, CAPACITY_LIMITS); // 'ring p99 300.0 ms > 250 ms'
 */
export function overLimit(sample: LevelSample, limits: CapacityLimits): string | undefined {
  if (sample.ringP99Ms > limits.ringP99Ms) {
    return `ring p99 ${sample.ringP99Ms.toFixed(1)} ms > ${limits.ringP99Ms} ms`;
  }
  if (sample.rssBytes > limits.rssBytes) {
    return `RSS ${mb(sample.rssBytes).toFixed(0)} MB > ${mb(limits.rssBytes).toFixed(0)} MB`;
  }
  return undefined;
}

/**
 * The levels of a ramp that fit under `cap`, in order; the cap itself is the last level when it
 * falls between two (the ramp tries the most there is room for).
 *
 * @example
 * levelsUpTo([100, 250, 500, 1000], 600); // [100, 250, 500, 600]
 */
export function levelsUpTo(levels: readonly number[], cap: number): number[] {
  const under = levels.filter((level) => level <= cap);
  const last = under[under.length - 1] ?? 0;
  return cap > last && levels.some((level) => level > cap) ? [...under, cap] : under;
}

/**
 * Memory and CPU a unit of load (an agent, a call) cost between two readings of the server:
 * RSS and V8 heap grown per unit in KB, CPU time per unit in ms.
 *
 * @example
 * perUnit(before, after, 500); // { rssKb: 61.4, heapKb: 20.5, cpuMs: 3.2 }
 */
export function perUnit(
  before: ProcessUsage,
  after: ProcessUsage,
  units: number,
): { rssKb: number; heapKb: number; cpuMs: number } {
  if (units <= 0) return { rssKb: 0, heapKb: 0, cpuMs: 0 };
  return {
    rssKb: (after.rssBytes - before.rssBytes) / 1024 / units,
    heapKb: (after.heapUsedBytes - before.heapUsedBytes) / 1024 / units,
    cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / units,
  };
}

/**
 * The share of one core the process used between two readings (1 = a whole core).
 *
 * @example
 * coreShare(atStart, oneSecondLater); // 0.5: half a core
 */
export function coreShare(before: ProcessUsage, after: ProcessUsage): number {
  const wallMs = after.atMs - before.atMs;
  return wallMs > 0 ? (after.cpuMicros - before.cpuMicros) / 1000 / wallMs : 0;
}

/** bytes to MB (2^20) */
export function mb(bytes: number): number {
  return bytes / 1024 / 1024;
}
