import type { Call } from '@ringside/calls';
import type { CallQuality } from '@ringside/contracts';
import { and, asc, count, eq, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../db/database';
import { LIVE_CALL_STATES } from '../db/enums';
import { callEvents, calls, channels, users } from '../db/schema';
import { callModelColumns } from './call-columns';
import { createCallListing, type CallSummaryRow } from './call-list';
import { isUuid } from './ids';

/** A `calls` row, model included. */
export type CallRow = typeof calls.$inferSelect;
/** A `call_events` row: one timeline entry. */
export type CallEventRow = typeof callEvents.$inferSelect;

/** The stored call a locked section starts from. */
export interface LockedCall {
  readonly row: CallRow;
  readonly model: Call;
}

export interface SaveCallInput {
  workspaceId: string;
  channelId: string;
  model: Call;
}

export interface NewCallEvent {
  callId: string;
  workspaceId: string;
  /** a dotted name the server owns: `webhook.connect`, `graph.accept`, `state.changed` */
  kind: string;
  data?: Record<string, unknown>;
  occurredAt: Date;
}

/** A call with its agent's name and its timeline, oldest first. */
export interface CallDetail {
  readonly call: CallRow & { agentName: string | null };
  readonly events: CallEventRow[];
}

// first key of the two-key advisory lock: keeps call locks apart from any other use
const CALL_LOCK_NAMESPACE = 7_246_310;

/**
 * Calls and their timelines. Every change to a call goes through {@link withCallLock}, which
 * serializes all work on one Meta call id across connections and server nodes.
 *
 * @example
 * const repo = createCallsRepo(db);
 * const claimed = await repo.withCallLock(metaCallId, async (current, tx) => {
 *   if (current?.model.state !== 'ringing') return false;
 *   const { call } = transition(current.model, claim);
 *   await repo.saveCall(tx, { workspaceId, channelId, model: call! });
 *   return true;
 * });
 */
export function createCallsRepo(db: Db) {
  return {
    /**
     * Runs `fn` in a transaction holding the call's lock (and its row `FOR UPDATE`): of several
     * concurrent sections on one call, each sees what the previous one saved. `current` is
     * undefined before the call's first save; creation is serialized too.
     */
    async withCallLock<T>(
      metaCallId: string,
      fn: (current: LockedCall | undefined, tx: Tx) => Promise<T>,
    ): Promise<T> {
      return db.transaction(async (tx) => {
        // the row may not exist yet: an advisory lock covers the first insert as well
        await tx.execute(
          sql`select pg_advisory_xact_lock(${CALL_LOCK_NAMESPACE}, hashtext(${metaCallId}))`,
        );
        const [row] = await tx
          .select()
          .from(calls)
          .where(eq(calls.metaCallId, metaCallId))
          .for('update');
        return fn(row ? { row, model: row.model } : undefined, tx);
      });
    },

    /**
     * Inserts or updates the call by its Meta call id, with the mirrored columns derived from
     * the model. Notes, disposition and quality are left alone; `called_label` is copied from
     * the channel on first save.
     */
    async saveCall(tx: Db, input: SaveCallInput): Promise<CallRow> {
      const columns = callModelColumns(input.model);
      const [row] = await tx
        .insert(calls)
        .values({
          ...columns,
          workspaceId: input.workspaceId,
          channelId: input.channelId,
          model: input.model,
          // null (and so a not-null violation) if the channel is not in that workspace
          calledLabel: sql`(select coalesce(${channels.displayNumber}, ${channels.name})
            from ${channels}
            where ${channels.id} = ${input.channelId} and ${channels.workspaceId} = ${input.workspaceId})`,
        })
        .onConflictDoUpdate({
          target: calls.metaCallId,
          set: {
            ...columns,
            model: input.model,
            offeredAt: sql`least(${calls.offeredAt}, excluded.offered_at)`,
            updatedAt: sql`now()`,
          },
        })
        .returning();
      if (!row) throw new Error('saving a call returned no row');
      return row;
    },

    async appendCallEvent(tx: Db, event: NewCallEvent): Promise<CallEventRow> {
      const [row] = await tx
        .insert(callEvents)
        .values({ ...event, data: event.data ?? {} })
        .returning();
      if (!row) throw new Error('appending a call event returned no row');
      return row;
    },

    async getCall(workspaceId: string, callId: string): Promise<CallDetail | undefined> {
      if (!isUuid(workspaceId) || !isUuid(callId)) return undefined;
      const [found] = await db
        .select({ call: calls, agentName: users.name })
        .from(calls)
        .leftJoin(users, eq(users.id, calls.agentId))
        .where(and(eq(calls.workspaceId, workspaceId), eq(calls.id, callId)));
      if (!found) return undefined;
      const events = await db
        .select()
        .from(callEvents)
        .where(and(eq(callEvents.callId, callId), eq(callEvents.workspaceId, workspaceId)))
        .orderBy(asc(callEvents.occurredAt), asc(callEvents.id));
      return { call: { ...found.call, agentName: found.agentName }, events };
    },

    /** a workspace's call by Meta's id (sockets and webhooks name calls that way) */
    async getCallByMetaId(workspaceId: string, metaCallId: string): Promise<CallRow | undefined> {
      if (!isUuid(workspaceId)) return undefined;
      const [row] = await db
        .select()
        .from(calls)
        .where(and(eq(calls.workspaceId, workspaceId), eq(calls.metaCallId, metaCallId)));
      return row;
    },

    ...createCallListing(db),

    /** calls ringing, being set up or in conversation, oldest first */
    async liveCalls(workspaceId: string): Promise<CallRow[]> {
      if (!isUuid(workspaceId)) return [];
      return db
        .select()
        .from(calls)
        .where(and(eq(calls.workspaceId, workspaceId), inArray(calls.state, [...LIVE_CALL_STATES])))
        .orderBy(asc(calls.offeredAt), asc(calls.id));
    },

    /** how many calls this customer placed or received before `before` ("called 3 times") */
    async countEarlierCalls(workspaceId: string, callerId: string, before: Date): Promise<number> {
      if (!isUuid(workspaceId)) return 0;
      const [row] = await db
        .select({ n: count() })
        .from(calls)
        .where(
          and(
            eq(calls.workspaceId, workspaceId),
            eq(calls.callerId, callerId),
            lt(calls.offeredAt, before),
            ne(calls.state, 'tombstone'),
          ),
        );
      return row?.n ?? 0;
    },

    /** after-call work; only the agent who had the call may save it. False when not theirs. */
    async saveWrapUp(
      workspaceId: string,
      callId: string,
      agentId: string,
      notes: string,
      disposition: string | null,
    ): Promise<boolean> {
      if (!isUuid(workspaceId) || !isUuid(callId) || !isUuid(agentId)) return false;
      const updated = await db
        .update(calls)
        .set({ notes, disposition, updatedAt: sql`now()` })
        .where(
          and(eq(calls.workspaceId, workspaceId), eq(calls.id, callId), eq(calls.agentId, agentId)),
        )
        .returning({ id: calls.id });
      return updated.length > 0;
    },

    /** the latest quality the agent's browser reported; false when no such call */
    async saveQuality(workspaceId: string, callId: string, quality: CallQuality): Promise<boolean> {
      if (!isUuid(workspaceId) || !isUuid(callId)) return false;
      const updated = await db
        .update(calls)
        .set({ quality, updatedAt: sql`now()` })
        .where(and(eq(calls.workspaceId, workspaceId), eq(calls.id, callId)))
        .returning({ id: calls.id });
      return updated.length > 0;
    },
  };
}

export type CallsRepo = ReturnType<typeof createCallsRepo>;
export type { CallSummaryRow };
