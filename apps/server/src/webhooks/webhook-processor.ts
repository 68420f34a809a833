import type { NormalizedEvent } from '@ringside/calls';
import type { Logger } from '../ops/logger';
import type { StoredWebhookEvent, WebhookReceiptsRepo } from '../repos/webhook-receipts';
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

/** work that goes before processing (webhook acknowledgements): waited for while busy */
export interface ForegroundWork {
  busy(): boolean;
  idle(): Promise<void>;
  /** how many requests arrived within the last `ms` */
  arrivalsWithin(ms: number): number;
}

/** this many deliveries within {@link STREAM_WINDOW_MS} is a stream: processing steps back */
const STREAM_ARRIVALS = 4;
const STREAM_WINDOW_MS = 2;
/** however hard deliveries stream in, an event waits no longer than this for its turn */
export const MAX_DEFER_MS = 20;

/**
 * Applies stored webhook events one at a time, in arrival order, so events of one call apply in
 * the order Meta sent them. New events are handed over by the ingest as soon as they are
 * committed (`enqueue`), not read back; the table is read at start-up (`kick`: nothing stored
 * before a crash is lost) and, now and then, for events left behind by another node. Between
 * events it gives way to `foreground` work, so acknowledgements never queue behind processing
 * (which is asynchronous by design). A failure is recorded and retried later with backoff; an
 * event that keeps failing becomes a dead letter (webhook-retries.ts), which the call's other
 * events do not wait for and which an admin can retry (`enqueue` again). An event Meta sent for an outbound
 * call before our dial stored it (its `connect` reply and webhooks race) is kept pending and
 * tried again, with the call's later events behind it, as soon as the dial says the call is
 * stored (`retry`) or, failing that, with backoff for up to {@link DIAL_WAIT_MS}.
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
}) {
  const clock = deps.clock ?? (() => new Date());
  const now = () => clock().getTime();
  const dialRetryMs = deps.dialRetryMs ?? DIAL_RETRY_MS;
  const dialWaitMs = deps.dialWaitMs ?? DIAL_WAIT_MS;
  const queue: StoredWebhookEvent[] = [];
  // queued, being applied, waiting for a retry or for a dial: never taken in twice
  const known = new Set<string>();
  const failures = createFailureRecorder({
    receipts: deps.receipts,
    logger: deps.logger,
    policy: { ...DEFAULT_RETRY_POLICY, ...deps.retries },
    clock,
    onDeadLetter: deps.onDeadLetter,
    retry: (event) => {
      queue.push(event);
      start();
    },
  });
  // events of calls not stored yet, by Meta call id, in arrival order
  const waiting = new Map<string, WaitingForDial>();
  // calls whose waiting events are to be tried now
  const due = new Set<string>();
  let waitTimer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let scan: 'none' | 'all' | 'left-behind' = 'none';
  let stopped = false;
  let sweepTimer: NodeJS.Timeout | undefined;

  function take(events: readonly StoredWebhookEvent[], where: 'front' | 'back'): number {
    const fresh = events.filter((event) => !known.has(event.idempotencyKey));
    for (const event of fresh) known.add(event.idempotencyKey);
    if (where === 'front') queue.unshift(...fresh);
    else queue.push(...fresh);
    return fresh.length;
  }

  function start(): void {
    if (stopped || running) return;
    running = drain()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'webhook processing stopped'))
      .finally(() => {
        running = undefined;
        if (queue.length > 0 || scan !== 'none' || due.size > 0) start();
        else scheduleWaiting();
      });
  }

  async function drain(): Promise<void> {
    for (;;) {
      if (stopped) return;
      if (scan !== 'none') {
        const left = scan === 'left-behind';
        scan = 'none';
        const before = left ? new Date(clock().getTime() - LEFT_BEHIND_MS) : undefined;
        const stored = await deps.receipts.unprocessedEvents(SCAN_LIMIT, before);
        // older than anything queued: they go first
        const taken = take(stored, 'front');
        if (stored.length === SCAN_LIMIT && taken > 0) scan = left ? 'left-behind' : 'all';
      }
      const [callId] = due;
      if (callId !== undefined) {
        due.delete(callId);
        await giveWay();
        if (!stopped) await flush(callId);
        continue;
      }
      const next = queue.shift();
      if (!next) return;
      await giveWay();
      if (stopped) {
        queue.unshift(next);
        return;
      }
      await processOne(next);
    }
  }

  // acknowledgements first: let waiting requests in and wait while they are being stored; while
  // deliveries stream in, step back a little longer (bounded, so calls still ring under a flood)
  async function giveWay(): Promise<void> {
    const foreground = deps.foreground;
    const started = performance.now();
    for (;;) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      if (!foreground) return;
      if (foreground.busy()) {
        await foreground.idle();
        continue;
      }
      const streaming = foreground.arrivalsWithin(STREAM_WINDOW_MS) >= STREAM_ARRIVALS;
      if (!streaming || performance.now() - started >= MAX_DEFER_MS) return;
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
    }
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
        for (const [callId, held] of waiting) if (held.nextAt <= at) due.add(callId);
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
      due.add(metaCallId);
      start();
    },
    /**
     * resolves once nothing is queued or being processed (tests, shutdown, benches); events
     * waiting for their call's dial are not waited for
     */
    async idle(): Promise<void> {
      while (running) await running;
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(sweepTimer);
      clearTimeout(waitTimer);
      failures.stop();
      while (running) await running;
    },
  };
}

export type WebhookProcessor = ReturnType<typeof createWebhookProcessor>;

/** a call's events that came before its dial stored it */
interface WaitingForDial {
  readonly events: StoredWebhookEvent[];
  /** when the first of them was deferred */
  readonly since: number;
  delayMs: number;
  nextAt: number;
}
