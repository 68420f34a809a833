import type { BenchContext } from './bench-context';
import { CAPACITY_LIMITS, overLimit } from './capacity-ramp';
import { startChild } from './child';
import { summarize } from './stats';
import type { LoadJob, LoadResult, StatusCounts } from './webhook-load-protocol';

const RATES = [10, 25, 50, 100, 200, 400];
const SECONDS_PER_RATE = 4;
const BUDGET_MS = 60_000;
const DRAIN_TIMEOUT_MS = 60_000;

export interface WebhookRateDeps {
  readonly appSecret: string;
  readonly webhookUrl: string;
  /** a number no agent answers: its calls are stored and processed, and ring nobody */
  readonly quietPhoneNumberId: string;
  /** one timed ring of every available agent (then the caller hangs up); resolves its ms */
  ringOnce(): Promise<number>;
  /** waits for the server's webhook processor to catch up */
  idle(timeoutMs: number): Promise<void>;
  /** the server's RSS now */
  rssBytes(): Promise<number>;
}

/**
 * Webhooks per second one node takes while it still rings agents in time: connect+terminate
 * pairs at a fixed rate (open loop) to a number no agent answers, for a few seconds per rate,
 * while calls to the agents' number are rung and timed one after another. The ramp stops when
 * ring p99 passes 250 ms, RSS passes 400 MB, or a webhook is not answered 200.
 *
 * @example
 * const { level, stop } = await webhookRatePhase(ctx, deps);
 */
export async function webhookRatePhase(
  ctx: BenchContext,
  deps: WebhookRateDeps,
): Promise<{ level: number; stop: string }> {
  const load = await startChild<LoadJob, LoadResult>(new URL('./webhook-load.ts', import.meta.url));
  const deadline = Date.now() + BUDGET_MS;
  let level = 0;
  try {
    for (const [index, rate] of RATES.entries()) {
      if (Date.now() > deadline) return { level, stop: 'webhooks time budget spent' };
      const requests = rate * SECONDS_PER_RATE;
      let loading = true;
      const sent = load
        .request(
          {
            url: deps.webhookUrl,
            appSecret: deps.appSecret,
            phoneNumberId: deps.quietPhoneNumberId,
            runTag: `rate${index}`,
            plan: {
              kind: 'fixed-rate',
              perSecond: rate,
              requests,
              connections: 64,
              terminateLag: 10,
              graceMs: 5_000,
            },
          },
          60_000,
        )
        .finally(() => (loading = false));
      const rings: number[] = [];
      // rung while the load runs; at least one even if the load was quicker
      do rings.push(await deps.ringOnce());
      while (loading);
      const result = await sent;
      const drainStarted = Date.now();
      await deps.idle(DRAIN_TIMEOUT_MS);
      const backlogMs = Date.now() - drainStarted;
      if (result.kind !== 'fixed-rate') throw new Error(`the load answered ${result.kind}`);
      const ring = summarize(rings);
      ctx.note(
        `capacity: ${rate} webhooks/s for ${SECONDS_PER_RATE} s: ack p99 ` +
          `${result.latency?.p99.toFixed(1)} ms ${JSON.stringify(result.statuses)}; ring p99 ` +
          `${ring?.p99.toFixed(1)} ms over ${rings.length} calls; backlog ${backlogMs} ms`,
      );
      const failures = failed(result.statuses);
      if (failures > 0)
        return { level, stop: `${failures} webhooks not answered 200 at ${rate}/s` };
      const over = overLimit(
        { ringP99Ms: ring?.p99 ?? Infinity, rssBytes: await deps.rssBytes() },
        CAPACITY_LIMITS,
      );
      if (over) return { level, stop: `${over} at ${rate}/s` };
      level = rate;
    }
    return { level, stop: 'the last level' };
  } finally {
    await load.close();
  }
}

function failed(statuses: StatusCounts): number {
  return Object.entries(statuses).reduce(
    (sum, [status, n]) => (status === '200' ? sum : sum + n),
    0,
  );
}
