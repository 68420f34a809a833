import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { outbox } from '../db/schema';

/** An `outbox` row. */
export type OutboxRow = typeof outbox.$inferSelect;

export interface NewOutboxMessage {
  workspaceId: string;
  /** what the message is for, e.g. `webhook:call.ended` */
  topic: string;
  payload: unknown;
}

// a claimed message is hidden this long; a worker that dies mid-delivery releases it by expiry
const DEFAULT_LEASE_MS = 60_000;

/**
 * The transactional outbox for outgoing event webhooks: enqueue in the same transaction as the
 * change it reports, deliver at least once from a worker on any node.
 *
 * @example
 * const repo = createOutboxRepo(db);
 * await calls.withCallLock(id, async (current, tx) => {
 *   // …save the call…
 *   await repo.enqueue(tx, { workspaceId, topic: 'webhook:call.ended', payload });
 * });
 * for (const message of await repo.claimDue(new Date(), 20)) {
 *   try { await send(message); await repo.markDelivered(message.id, new Date()); }
 *   catch (error) { await repo.markFailed(message.id, String(error), nextTry(message.attempts)); }
 * }
 */
export function createOutboxRepo(db: Db) {
  return {
    async enqueue(tx: Db, message: NewOutboxMessage): Promise<OutboxRow> {
      const [row] = await tx.insert(outbox).values(message).returning();
      if (!row) throw new Error('enqueueing returned no row');
      return row;
    },

    /**
     * Takes up to `limit` undelivered messages that are due, oldest first, counting the attempt
     * and hiding them for `leaseMs`; concurrent claimers never get the same message.
     */
    async claimDue(now: Date, limit: number, leaseMs = DEFAULT_LEASE_MS): Promise<OutboxRow[]> {
      const nowText = now.toISOString();
      const leaseEnd = new Date(now.getTime() + leaseMs);
      const due = db
        .select({ id: outbox.id })
        .from(outbox)
        .where(
          sql`${outbox.deliveredAt} is null and ${outbox.nextAttemptAt} <= ${nowText}::timestamptz`,
        )
        .orderBy(outbox.nextAttemptAt, outbox.id)
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(outbox)
        .set({ attempts: sql`${outbox.attempts} + 1`, nextAttemptAt: leaseEnd })
        .where(inArray(outbox.id, due))
        .returning();
      return rows.sort((a, b) => a.id - b.id);
    },

    async markDelivered(id: number, now: Date): Promise<void> {
      await db.update(outbox).set({ deliveredAt: now, lastError: null }).where(eq(outbox.id, id));
    },

    /** delivery failed: keep the error, try again at `nextAttemptAt` */
    async markFailed(id: number, error: string, nextAttemptAt: Date): Promise<void> {
      await db.update(outbox).set({ lastError: error, nextAttemptAt }).where(eq(outbox.id, id));
    },
  };
}

export type OutboxRepo = ReturnType<typeof createOutboxRepo>;
