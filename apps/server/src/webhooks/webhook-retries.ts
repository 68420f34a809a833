import type { Logger } from '../ops/logger';
import type { StoredWebhookEvent, WebhookReceiptsRepo } from '../repos/webhook-receipts';

/**
 * How a stored event whose processing fails is tried again: after `firstDelayMs`, then twice as
 * long each time up to `maxDelayMs`; the `maxAttempts`-th failure makes it a dead letter, kept
 * with its last error until an admin retries it.
 */
export interface RetryPolicy {
  readonly firstDelayMs: number;
  readonly maxDelayMs: number;
  readonly maxAttempts: number;
}

/**
 * 2, 4, 8, 16, 32 s, then a minute: ten attempts over about five minutes, enough to ride out a
 * database failover or a deploy, short enough that a call's events are not stuck for long
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  firstDelayMs: 2_000,
  maxDelayMs: 60_000,
  maxAttempts: 10,
};

/**
 * How long to wait after an event's `failures`-th failure.
 *
 * @example
 * retryDelayMs(DEFAULT_RETRY_POLICY, 1); // 2_000
 * retryDelayMs(DEFAULT_RETRY_POLICY, 7); // 60_000
 */
export function retryDelayMs(policy: RetryPolicy, failures: number): number {
  return Math.min(policy.firstDelayMs * 2 ** Math.max(0, failures - 1), policy.maxDelayMs);
}

/**
 * Records each failed attempt of a stored event and either schedules the next (`retry` is
 * called when it is due) or, at the last attempt, makes the event a dead letter: out of every
 * pending scan until an admin retries it. While the database cannot record the failure, the
 * event is simply tried again later.
 *
 * @example
 * const failures = createFailureRecorder({ receipts, logger, policy, clock, retry: (e) => queue.push(e) });
 * const outcome = await failures.record(event, error); // 'retry' | 'dead'
 */
export function createFailureRecorder(deps: {
  receipts: Pick<WebhookReceiptsRepo, 'markFailed'>;
  logger: Logger;
  policy: RetryPolicy;
  clock: () => Date;
  retry: (event: StoredWebhookEvent) => void;
  onDeadLetter?: ((event: StoredWebhookEvent) => void) | undefined;
}) {
  const timers = new Set<NodeJS.Timeout>();

  return {
    async record(stored: StoredWebhookEvent, error: unknown): Promise<'retry' | 'dead'> {
      const key = stored.idempotencyKey;
      const attempts = stored.attempts + 1;
      const dead = attempts >= deps.policy.maxAttempts;
      deps.logger.error(
        { err: loggableError(error), key, kind: stored.kind, attempts },
        'webhook event processing failed',
      );
      try {
        await deps.receipts.markFailed(key, failureText(error), dead ? deps.clock() : undefined);
        if (dead) {
          deps.logger.error(
            { key, kind: stored.kind, metaCallId: stored.metaCallId, attempts },
            'webhook event is a dead letter after repeated failures (an admin can retry it)',
          );
          deps.onDeadLetter?.(stored);
          return 'dead';
        }
      } catch (bookkeeping) {
        // the database is away: the event stays pending and is tried again all the same
        deps.logger.warn({ err: bookkeeping, key }, 'could not record a processing failure');
      }
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          deps.retry({ ...stored, attempts });
        },
        retryDelayMs(deps.policy, attempts),
      );
      timer.unref();
      timers.add(timer);
      return 'retry';
    },
    /** drops the scheduled retries (the events stay pending in the table) */
    stop(): void {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/**
 * What went wrong, in words an admin reads: a failed query's own message quotes its SQL and
 * parameters (numbers, SDPs with ICE credentials), so its cause's is kept instead.
 *
 * @example
 * failureText(drizzleError); // 'relation "calls" does not exist'
 */
export function failureText(error: unknown): string {
  const root = loggableError(error);
  return root instanceof Error ? root.message : String(root);
}

/** the error to log: a failed query's cause, never the query with its parameters */
function loggableError(error: unknown): unknown {
  let current = error;
  while (isFailedQuery(current) && current.cause !== undefined) current = current.cause;
  return isFailedQuery(current) ? new Error('a database query failed') : current;
}

function isFailedQuery(error: unknown): error is Error {
  return error instanceof Error && error.message.startsWith('Failed query:');
}
