import type { NormalizedEvent } from '@ringside/calls';
import type { Logger } from '../ops/logger';
import type { WebhookReceiptsRepo } from '../repos/webhook-receipts';

/** attempts before an event that keeps failing is set aside (it stays stored with its error) */
export const MAX_PROCESSING_ATTEMPTS = 5;
const BATCH = 100;

/**
 * Works through stored webhook events in arrival order, one at a time, so events of one call
 * apply in the order Meta sent them. Kicked after each stored delivery and once at start-up (so
 * nothing stored before a crash is lost); a failure is recorded and retried later.
 */
export function createWebhookProcessor(deps: {
  receipts: WebhookReceiptsRepo;
  apply: (event: NormalizedEvent) => Promise<unknown>;
  logger: Logger;
  retryDelayMs?: number;
}) {
  let running: Promise<void> | undefined;
  let again = false;
  let retryTimer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function drain(): Promise<void> {
    for (;;) {
      again = false;
      const batch = await deps.receipts.unprocessedEvents(BATCH);
      let failed = false;
      for (const stored of batch) {
        if (stopped) return;
        try {
          await deps.apply(stored.payload as NormalizedEvent);
          await deps.receipts.markProcessed(stored.idempotencyKey);
        } catch (error) {
          failed = true;
          const attempts = stored.attempts + 1;
          deps.logger.error(
            { err: error, key: stored.idempotencyKey, kind: stored.kind, attempts },
            'webhook event processing failed',
          );
          await deps.receipts.markFailed(
            stored.idempotencyKey,
            error instanceof Error ? error.message : String(error),
          );
          if (attempts >= MAX_PROCESSING_ATTEMPTS) {
            deps.logger.error(
              { key: stored.idempotencyKey },
              'webhook event set aside after repeated failures',
            );
            await deps.receipts.markProcessed(stored.idempotencyKey);
          }
        }
      }
      if (failed) {
        retryTimer ??= setTimeout(() => {
          retryTimer = undefined;
          kick();
        }, deps.retryDelayMs ?? 2_000).unref();
        return;
      }
      if (batch.length < BATCH && !again) return;
    }
  }

  /** starts a drain, or asks the running one to look again */
  function kick(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain()
      .catch((error: unknown) => deps.logger.error({ err: error }, 'webhook processing stopped'))
      .finally(() => {
        running = undefined;
        if (again) kick();
      });
  }

  return {
    kick,
    /** resolves once nothing is being processed (tests, shutdown) */
    async idle(): Promise<void> {
      while (running) await running;
    },
    async stop(): Promise<void> {
      stopped = true;
      clearTimeout(retryTimer);
      while (running) await running;
    },
  };
}

export type WebhookProcessor = ReturnType<typeof createWebhookProcessor>;
