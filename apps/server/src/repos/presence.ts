import type { AgentStatus } from '@ringside/contracts';
import { and, asc, eq, exists, notExists, or, sql, type SQL } from 'drizzle-orm';
import type { PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { agentPresence, calls, channelAgents, channels, users } from '../db/schema';
import { isUuid } from './ids';

/** An `agent_presence` row. */
export type PresenceRow = typeof agentPresence.$inferSelect;

/** A presence row with the agent's name, for boards. */
export type PresenceListing = PresenceRow & { name: string };

/** An agent who can be offered a call now. */
export interface AvailableAgent {
  readonly userId: string;
  readonly name: string;
  /** the later of when they became available and when their last call ended */
  readonly idleSince: Date;
}

// how long an agent has been idle: since their status changed or their last call ended
const idleSince = sql`greatest(${agentPresence.since}, ${agentPresence.lastCallEndedAt})`;

/**
 * Agents' availability, shared by every server node through the database.
 *
 * @example
 * const repo = createPresenceRepo(db);
 * await repo.connectionOpened(user.id, user.workspaceId, new Date());
 * await repo.setPresence(user.id, user.workspaceId, 'available', new Date());
 * const [first] = await repo.availableAgents(workspaceId, channelId); // longest idle first
 */
export function createPresenceRepo(db: Db) {
  async function upsert(
    values: typeof agentPresence.$inferInsert,
    set: PgUpdateSetSource<typeof agentPresence>,
  ): Promise<PresenceRow> {
    const [row] = await db
      .insert(agentPresence)
      .values(values)
      .onConflictDoUpdate({ target: agentPresence.userId, set })
      .returning();
    if (!row) throw new Error('presence upsert returned no row');
    return row;
  }

  return {
    /**
     * sets the status; `since` moves only when the status actually changes. `wrapUp` names the
     * call after-call work follows and when it ends by itself (null: until saved); any other
     * status clears it.
     */
    async setPresence(
      userId: string,
      workspaceId: string,
      status: AgentStatus,
      now: Date,
      wrapUp?: { callId: string; until: Date | null },
    ): Promise<PresenceRow> {
      const wrapUpColumns =
        status === 'wrap-up' && wrapUp
          ? { wrapUpCallId: wrapUp.callId, wrapUpUntil: wrapUp.until }
          : { wrapUpCallId: null, wrapUpUntil: null };
      return upsert(
        { userId, workspaceId, status, since: now, ...wrapUpColumns },
        {
          status,
          workspaceId,
          since: sql`case when ${agentPresence.status} = excluded.status
            then ${agentPresence.since} else excluded.since end`,
          ...wrapUpColumns,
        },
      );
    },

    /**
     * the agent's after-call work is over: the call it followed records when (once; handle
     * time is talk plus this). Call before the status leaves `wrap-up`.
     */
    async endWrapUp(userId: string, now: Date): Promise<void> {
      if (!isUuid(userId)) return;
      await db
        .update(calls)
        .set({ wrapUpEndedAt: now })
        .where(
          and(
            sql`${calls.id} = (select ${agentPresence.wrapUpCallId} from ${agentPresence}
              where ${agentPresence.userId} = ${userId})`,
            sql`${calls.wrapUpEndedAt} is null`,
          ),
        );
    },

    /** agents whose timed after-call work has run out by `now` (the sweep ends it) */
    async expiredWrapUps(now: Date): Promise<{ workspaceId: string; userId: string }[]> {
      return db
        .select({ workspaceId: agentPresence.workspaceId, userId: agentPresence.userId })
        .from(agentPresence)
        .where(
          and(
            eq(agentPresence.status, 'wrap-up'),
            sql`${agentPresence.wrapUpUntil} <= ${now.toISOString()}::timestamptz`,
          ),
        );
    },

    /** a console socket connected; an offline agent comes back as away until they choose */
    async connectionOpened(userId: string, workspaceId: string, now: Date): Promise<PresenceRow> {
      return upsert(
        { userId, workspaceId, status: 'away', since: now, connections: 1 },
        {
          workspaceId,
          connections: sql`${agentPresence.connections} + 1`,
          status: sql`case when ${agentPresence.status} = 'offline'
            then 'away' else ${agentPresence.status} end`,
          since: sql`case when ${agentPresence.status} = 'offline'
            then excluded.since else ${agentPresence.since} end`,
        },
      );
    },

    /** a console socket went away; the last one makes the agent offline */
    async connectionClosed(userId: string, now: Date): Promise<PresenceRow | undefined> {
      if (!isUuid(userId)) return undefined;
      const [row] = await db
        .update(agentPresence)
        .set({
          connections: sql`greatest(${agentPresence.connections} - 1, 0)`,
          status: sql`case when ${agentPresence.connections} <= 1
            then 'offline' else ${agentPresence.status} end`,
          since: sql`case when ${agentPresence.connections} <= 1 and ${agentPresence.status} <> 'offline'
            then ${now.toISOString()}::timestamptz else ${agentPresence.since} end`,
        })
        .where(eq(agentPresence.userId, userId))
        .returning();
      return row;
    },

    /** the agent's call ended: their idle time restarts now */
    async recordCallEnded(userId: string, now: Date): Promise<void> {
      if (!isUuid(userId)) return;
      await db
        .update(agentPresence)
        .set({ lastCallEndedAt: now })
        .where(eq(agentPresence.userId, userId));
    },

    /**
     * Active users of the workspace who are available, longest idle first. With a channel, only
     * those assigned to it (or everyone, when nobody is); a channel of another workspace yields
     * nobody.
     */
    async availableAgents(workspaceId: string, channelId?: string): Promise<AvailableAgent[]> {
      const conditions = availableIn(db, workspaceId, channelId);
      if (!conditions) return [];
      return db
        .select({
          userId: agentPresence.userId,
          name: users.name,
          idleSince: idleSince.mapWith(agentPresence.since),
        })
        .from(agentPresence)
        .innerJoin(users, eq(users.id, agentPresence.userId))
        .where(and(...conditions))
        .orderBy(asc(idleSince), asc(agentPresence.userId));
    },

    /**
     * The user ids of {@link availableAgents}, in the same order, as one aggregated value: what
     * ringing needs, without a row (name, time) per agent to build and parse.
     */
    async availableAgentIds(workspaceId: string, channelId?: string): Promise<string[]> {
      const ids = availableIdsSql(workspaceId, channelId);
      if (!ids) return [];
      const [row] = await queryRows<{ ids: string | null }>(db, sql`select ${ids} as ids`);
      return splitIds(row?.ids ?? null);
    },

    /** one agent's presence row in the workspace, without reading anyone else's */
    async getPresence(workspaceId: string, userId: string): Promise<PresenceRow | undefined> {
      if (!isUuid(workspaceId) || !isUuid(userId)) return undefined;
      const [row] = await db
        .select()
        .from(agentPresence)
        .where(and(eq(agentPresence.userId, userId), eq(agentPresence.workspaceId, workspaceId)));
      return row;
    },

    /** agents the database counts as having a console connected (`connections` above 0) */
    async connectedAgents(): Promise<
      Pick<PresenceRow, 'userId' | 'workspaceId' | 'connections'>[]
    > {
      return db
        .select({
          userId: agentPresence.userId,
          workspaceId: agentPresence.workspaceId,
          connections: agentPresence.connections,
        })
        .from(agentPresence)
        .where(sql`${agentPresence.connections} > 0`);
    },

    /**
     * Sets the agent's console count to what is really connected, if the count is still the
     * `counted` one read before (a console that connected or left since wins); none left makes
     * them offline. Whether it changed the row.
     */
    async recount(userId: string, counted: number, live: number, now: Date): Promise<boolean> {
      if (!isUuid(userId)) return false;
      const rows = await db
        .update(agentPresence)
        .set({
          connections: live,
          status: sql`case when ${live} = 0 then 'offline' else ${agentPresence.status} end`,
          since: sql`case when ${live} = 0 and ${agentPresence.status} <> 'offline'
            then ${now.toISOString()}::timestamptz else ${agentPresence.since} end`,
        })
        .where(and(eq(agentPresence.userId, userId), eq(agentPresence.connections, counted)))
        .returning({ userId: agentPresence.userId });
      return rows.length > 0;
    },

    /** every agent with a presence row in the workspace, by name */
    async listPresence(workspaceId: string): Promise<PresenceListing[]> {
      if (!isUuid(workspaceId)) return [];
      const rows = await db
        .select({ presence: agentPresence, name: users.name })
        .from(agentPresence)
        .innerJoin(users, eq(users.id, agentPresence.userId))
        .where(and(eq(agentPresence.workspaceId, workspaceId), eq(users.workspaceId, workspaceId)))
        .orderBy(asc(users.name), asc(agentPresence.userId));
      return rows.map((row) => ({ ...row.presence, name: row.name }));
    },
  };
}

export type PresenceRepo = ReturnType<typeof createPresenceRepo>;

/**
 * The query behind `availableAgentIds`, as one static statement (drizzle's query builder costs
 * more than the query itself here, on the path of every ring): a scalar subquery giving the
 * comma-joined user ids, longest idle first (null for nobody); undefined for ids that cannot
 * match. The same conditions as `availableAgents`, which tests hold them to.
 */
export function availableIdsSql(workspaceId: string, channelId?: string): SQL | undefined {
  if (!isUuid(workspaceId) || (channelId !== undefined && !isUuid(channelId))) return undefined;
  const scope =
    channelId === undefined
      ? sql``
      : sql` and exists (select 1 from ${channels}
            where ${channels.id} = ${channelId} and ${channels.workspaceId} = ${workspaceId})
          and (not exists (select 1 from ${channelAgents} where ${channelAgents.channelId} = ${channelId})
            or exists (select 1 from ${channelAgents}
              where ${channelAgents.channelId} = ${channelId}
                and ${channelAgents.userId} = ${agentPresence.userId}))`;
  return sql`(select string_agg(${agentPresence.userId}::text, ','
        order by ${idleSince}, ${agentPresence.userId})
      from ${agentPresence} join ${users} on ${users.id} = ${agentPresence.userId}
      where ${agentPresence.workspaceId} = ${workspaceId} and ${agentPresence.status} = 'available'
        and ${users.workspaceId} = ${workspaceId} and ${users.active}${scope})`;
}

/** the ids `availableIdsSql` joined, back as a list */
export function splitIds(ids: string | null): string[] {
  return ids ? ids.split(',') : [];
}

// who may be offered a call: available, active, of the workspace (and of the channel, if given)
function availableIn(db: Db, workspaceId: string, channelId: string | undefined) {
  if (!isUuid(workspaceId) || (channelId !== undefined && !isUuid(channelId))) return undefined;
  const conditions = [
    eq(agentPresence.workspaceId, workspaceId),
    eq(agentPresence.status, 'available'),
    eq(users.workspaceId, workspaceId),
    eq(users.active, true),
  ];
  if (channelId !== undefined) conditions.push(...channelScope(db, workspaceId, channelId));
  return conditions;
}

// the channel must be the workspace's; then its assignees, or everyone when it has none
function channelScope(db: Db, workspaceId: string, channelId: string) {
  const assignments = db
    .select({ one: sql`1` })
    .from(channelAgents)
    .where(eq(channelAgents.channelId, channelId));
  const assigned = db
    .select({ one: sql`1` })
    .from(channelAgents)
    .where(
      and(eq(channelAgents.channelId, channelId), eq(channelAgents.userId, agentPresence.userId)),
    );
  const ownChannel = db
    .select({ one: sql`1` })
    .from(channels)
    .where(and(eq(channels.id, channelId), eq(channels.workspaceId, workspaceId)));
  return [exists(ownChannel), or(notExists(assignments), exists(assigned)) ?? sql`true`];
}
