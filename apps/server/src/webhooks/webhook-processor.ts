import type { NormalizedEvent } from '@ringside/calls';
import type { Logger } from '../ops/logger';
import type { StoredWebhookEvent, WebhookReceiptsRepo } from '../repos/webhook-receipts';
import { createCallLanes } from './call-lanes';
import { flooding, giveWay, type ForegroundWork } from './give-way';
import { createFailureRecorder, DEFAULT_RETRY_POLICY, type RetryPolicy } from './webhook-retries';

/** how many stored events one look at the table takes in */
const SCAN_LIMIT = 1_000;
/** events still pending this long after arrival were left behind (a crash, another node) */
export const LEFT_BEHIND_MS = 30_000;

/** what processing one event did; `marked`: it was marked processed with its own change */
export interface AppliedEvent {
  readonly marked: boolean;
  /**
   * the event's call is not stored yet but may be in a moment (Meta sent an outbound call's
   * connect or status before the dial stored it): left pending, to be tried again
   */
  readonly deferred?: boolean;
}

/** an event waiting for its outbound call's dial is first tried again after this, then less often */
export const DIAL_RETRY_MS = 100;
const DIAL_RETRY_MAX_MS = 2_000;
/** how long it waits at most; then it is applied as it stands (a stray, logged and dropped) */
export const DIAL_WAIT_MS = 20_000;
/**
 * calls whose events are applied at the same time (each call's own events one at a time); one
 * while deliveries flood in ({@link flooding})
 */
export const PROCESSING_CONCURRENCY = 4;

/**
 * Applies stored webhook events, each call's events one at a time in arrival order (so they
 * apply in the order Meta sent them) and up to {@link PROCESSING_CONCURRENCY} calls at once
 * (one while deliveries flood in), so a call rings without waiting for unrelated calls' events
 * ahead of it. Of the calls free to go,
 * the one whose next event arrived first goes first. New events are handed over by the ingest
 * as soon as they are committed (`enqueue`), not read back; the table is read at start-up
 * (`kick`: nothing stored before a crash is lost) and, now and then, for events left behind by
 * another node; what such a read finds goes ahead of everything queued. Before each event it
 * gives way to `foreground` work, so acknowledgements never queue behind processing (which is
 * asynchronous by design). A failure is recorded and retried later with backoff; an event that
 * keeps failing becomes a dead letter (webhook-retries.ts), which the call's other events do
 * not wait for and which an admin can retry (`enqueue` again). An event Meta sent for an
 * outbound call before our dial stored it (its `connect` reply and webhooks race) is kept
 * pending and tried again, with the call's later events behind it, as soon as the dial says
 * the call is stored (`retry`) or, failing that, with backoff for up to {@link DIAL_WAIT_MS}.
 *
 * @example
 * const processor = createWebhookProcessor({ receipts, apply: calls.applyWebhookEvent, logger, foreground: groupCommit });
 * processor.enqueue(newEvents); // from the ingest, after the commit
 * processor.kick(); // at start-up
 */
