import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { calls, graphActions } from '../db/schema';
import type { GRAPH_ACTION_KINDS, GRAPH_ACTION_RESULTS } from '../db/schema-graph-actions';

export type GraphActionKind = (typeof GRAPH_ACTION_KINDS)[number];
export type GraphActionResult = (typeof GRAPH_ACTION_RESULTS)[number];
export type GraphActionRow = typeof graphActions.$inferSelect;

/** a decision to record in the transaction that made it */
export interface NewGraphAction {
  readonly callId: string;
  readonly workspaceId: string;
  readonly action: GraphActionKind;
  readonly sdp?: string | undefined;
  /** how long the deciding node has to send it before any node's worker may try */
  readonly holdMs: number;
}

/** a pending action claimed for another try, with what it takes to send it */
export interface DueGraphAction extends GraphActionRow {
  readonly metaCallId: string;
  readonly channelId: string;
}

/**
 * The durable outbox of Graph actions (`graph_actions`): each accept, reject or terminate a call
 * decides is recorded with the decision, at most once per call and action, and stays pending
 * until it is settled — Meta confirmed or refused it for good, it no longer matters (Meta ended
 * the call), or it ran out of time. The node that decided sends it at once; the row holds it
 * back from the others for a lease, after which any node's worker tries it again.
 *
 * @example
 * await repo.record(tx, [{ callId, workspaceId, action: 'reject', holdMs: 30_000 }], new Date());
 * // after the commit, try it; on success:
 * await repo.settle(callId, 'reject', 'confirmed', new Date());
 */
export function createGraphActionsRepo(db: Db) {
  return {
    /**
     * Records decisions in the deciding transaction; a decision already recorded for the call
     * is kept as it is. No worker takes one before `decidedAt` plus its hold (the decider's turn).
     */
    async record(tx: Db, actions: readonly NewGraphAction[], decidedAt: Date): Promise<void> {
      if (actions.length === 0) return;
      await tx
        .insert(graphActions)
        .values(
          actions.map((a) => ({
            callId: a.callId,
            workspaceId: a.workspaceId,
            action: a.action,
            sdp: a.sdp ?? null,
            nextAttemptAt: new Date(decidedAt.getTime() + a.holdMs),
          })),
        )
        .onConflictDoNothing({ target: [graphActions.callId, graphActions.action] });
    },

    /** settles a pending action; false when it was settled already (by another node) */
    async settle(
      callId: string,
      action: GraphActionKind,
      result: GraphActionResult,
      now: Date,
      error?: string,
    ): Promise<boolean> {
      const rows = await db
        .update(graphActions)
        .set({ doneAt: now, result, ...(error === undefined ? {} : { lastError: error }) })
        .where(
          and(
            eq(graphActions.callId, callId),
            eq(graphActions.action, action),
            isNull(graphActions.doneAt),
          ),
        )
        .returning({ id: graphActions.id });
      return rows.length > 0;
    },

    /**
     * Meta ended the call: what is still pending for it no longer matters. In the transaction
     * that applied Meta's terminate.
     */
    async settleCall(
      tx: Db,
      callId: string,
      result: GraphActionResult,
      now: Date,
    ): Promise<number> {
      const rows = await tx
        .update(graphActions)
        .set({ doneAt: now, result })
        .where(and(eq(graphActions.callId, callId), isNull(graphActions.doneAt)))
        .returning({ id: graphActions.id });
      return rows.length;
    },

    /** a try failed in a way another may mend: keep the error, try again at `nextAttemptAt` */
    async postpone(
      callId: string,
      action: GraphActionKind,
      error: string,
      nextAttemptAt: Date,
    ): Promise<void> {
      await db
        .update(graphActions)
        .set({ lastError: error, nextAttemptAt })
        .where(
          and(
            eq(graphActions.callId, callId),
            eq(graphActions.action, action),
            isNull(graphActions.doneAt),
          ),
        );
    },

    /**
     * Takes up to `limit` pending actions that are due, oldest first, counting the attempt and
     * hiding them for `leaseMs`; concurrent claimers never get the same one.
     */
    async claimDue(now: Date, limit: number, leaseMs: number): Promise<DueGraphAction[]> {
      const nowText = now.toISOString();
      const leaseEnd = new Date(now.getTime() + leaseMs).toISOString();
      const rows = await queryRows<{ id: number; meta_call_id: string; channel_id: string }>(
        db,
        sql`with due as (
            select id from ${graphActions}
            where done_at is null and next_attempt_at <= ${nowText}::timestamptz
            order by next_attempt_at, id
            limit ${limit}
            for update skip locked
          )
          update ${graphActions} g
          set attempts = g.attempts + 1, next_attempt_at = ${leaseEnd}::timestamptz
          from due, ${calls} c
          where g.id = due.id and c.id = g.call_id
          returning g.id, c.meta_call_id, c.channel_id`,
      );
      if (rows.length === 0) return [];
      const full = await db
        .select()
        .from(graphActions)
        .where(
          inArray(
            graphActions.id,
            rows.map((r) => r.id),
          ),
        );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return full
        .map((row) => {
          const call = byId.get(row.id);
          return {
            ...row,
            metaCallId: call?.meta_call_id ?? '',
            channelId: call?.channel_id ?? '',
          };
        })
        .sort((a, b) => a.id - b.id);
    },

    /** a call's actions, oldest first (timeline, tests) */
    async forCall(callId: string): Promise<GraphActionRow[]> {
      return db
        .select()
        .from(graphActions)
        .where(eq(graphActions.callId, callId))
        .orderBy(graphActions.id);
    },

    /** how many actions wait for Meta (a gauge) */
    async pendingCount(): Promise<number> {
      const [row] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(graphActions)
        .where(isNull(graphActions.doneAt));
      return row?.n ?? 0;
    },
  };
}

export type GraphActionsRepo = ReturnType<typeof createGraphActionsRepo>;
