import type { Call } from '@ringside/calls';
import type { CallQuality } from '@ringside/contracts';
import { and, asc, count, desc, eq, getTableColumns, inArray, lt, ne, sql } from 'drizzle-orm';
import type { Database, Db, Tx } from '../db/database';
import { LIVE_CALL_STATES } from '../db/enums';
import { callEvents, callLinks, calls, channels, users, webhookEvents } from '../db/schema';
import { callModelColumns } from './call-columns';
import { sameCustomerSql } from './same-customer';
import { createCallListing, type CallSummaryRow } from './call-list';
import { isUuid } from './ids';
import { findStuckCalls, type StuckCall, type StuckQuery } from './stuck-calls';
import { findOverdueCalls, type OverdueCall, type OverdueQuery } from './overdue-calls';

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
  readonly call: CallRow & { agentName: string | null; linkLabel?: string | null };
  readonly events: CallEventRow[];
}

const { model: _model, ...rowColumnsButModel } = getTableColumns(calls);

// the channel's label, or null (and so a not-null violation) if it is not in that workspace
const calledLabelOf = (workspaceId: string, channelId: string) =>
  sql`(select coalesce(${channels.displayNumber}, ${channels.name})
    from ${channels}
    where ${channels.id} = ${channelId} and ${channels.workspaceId} = ${workspaceId})`;

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
export function createCallsRepo(db: Db, options: { engine?: Database['kind'] | undefined } = {}) {
  // pglite runs one transaction at a time: the transaction itself is the lock
  const oneAtATime = options.engine === 'pglite';
  return {
    /**
     * Runs `fn` in a transaction holding the call's lock (and its row `FOR UPDATE`): of several
     * concurrent sections on one call, each sees what the previous one saved. `current` is
     * undefined before the call's first save; creation is serialized too. `ifNew`, when given,
     * runs first under the same lock and may create the call (one read fewer for a new call);
     * when it answers undefined the call exists, and `fn` runs as usual.
     */
    async withCallLock<T>(
      metaCallId: string,
      fn: (current: LockedCall | undefined, tx: Tx) => Promise<T>,
      ifNew?: (tx: Tx) => Promise<T | undefined>,
    ): Promise<T> {
      return db.transaction(async (tx) => {
        // the row may not exist yet: an advisory lock covers the first insert as well
        if (!oneAtATime) {
          await tx.execute(
            sql`select pg_advisory_xact_lock(${CALL_LOCK_NAMESPACE}, hashtext(${metaCallId}))`,
          );
        }
        // `ifNew` may create the call itself (see createCall); undefined: it exists, read it
        const created = ifNew ? await ifNew(tx) : undefined;
        if (created !== undefined) return created;
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
          calledLabel: calledLabelOf(input.workspaceId, input.channelId),
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
        // the model is ours already: not read back (it can list a thousand agents, or an SDP)
        .returning(rowColumnsButModel);
      if (!row) throw new Error('saving a call returned no row');
      return { ...row, model: input.model };
    },

    /**
     * Inserts a call that does not exist yet (under its lock, see withCallLock's `ifNew`);
     * undefined, and nothing written, when one with this Meta call id exists.
     */
    async createCall(tx: Db, input: SaveCallInput): Promise<CallRow | undefined> {
      const [row] = await tx
        .insert(calls)
        .values({
          ...callModelColumns(input.model),
          workspaceId: input.workspaceId,
          channelId: input.channelId,
          model: input.model,
          calledLabel: calledLabelOf(input.workspaceId, input.channelId),
        })
        .onConflictDoNothing({ target: calls.metaCallId })
        .returning(rowColumnsButModel);
      return row ? { ...row, model: input.model } : undefined;
    },

    /**
     * Adds timeline entries, in order. With `webhookKey`, the stored webhook event that caused
     * them is marked processed by the same statement (one round trip fewer per event).
     */
    async appendCallEvent(
      tx: Db,
      event: NewCallEvent | readonly NewCallEvent[],
      webhookKey?: string,
    ): Promise<void> {
      const entries = (Array.isArray(event) ? event : [event]).map((e: NewCallEvent) => ({
        ...e,
        data: e.data ?? {},
      }));
      if (entries.length === 0) return;
      if (webhookKey === undefined) {
        await tx.insert(callEvents).values(entries);
        return;
      }
      const rows = entries.map(
        (e) => sql`(${e.callId}::uuid, ${e.workspaceId}::uuid, ${e.kind},
          ${JSON.stringify(e.data)}::jsonb, ${e.occurredAt.toISOString()}::timestamptz)`,
      );
      await tx.execute(sql`with processed as (
          update ${webhookEvents} set processed_at = now()
          where ${webhookEvents.idempotencyKey} = ${webhookKey}
            and ${webhookEvents.processedAt} is null
        )
        insert into ${callEvents} (call_id, workspace_id, kind, data, occurred_at)
        values ${sql.join(rows, sql`, `)}`);
    },

    async getCall(workspaceId: string, callId: string): Promise<CallDetail | undefined> {
      if (!isUuid(workspaceId) || !isUuid(callId)) return undefined;
      const [found] = await db
        .select({ call: calls, agentName: users.name, linkLabel: callLinks.label })
        .from(calls)
        .leftJoin(users, eq(users.id, calls.agentId))
        .leftJoin(
          callLinks,
          and(eq(callLinks.channelId, calls.channelId), eq(callLinks.tag, calls.deeplinkPayload)),
        )
        .where(and(eq(calls.workspaceId, workspaceId), eq(calls.id, callId)));
      if (!found) return undefined;
      const events = await db
        .select()
        .from(callEvents)
        .where(and(eq(callEvents.callId, callId), eq(callEvents.workspaceId, workspaceId)))
        .orderBy(asc(callEvents.occurredAt), asc(callEvents.id));
      return {
        call: { ...found.call, agentName: found.agentName, linkLabel: found.linkLabel },
        events,
      };
    },

    /**
     * A workspace's call by our id, the row alone: what an agent's command checks (its claim and
     * answer are on the way from Accept to audio, so no timeline and no joins).
     */
    async getCallRow(workspaceId: string, callId: string): Promise<CallRow | undefined> {
      if (!isUuid(workspaceId) || !isUuid(callId)) return undefined;
      const [row] = await db
        .select()
        .from(calls)
        .where(and(eq(calls.workspaceId, workspaceId), eq(calls.id, callId)));
      return row;
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

    /** live calls whose timer should have acted by now ({@link findOverdueCalls}) */
    overdueCalls: (query: OverdueQuery): Promise<OverdueCall[]> => findOverdueCalls(db, query),
    /** claimed and active calls past their server-side bounds (see stuck-calls.ts) */
    stuckCalls: (query: StuckQuery): Promise<StuckCall[]> => findStuckCalls(db, query),

    /**
     * whether the agent is on a call of the workspace now: talking (`active`), or calling a
     * customer who has not picked up yet (`dialing`, `outbound-ringing`)
     */
    async hasActiveCall(workspaceId: string, agentId: string): Promise<boolean> {
      if (!isUuid(workspaceId) || !isUuid(agentId)) return false;
      const [row] = await db
        .select({ id: calls.id })
        .from(calls)
        .where(
          and(
            eq(calls.workspaceId, workspaceId),
            eq(calls.agentId, agentId),
            inArray(calls.state, ['active', 'dialing', 'outbound-ringing']),
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    /** the agent's own live call (one they took or placed), oldest first; undefined: none */
    async liveCallOf(workspaceId: string, agentId: string): Promise<CallRow | undefined> {
      if (!isUuid(workspaceId) || !isUuid(agentId)) return undefined;
      const [row] = await db
        .select()
        .from(calls)
        .where(
          and(
            eq(calls.workspaceId, workspaceId),
            eq(calls.agentId, agentId),
            inArray(calls.state, ['claimed', 'dialing', 'outbound-ringing', 'active']),
          ),
        )
        .orderBy(asc(calls.offeredAt), asc(calls.id))
        .limit(1);
      return row;
    },

    /**
     * When the call was last offered to this agent: the latest `ring.offered` entry of its
     * timeline that names them (undefined when none does, e.g. a ring-all to more agents than
     * the timeline lists). A longest-idle agent's turn is counted from it.
     */
    async lastOfferedTo(
      workspaceId: string,
      callId: string,
      agentId: string,
    ): Promise<Date | undefined> {
      if (!isUuid(workspaceId) || !isUuid(callId)) return undefined;
      const [row] = await db
        .select({ occurredAt: callEvents.occurredAt })
        .from(callEvents)
        .where(
          and(
            eq(callEvents.callId, callId),
            eq(callEvents.workspaceId, workspaceId),
            eq(callEvents.kind, 'ring.offered'),
            sql`${callEvents.data} -> 'agentIds' @> ${JSON.stringify([agentId])}::jsonb`,
          ),
        )
        .orderBy(desc(callEvents.occurredAt), desc(callEvents.id))
        .limit(1);
      return row?.occurredAt;
    },

    /**
     * how many calls this customer placed or received before `before` ("called 3 times"), by
     * phone or business-scoped user id (`userId`), linked as same-customer.ts says
     */
    async countEarlierCalls(
      workspaceId: string,
      callerId: string,
      before: Date,
      userId?: string | null,
    ): Promise<number> {
      if (!isUuid(workspaceId)) return 0;
      const [row] = await db
        .select({ n: count() })
        .from(calls)
        .where(
          and(
            eq(calls.workspaceId, workspaceId),
            sameCustomerSql(workspaceId, { id: callerId, userId: userId ?? undefined }),
            lt(calls.offeredAt, before),
            ne(calls.state, 'tombstone'),
          ),
        );
      return row?.n ?? 0;
    },

    /**
     * After-call work; only an agent who had the call may save it. False when not theirs. The
     * call's agent saves it on the call; one who handed the call over (a transfer) saves theirs
     * on that hand-over's timeline entry, so neither agent's notes replace the other's.
     */
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
      if (updated.length > 0) return true;
      const handedOver = await db
        .update(callEvents)
        .set({
          data: sql`${callEvents.data} || ${JSON.stringify({ notes, disposition })}::jsonb`,
        })
        .where(
          and(
            eq(callEvents.workspaceId, workspaceId),
            eq(callEvents.callId, callId),
            eq(callEvents.kind, 'agent.transfer'),
            sql`${callEvents.data} ->> 'agentId' = ${agentId}`,
          ),
        )
        .returning({ id: callEvents.id });
      return handedOver.length > 0;
    },

    /** an anchored call's engine, noted once its room is made (docs/anchor.md) */
    async pinAnchorEngine(callId: string, engine: string): Promise<void> {
      await db.update(calls).set({ anchorEngine: engine }).where(eq(calls.id, callId));
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
