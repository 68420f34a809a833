import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { webhookEvents, webhookReceipts } from '../db/schema';

/** One event parsed out of a webhook body, keyed for deduplication. */
export interface IncomingWebhookEvent {
  idempotencyKey: string;
  metaCallId: string | null;
  kind: string;
  payload: unknown;
}

export interface NewReceipt {
  /** the envelope's `object` */
  object: string;
  /** the body exactly as received */
  raw: string;
  events: IncomingWebhookEvent[];
  /** what the route made of it, e.g. `accepted`, `unroutable` */
  outcome: string;
  detail?: string | null;
  receivedAt?: Date;
}

/** A stored event: what the call service processes. */
export type StoredWebhookEvent = typeof webhookEvents.$inferSelect;

export interface StoredReceipt {
  readonly receiptId: number;
  /** the events not seen before, in body order; duplicates of stored keys are left out */
  readonly newEvents: StoredWebhookEvent[];
}

/**
 * Webhook persistence: the raw receipt and its events in one transaction, so a 200 to Meta
 * means both are stored; events are then processed from the table, surviving crashes.
 *
 * @example
 * const repo = createWebhookReceiptsRepo(db);
 * const { newEvents } = await repo.storeReceipt({ object, raw, events, outcome: 'accepted' });
 * res.sendStatus(200);
 * for (const event of newEvents) { await apply(event); await repo.markProcessed(event.idempotencyKey); }
 */
export function createWebhookReceiptsRepo(db: Db) {
  return {
    async storeReceipt(receipt: NewReceipt): Promise<StoredReceipt> {
      return db.transaction(async (tx) => {
        const [stored] = await tx
          .insert(webhookReceipts)
          .values({
            object: receipt.object,
            raw: receipt.raw,
            outcome: receipt.outcome,
            detail: receipt.detail ?? null,
            ...(receipt.receivedAt ? { receivedAt: receipt.receivedAt } : {}),
          })
          .returning({ id: webhookReceipts.id });
        if (!stored) throw new Error('storing a webhook receipt returned no row');
        const unique = firstPerKey(receipt.events);
        if (unique.length === 0) return { receiptId: stored.id, newEvents: [] };
        const inserted = await tx
          .insert(webhookEvents)
          .values(unique.map((event, position) => ({ ...event, receiptId: stored.id, position })))
          .onConflictDoNothing({ target: webhookEvents.idempotencyKey })
          .returning();
        inserted.sort((a, b) => a.position - b.position);
        return { receiptId: stored.id, newEvents: inserted };
      });
    },

    /** stored events not yet processed, oldest receipt first, in body order */
    async unprocessedEvents(limit: number): Promise<StoredWebhookEvent[]> {
      return db
        .select()
        .from(webhookEvents)
        .where(isNull(webhookEvents.processedAt))
        .orderBy(asc(webhookEvents.receiptId), asc(webhookEvents.position))
        .limit(limit);
    },

    async markProcessed(idempotencyKey: string, now: Date = new Date()): Promise<void> {
      await db
        .update(webhookEvents)
        .set({ processedAt: now })
        .where(
          and(eq(webhookEvents.idempotencyKey, idempotencyKey), isNull(webhookEvents.processedAt)),
        );
    },

    /** processing failed: count the attempt and keep the event pending for a retry */
    async markFailed(idempotencyKey: string, error: string): Promise<void> {
      await db
        .update(webhookEvents)
        .set({ attempts: sql`${webhookEvents.attempts} + 1`, lastError: error })
        .where(eq(webhookEvents.idempotencyKey, idempotencyKey));
    },
  };
}

export type WebhookReceiptsRepo = ReturnType<typeof createWebhookReceiptsRepo>;

// one body can repeat a key (Meta batches retries): insert each key once, first one wins
function firstPerKey(events: IncomingWebhookEvent[]): IncomingWebhookEvent[] {
  const seen = new Set<string>();
  return events.filter((event) => {
    if (seen.has(event.idempotencyKey)) return false;
    seen.add(event.idempotencyKey);
    return true;
  });
}
