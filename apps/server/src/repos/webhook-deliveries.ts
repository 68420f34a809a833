import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { webhookDeliveries } from '../db/schema';
import { isUuid } from './ids';

/** A `webhook_deliveries` row. */
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** One event, ready to fan out to subscriptions. */
export interface DeliveryEvent {
  workspaceId: string;
  /** the event's `id`: the Idempotency-Key */
  eventId: string;
  event: string;
  /** the exact JSON body to sign and send, the same bytes on every attempt */
  body: string;
}

/** How an attempt went, as the log keeps it. */
export interface AttemptOutcome {
  statusCode?: number | undefined;
  /** plain words; never the receiver's body */
  error: string;
}

/** How many deliveries one claimer may have at once per receiver and per workspace. */
export interface FairShare {
  perSubscription: number;
  perWorkspace: number;
  /** deliveries the claimer has in flight, by subscription id and by workspace id */
  busySubscriptions: Readonly<Record<string, number>>;
  busyWorkspaces: Readonly<Record<string, number>>;
}

export interface DeliveryPage {
  items: DeliveryRow[];
  nextCursor: string | null;
}

/**
 * The delivery log of outgoing webhooks, which is also their work queue: one row per event and
 * subscription, claimed with a lease so any server node may deliver it, at least once.
 *
 * @example
 * const repo = createWebhookDeliveriesRepo(db);
 * await repo.fanOut(event, [subscription.id], 12);
 * for (const row of await repo.claimDue(new Date(), 20, 60_000)) {
 *   // …POST row.body…
 *   await repo.markDelivered(row.id, 200, new Date());
 * }
 */
