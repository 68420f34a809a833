import type { Channel } from '@ringside/contracts';
import { and, desc, eq, exists, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { channels, webhookEvents, webhookReceipts } from '../db/schema';
import type { StoredWebhookEvent } from './webhook-receipts';

/** A dead letter as an admin sees it: the event's facts, never its payload. */
export interface DeadLetterRow {
  readonly idempotencyKey: string;
  readonly kind: string;
  readonly channel: Channel;
  readonly metaCallId: string | null;
  readonly receivedAt: Date;
  readonly deadAt: Date;
  readonly attempts: number;
  readonly lastError: string | null;
}

// the channel an event belongs to: the number or Page it names (its normalized payload's
// `channel` and `endpointId`), as the call service routes it; no channel, no workspace
const ownedByChannel = and(
  eq(channels.kind, sql`${webhookEvents.payload} ->> 'channel'`),
  eq(channels.externalId, sql`${webhookEvents.payload} ->> 'endpointId'`),
);
const isDeadLetter = and(isNotNull(webhookEvents.deadAt), isNull(webhookEvents.processedAt));

/**
 * Dead letters (stored webhook events that kept failing, see webhook-retries.ts) for a
 * workspace's admins: the workspace is the one whose channel the event names. Events for a
 * number or Page no workspace has are nobody's to see here.
 *
 * @example
 * const letters = createWebhookDeadLettersRepo(db);
 * const rows = await letters.listDeadLetters(workspaceId, 100);
 * const event = await letters.reviveDeadLetter(workspaceId, rows[0].idempotencyKey);
 * if (event) processor.enqueue([event]);
 */
export function createWebhookDeadLettersRepo(db: Db) {
  return {
    /** the workspace's dead letters, newest first */
    async listDeadLetters(workspaceId: string, limit: number): Promise<DeadLetterRow[]> {
      const rows = await db
        .select({
          event: webhookEvents,
          receivedAt: webhookReceipts.receivedAt,
          channel: channels.kind,
        })
        .from(webhookEvents)
        .innerJoin(webhookReceipts, eq(webhookReceipts.id, webhookEvents.receiptId))
        .innerJoin(channels, ownedByChannel)
        .where(and(isDeadLetter, eq(channels.workspaceId, workspaceId)))
        .orderBy(
          desc(webhookReceipts.receivedAt),
          desc(webhookEvents.receiptId),
          desc(webhookEvents.position),
        )
        .limit(limit);
      return rows.map(({ event, receivedAt, channel }) => ({
        idempotencyKey: event.idempotencyKey,
        kind: event.kind,
        channel,
        metaCallId: event.metaCallId,
        receivedAt,
        deadAt: event.deadAt ?? receivedAt,
        attempts: event.attempts,
        lastError: event.lastError,
      }));
    },

    /**
     * Makes one of the workspace's dead letters pending again, its attempts reset, and returns
     * it to hand to the processor; `undefined` when the workspace has no such dead letter (never
     * was, another workspace's, or already retried). Any node's sweep finds it too.
     */
    async reviveDeadLetter(
      workspaceId: string,
      idempotencyKey: string,
    ): Promise<StoredWebhookEvent | undefined> {
      const owned = db
        .select({ one: sql`1` })
        .from(channels)
        .where(and(ownedByChannel, eq(channels.workspaceId, workspaceId)));
      const [revived] = await db
        .update(webhookEvents)
        .set({ deadAt: null, attempts: 0 })
        .where(and(eq(webhookEvents.idempotencyKey, idempotencyKey), isDeadLetter, exists(owned)))
        .returning();
      return revived;
    },
  };
}

export type WebhookDeadLettersRepo = ReturnType<typeof createWebhookDeadLettersRepo>;
