import type { NormalizedEvent } from '@ringside/calls';
import type { Logger } from '../ops/logger';
import type { StoredWebhookEvent, WebhookReceiptsRepo } from '../repos/webhook-receipts';

/** attempts before an event that keeps failing is set aside (it stays stored with its error) */
export const MAX_PROCESSING_ATTEMPTS = 5;
/** how many stored events one look at the table takes in */
const SCAN_LIMIT = 1_000;
/** events still pending this long after arrival were left behind (a crash, another node) */
export const LEFT_BEHIND_MS = 30_000;

/** what processing one event did; `marked`: it was marked processed with its own change */
export interface AppliedEvent {
  readonly marked: boolean;
}

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
 * (which is asynchronous by design). A failure is recorded and retried later; after
 * {@link MAX_PROCESSING_ATTEMPTS} the event is set aside.
 *
 * @example
 * const processor = createWebhookProcessor({ receipts, apply: calls.applyWebhookEvent, logger, foreground: groupCommit });
 * processor.enqueue(newEvents); // from the ingest, after the commit
 * processor.kick(); // at start-up
 */
export function createWebhookProcessor(deps: {
  receipts: Pick<WebhookReceiptsRepo, 'unprocessedEvents' | 'markProcessed' | 'markFailed'>;
  /** applies the event; may mark it processed in the transaction of its change */
  apply: (event: NormalizedEvent, idempotencyKey: string) => Promise<AppliedEvent>;
  logger: Logger;
  foreground?: ForegroundWork;
  retryDelayMs?: number;
  sweepMs?: number;
  clock?: () => Date;
}) {
  const clock = deps.clock ?? (() => new Date());
  const queue: StoredWebhookEvent[] = [];
  // queued, being applied or waiting for a retry: never taken in twice
  const known = new Set<string>();
  const retryTimers = new Set<NodeJS.Timeout>();
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
        if (queue.length > 0 || scan !== 'none') start();
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
    const key = stored.idempotencyKey;
    try {
      const applied = await deps.apply(stored.payload as NormalizedEvent, key);
      if (!applied.marked) await deps.receipts.markProcessed(key);
      known.delete(key);
    } catch (error) {
      const attempts = stored.attempts + 1;
      deps.logger.error(
        { err: error, key, kind: stored.kind, attempts },
        'webhook event processing failed',
      );
      await recordFailure(stored, attempts, error);
    }
  }

  async function recordFailure(
    stored: StoredWebhookEvent,
    attempts: number,
    error: unknown,
  ): Promise<void> {
    const key = stored.idempotencyKey;
    try {
      await deps.receipts.markFailed(key, error instanceof Error ? error.message : String(error));
      if (attempts >= MAX_PROCESSING_ATTEMPTS) {
        deps.logger.error({ key }, 'webhook event set aside after repeated failures');
        await deps.receipts.markProcessed(key);
        known.delete(key);
        return;
      }
    } catch (bookkeeping) {
      // the database is away: the event stays pending and is tried again all the same
      deps.logger.warn({ err: bookkeeping, key }, 'could not record a processing failure');
    }
    const timer = setTimeout(() => {
      retryTimers.delete(timer);
      queue.push({ ...stored, attempts });
      start();
    }, deps.retryDelayMs ?? 2_000);
    timer.unref();
    retryTimers.add(timer);
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
    /** resolves once nothing is queued or being processed (tests, shutdown, benches) */
    async idle(): Promise<void> {
      while (running) await running;
    },
    async stop(): Promise<void> {
      stopped = true;
      clearInterval(sweepTimer);
      for (const timer of retryTimers) clearTimeout(timer);
      retryTimers.clear();
      while (running) await running;
    },
  };
}

export type WebhookProcessor = ReturnType<typeof createWebhookProcessor>;