export function createWebhookDeliveriesRepo(db: Db) {
  return {
    /** one pending delivery per subscription; an event already fanned out is not added twice */
    async fanOut(
      event: DeliveryEvent,
      subscriptionIds: readonly string[],
      maxAttempts: number,
      now: Date,
    ): Promise<number> {
      if (subscriptionIds.length === 0) return 0;
      const inserted = await db
        .insert(webhookDeliveries)
        .values(
          subscriptionIds.map((subscriptionId) => ({
            ...event,
            subscriptionId,
            maxAttempts,
            nextAttemptAt: now,
            createdAt: now,
          })),
        )
        .onConflictDoNothing()
        .returning({ id: webhookDeliveries.id });
      return inserted.length;
    },

    /**
     * A delivery already being attempted by the caller (the "send test event" button): stored
     * claimed, so the background worker leaves it alone for `leaseMs`.
     */
    async startDelivery(
      event: DeliveryEvent & { subscriptionId: string },
      maxAttempts: number,
      now: Date,
      leaseMs: number,
    ): Promise<DeliveryRow> {
      const [row] = await db
        .insert(webhookDeliveries)
        .values({
          ...event,
          maxAttempts,
          attempts: 1,
          lastAttemptAt: now,
          nextAttemptAt: new Date(now.getTime() + leaseMs),
          createdAt: now,
        })
        .returning();
      if (!row) throw new Error('inserting a delivery returned no row');
      return row;
    },

    /**
     * Takes up to `limit` pending deliveries that are due, oldest first, counting the attempt
     * and hiding them for `leaseMs`; concurrent claimers never get the same delivery. `fair`
     * keeps one receiver's or one workspace's backlog from filling the batch: no subscription
     * gets more than `perSubscription` rows, no workspace more than `perWorkspace`, counting
     * those the caller still has in flight (`busy`, by id).
     */
    async claimDue(
      now: Date,
      limit: number,
      leaseMs: number,
      fair?: FairShare,
    ): Promise<DeliveryRow[]> {
      const nowText = now.toISOString();
      const isDue = sql`${webhookDeliveries.status} = 'pending' and ${webhookDeliveries.nextAttemptAt} <= ${nowText}::timestamptz`;
      const subBusy = JSON.stringify(fair?.busySubscriptions ?? {});
      const wsBusy = JSON.stringify(fair?.busyWorkspaces ?? {});
      // each subscription's oldest rows, as many as it has room for…
      const bySubscription = db
        .select({
          id: webhookDeliveries.id,
          workspaceId: webhookDeliveries.workspaceId,
          nextAttemptAt: webhookDeliveries.nextAttemptAt,
          rank: sql<number>`row_number() over (partition by ${webhookDeliveries.subscriptionId} order by ${webhookDeliveries.nextAttemptAt}, ${webhookDeliveries.id})`.as(
            'sub_rank',
          ),
          room: sql<number>`${fair?.perSubscription ?? limit} - coalesce((${subBusy}::jsonb ->> ${webhookDeliveries.subscriptionId}::text)::int, 0)`.as(
            'sub_room',
          ),
        })
        .from(webhookDeliveries)
        .where(isDue)
        .as('by_subscription');
      // …then of those, each workspace's oldest, as many as it has room for
      const byWorkspace = db
        .select({
          id: bySubscription.id,
          rank: sql<number>`row_number() over (partition by ${bySubscription.workspaceId} order by ${bySubscription.nextAttemptAt}, ${bySubscription.id})`.as(
            'ws_rank',
          ),
          room: sql<number>`${fair?.perWorkspace ?? limit} - coalesce((${wsBusy}::jsonb ->> ${bySubscription.workspaceId}::text)::int, 0)`.as(
            'ws_room',
          ),
        })
        .from(bySubscription)
        .where(sql`${bySubscription.rank} <= ${bySubscription.room}`)
        .as('by_workspace');
      const eligible = db
        .select({ id: byWorkspace.id })
        .from(byWorkspace)
        .where(sql`${byWorkspace.rank} <= ${byWorkspace.room}`);
      // the due test is repeated on the locked rows: a row another worker claimed meanwhile is
      // no longer due in its newest version, so it is not taken twice
      const due = db
        .select({ id: webhookDeliveries.id })
        .from(webhookDeliveries)
        .where(fair ? and(isDue, inArray(webhookDeliveries.id, eligible)) : isDue)
        .orderBy(webhookDeliveries.nextAttemptAt, webhookDeliveries.id)
        .limit(limit)
        .for('update', { skipLocked: true });
      const rows = await db
        .update(webhookDeliveries)
        .set({
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          lastAttemptAt: now,
          nextAttemptAt: new Date(now.getTime() + leaseMs),
        })
        .where(inArray(webhookDeliveries.id, due))
        .returning();
      return rows.sort((a, b) => a.id - b.id);
    },

    async markDelivered(id: number, statusCode: number, now: Date): Promise<void> {
      await db
        .update(webhookDeliveries)
        .set({ status: 'delivered', deliveredAt: now, lastStatusCode: statusCode, lastError: null })
        .where(eq(webhookDeliveries.id, id));
    },

    /** the attempt failed: try again at `retryAt`, or give up when it is null */
    async markAttemptFailed(
      id: number,
      outcome: AttemptOutcome,
      retryAt: Date | null,
    ): Promise<void> {
      await db
        .update(webhookDeliveries)
        .set({
          lastStatusCode: outcome.statusCode ?? null,
          lastError: outcome.error,
          ...(retryAt ? { nextAttemptAt: retryAt } : { status: 'failed' as const }),
        })
        .where(eq(webhookDeliveries.id, id));
    },

    /** the subscription went away or was disabled: stop trying */
    async cancel(id: number, reason: string): Promise<void> {
      await db
        .update(webhookDeliveries)
        .set({ status: 'cancelled', lastError: reason })
        .where(and(eq(webhookDeliveries.id, id), eq(webhookDeliveries.status, 'pending')));
    },

    async getDelivery(workspaceId: string, id: number): Promise<DeliveryRow | undefined> {
      if (!isUuid(workspaceId)) return undefined;
      const [row] = await db
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.workspaceId, workspaceId), eq(webhookDeliveries.id, id)));
      return row;
    },

    /** a subscription's delivery log, newest first; `cursor` is the previous page's last id */
    async listDeliveries(
      workspaceId: string,
      subscriptionId: string,
      page: { limit: number; cursor?: string | undefined },
    ): Promise<DeliveryPage> {
      if (!isUuid(workspaceId) || !isUuid(subscriptionId)) return { items: [], nextCursor: null };
      const conditions = [
        eq(webhookDeliveries.workspaceId, workspaceId),
        eq(webhookDeliveries.subscriptionId, subscriptionId),
      ];
      if (page.cursor !== undefined) conditions.push(lt(webhookDeliveries.id, Number(page.cursor)));
      const rows = await db
        .select()
        .from(webhookDeliveries)
        .where(and(...conditions))
        .orderBy(desc(webhookDeliveries.id))
        .limit(page.limit + 1);
      const items = rows.slice(0, page.limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > page.limit && last ? String(last.id) : null };
    },
  };
}

export type WebhookDeliveriesRepo = ReturnType<typeof createWebhookDeliveriesRepo>;
