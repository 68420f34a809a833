import type { QualityMetrics } from '@ringside/contracts';
import type { QualityState } from '../state/types';
import { assessQuality } from './quality';
import { readStatsSample, type StatsSample } from './stats-sample';

export interface StatsMonitorOptions {
  /** the peer connection's `getStats` */
  getStats: () => Promise<{ values(): Iterable<unknown> }>;
  /** every fresh grade, for the in-call panel */
  onQuality: (quality: QualityState) => void;
  /** every raw sample (the no-audio watchdog counts inbound packets) */
  onSample?: (sample: StatsSample) => void;
  /** sends `call:quality` to the server */
  report?: (metrics: QualityMetrics) => void;
  intervalMs?: number;
  /** how often the server hears about quality, besides every change of level */
  reportEveryMs?: number;
  now?: () => number;
  setInterval?: (run: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

const KEEP = 8;

/**
 * Polls `getStats()` every second while a call runs, grades quality (RTT, jitter, loss, MOS,
 * good / fair / poor with a reason, warnings) and reports it to the server every few seconds and
 * whenever the level changes.
 *
 * @example
 * const monitor = new StatsMonitor({
 *   getStats: () => pc.getStats(),
 *   onQuality: (q) => store.getState().callPatched(callId, { quality: q }),
 *   report: (m) => void signaling.send('call:quality', { callId, ...m }),
 * });
 * monitor.start();
 */
export class StatsMonitor {
  readonly #options: StatsMonitorOptions;
  readonly #now: () => number;
  readonly #samples: StatsSample[] = [];
  #timer: unknown = undefined;
  #busy = false;
  #lastLevel: QualityState['level'] | undefined;
  #lastReportAt = -Infinity;

  constructor(options: StatsMonitorOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => performance.now());
  }

  start(): void {
    if (this.#timer !== undefined) return;
    const every = this.#options.intervalMs ?? 1000;
    const set = this.#options.setInterval ?? ((run, ms) => setInterval(run, ms));
    this.#timer = set(() => void this.tick(), every);
    void this.tick();
  }

  stop(): void {
    if (this.#timer === undefined) return;
    const clear =
      this.#options.clearInterval ??
      ((handle) => clearInterval(handle as ReturnType<typeof setInterval>));
    clear(this.#timer);
    this.#timer = undefined;
  }

  /** the latest sample, if any */
  get latest(): StatsSample | undefined {
    return this.#samples[this.#samples.length - 1];
  }

  /** one poll; exposed so tests can drive time */
  async tick(): Promise<void> {
    // a slow getStats must not pile up overlapping polls
    if (this.#busy) return;
    this.#busy = true;
    try {
      const report = await this.#options.getStats();
      const sample = readStatsSample(report, this.#now());
      this.#samples.push(sample);
      if (this.#samples.length > KEEP) this.#samples.shift();
      this.#options.onSample?.(sample);
      const quality = assessQuality(this.#samples);
      if (quality) {
        this.#options.onQuality(quality);
        this.#maybeReport(quality, sample.at);
      }
    } catch {
      // a closed connection rejects getStats: the session is ending, nothing to grade
    } finally {
      this.#busy = false;
    }
  }

  #maybeReport(quality: QualityState, at: number): void {
    const every = this.#options.reportEveryMs ?? 5000;
    const changed = quality.level !== this.#lastLevel;
    if (!changed && at - this.#lastReportAt < every) return;
    this.#lastLevel = quality.level;
    this.#lastReportAt = at;
    this.#options.report?.({
      rttMs: quality.rttMs,
      jitterMs: quality.jitterMs,
      lossPct: quality.lossPct,
      mos: quality.mos,
    });
  }
}