export function createWebhookProcessor(deps: {
  receipts: Pick<WebhookReceiptsRepo, 'unprocessedEvents' | 'markProcessed' | 'markFailed'>;
  /**
   * applies the event; may mark it processed in the transaction of its change. `mayDefer`: an
   * event for an outbound call not stored yet may come back `deferred` instead of ignored
   */
  apply: (
    event: NormalizedEvent,
    idempotencyKey: string,
    options: { mayDefer: boolean },
  ) => Promise<AppliedEvent>;
  logger: Logger;
  foreground?: ForegroundWork;
  /** see {@link DEFAULT_RETRY_POLICY} */
  retries?: Partial<RetryPolicy> | undefined;
  /** an event just became a dead letter (metrics) */
  onDeadLetter?: ((event: StoredWebhookEvent) => void) | undefined;
  sweepMs?: number;
  clock?: () => Date;
  /** see {@link DIAL_RETRY_MS} and {@link DIAL_WAIT_MS} */
  dialRetryMs?: number;
  dialWaitMs?: number;
  /** see {@link PROCESSING_CONCURRENCY} */
  concurrency?: number;
}) {
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().getTime();
  const dialRetryMs = deps.dialRetryMs ?? DIAL_RETRY_MS;
  const dialWaitMs = deps.dialWaitMs ?? DIAL_WAIT_MS;
  const concurrency = Math.max(1, deps.concurrency ?? PROCESSING_CONCURRENCY);
  // one lane per call (events without a call each their own); a due dial retry rides its lane
  const lanes = createCallLanes<Job>((job) =>
    'flush' in job ? job.flush : (job.metaCallId ?? `event:${job.idempotencyKey}`),
  );
  // queued, being applied, waiting for a retry or for a dial: never taken in twice
  const known = new Set<string>();
  const failures = createFailureRecorder({
    receipts: deps.receipts,
    logger: deps.logger,
    policy: { ...DEFAULT_RETRY_POLICY, ...deps.retries },
    clock,
    onDeadLetter: deps.onDeadLetter,
    retry: (event) => {
      lanes.add([event], 'back');
      start();
    },
  });
  // events of calls not stored yet, by Meta call id, in arrival order
  const waiting = new Map<string, WaitingForDial>();
  // calls whose waiting events have a flush queued in their lane
  const due = new Set<string>();
  let waitTimer: NodeJS.Timeout | undefined;
  const workers = new Set<Promise<void>>();
  let scan: 'none' | 'all' | 'left-behind' = 'none';
  let scanning: Promise<void> | undefined;
  let stopped = false;
  let sweepTimer: NodeJS.Timeout | undefined;

  /** queues the events not known yet (a key repeated within `events` too); how many */
  function take(events: readonly StoredWebhookEvent[], where: 'front' | 'back'): number {
    const fresh = events.filter((event) => {
      if (known.has(event.idempotencyKey)) return false;
      known.add(event.idempotencyKey);
      return true;
    });
    lanes.add(fresh, where);
    return fresh.length;
  }

  function flushSoon(callId: string): void {
    if (due.has(callId)) return;
    due.add(callId);
    // ahead of the call's later events: they are held behind the waiting ones anyway
    lanes.add([{ flush: callId }], 'front');
  }

  // one call at a time while deliveries flood in: acknowledgements first
  const lanesNow = () => (flooding(deps.foreground) ? 1 : concurrency);

  function start(): void {
    const limit = lanesNow();
    while (!stopped && workers.size < limit && (scan !== 'none' || lanes.hasReady())) {
      const worker: Promise<void> = work()
        .catch((error: unknown) => deps.logger.error({ err: error }, 'webhook processing stopped'))
        .finally(() => {
          workers.delete(worker);
          if (!stopped && (scan !== 'none' || lanes.hasReady())) start();
          else if (workers.size === 0) scheduleWaiting();
        });
      workers.add(worker);
    }
  }

  async function work(): Promise<void> {
    for (;;) {
      if (stopped) return;
      // what the table holds goes first: nobody takes an event while it is being read
      if (scan !== 'none' || scanning) {
        await readTable();
        continue;
      }
      // a flood began: the workers over the limit stop (one always stays, see start)
      if (workers.size > lanesNow()) return;
      const next = lanes.take();
      if (!next) return;
      try {
        await giveWay(deps.foreground);
        if (stopped) {
          // left as it stands: pending in the table, read again at the next start
          return;
        }
        const job = next.item;
        if ('flush' in job) {
          due.delete(job.flush);
          await flush(job.flush);
        } else {
          await processOne(job);
        }
      } finally {
        lanes.done(next.key);
      }
      // the flood ebbed: more calls at once again
      start();
    }
  }

  // one read of the table at a time; every worker waits for it
  function readTable(): Promise<void> {
    scanning ??= (async () => {
      const left = scan === 'left-behind';
      scan = 'none';
      const before = left ? new Date(clock().getTime() - LEFT_BEHIND_MS) : undefined;
      const stored = await deps.receipts.unprocessedEvents(SCAN_LIMIT, before);
      // older than anything queued: they go first
      const fresh = take(stored, 'front');
      if (stored.length === SCAN_LIMIT && fresh > 0) scan = left ? 'left-behind' : 'all';
    })().finally(() => {
      scanning = undefined;
    });
    return scanning;
  }

  async function processOne(stored: StoredWebhookEvent): Promise<void> {
    const callId = stored.metaCallId;
    const held = callId === null ? undefined : waiting.get(callId);
    if (callId !== null && held) {
      // behind its call's waiting events, so one call's events still apply in Meta's order
      held.events.push(stored);
      await flush(callId);
      return;
    }
    const applied = await applyOne(stored, callId !== null);
    if (applied === 'deferred' && callId !== null) {
      const at = now();
      waiting.set(callId, {
        events: [stored],
        since: at,
        delayMs: dialRetryMs,
        nextAt: at + dialRetryMs,
      });
      scheduleWaiting();
    }
  }

  /** one event: applied and marked ('done'), left for later ('deferred'), or failed ('failed') */
  async function applyOne(
    stored: StoredWebhookEvent,
    mayDefer: boolean,
  ): Promise<'done' | 'deferred' | 'failed'> {
    const key = stored.idempotencyKey;
    try {
      const applied = await deps.apply(stored.payload as NormalizedEvent, key, { mayDefer });
      if (applied.deferred && mayDefer) return 'deferred';
      if (!applied.marked) await deps.receipts.markProcessed(key);
      known.delete(key);
      return 'done';
    } catch (error) {
      if ((await failures.record(stored, error)) === 'dead') known.delete(key);
      return 'failed';
    }
  }

  /**
   * Tries a call's waiting events again, in order, stopping at the first still waiting. Past
   * {@link DIAL_WAIT_MS} they are applied as they stand: no dial stored the call, so the model
   * ignores them (logged) and they are marked processed.
   */
  async function flush(callId: string): Promise<void> {
    const held = waiting.get(callId);
    if (!held) return;
    const overdue = now() - held.since >= dialWaitMs;
    while (held.events.length > 0) {
      const [stored] = held.events;
      if (!stored) break;
      const result = await applyOne(stored, !overdue);
      if (result === 'deferred') {
        held.delayMs = Math.min(held.delayMs * 2, DIAL_RETRY_MAX_MS);
        held.nextAt = Math.min(now() + held.delayMs, held.since + dialWaitMs);
        scheduleWaiting();
        return;
      }
      // a failure was recorded: tried again on its own, or a dead letter
      held.events.shift();
    }
    waiting.delete(callId);
    if (overdue) {
      deps.logger.warn({ metaCallId: callId }, 'events for a call no dial stored were set aside');
    }
  }

  /** wakes up when the next waiting call is due */
  function scheduleWaiting(): void {
    clearTimeout(waitTimer);
    waitTimer = undefined;
    if (stopped || waiting.size === 0) return;
    const soonest = Math.min(...[...waiting.values()].map((held) => held.nextAt));
    waitTimer = setTimeout(
      () => {
        waitTimer = undefined;
        const at = now();
        for (const [callId, held] of waiting) if (held.nextAt <= at) flushSoon(callId);
        start();
        if (due.size === 0) scheduleWaiting();
      },
      Math.max(0, soonest - now()),
    );
    waitTimer.unref();
  }

  return {
    /** new events, just committed, in arrival order */
    enqueue(events: readonly StoredWebhookEvent[]): void {
      if (stopped) return;
      take(events, 'back');
      start();
    },
    /** reads every stored event not yet processed (start-up), and keeps an eye out after */
    kick(): void {
      if (stopped) return;
      scan = 'all';
      start();
      sweepTimer ??= setInterval(() => {
        if (scan === 'none') scan = 'left-behind';
        start();
      }, deps.sweepMs ?? LEFT_BEHIND_MS);
      sweepTimer.unref();
    },
    /**
     * A dialed call was just stored: the events Meta sent for it before (waiting, see
     * {@link AppliedEvent.deferred}) are applied now rather than at their next retry.
     */
    retry(metaCallId: string): void {
      if (stopped || !waiting.has(metaCallId)) return;
      flushSoon(metaCallId);
      start();
    },
    /**
     * resolves once nothing is queued or being processed (tests, shutdown, benches); events
     * waiting for their call's dial are not waited for
     */
    async idle(): Promise<void> {
      while (workers.size > 0) await Promise.all(workers);
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(sweepTimer);
      clearTimeout(waitTimer);
      failures.stop();
      while (workers.size > 0) await Promise.all(workers);
    },
  };
}

export type WebhookProcessor = ReturnType<typeof createWebhookProcessor>;

/** a stored event to apply, or a call whose events waiting for its dial are to be tried now */
type Job = StoredWebhookEvent | { readonly flush: string };

/** a call's events that came before its dial stored it */
interface WaitingForDial {
  readonly events: StoredWebhookEvent[];
  /** when the first of them was deferred */
  readonly since: number;
  delayMs: number;
  nextAt: number;
}
