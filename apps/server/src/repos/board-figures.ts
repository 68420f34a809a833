import type { AgentView, BoardCounters } from '@ringside/contracts';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { LIVE_CALL_STATES } from '../db/enums';
import { queryRows } from '../db/query-rows';
import { agentPresence, calls, users } from '../db/schema';
import { isUuid } from './ids';

/** an answered call within this of its start counts toward the service level */
export const SERVICE_LEVEL_MS = 20_000;

// a call rings for a minute at most: one answered today started no earlier than this before
const LONGEST_RING = sql`interval '1 hour'`;
const LIVE_STATES = sql.raw(LIVE_CALL_STATES.map((s) => `'${s}'`).join(', '));

const NO_COUNTERS: BoardCounters = {
  waiting: 0,
  answered: 0,
  missed: 0,
  averageAnswerMs: null,
  answeredWithin20sShare: null,
  averageCallMs: null,
  averageHandleMs: null,
};

/**
 * The supervisor board's figures, each computed by the database in one aggregate query rather
 * than by paging through the call log. "Today" starts at the `since` the caller passes (midnight
 * UTC on the board).
 *
 * @example
 * const figures = createBoardFiguresRepo(db);
 * const counters = await figures.counters(workspaceId, startOfDay(now)); // { waiting: 1, answered: 12, … }
 * const byAgent = await figures.answeredToday(workspaceId, startOfDay(now)); // Map { userId → 4 }
 */
export function createBoardFiguresRepo(db: Db) {
  return {
    /**
     * Calls ringing now (not a caller leaving a voicemail: they wait for nobody), and of the calls that started since `since` and have ended: how many
     * were answered and missed, the average wait for an answer, the share answered within 20 s
     * and the average talk time (answer to end) and handle time (talk plus the after-call work
     * that followed). Averages are null before any answered call.
     * These measure how customers who call are answered: calls to customers (outbound) are
     * left out.
     */
    async counters(workspaceId: string, since: Date): Promise<BoardCounters> {
      if (!isUuid(workspaceId)) return NO_COUNTERS;
      const answered = sql`${calls.answeredAt} is not null`;
      const waitMs = sql`greatest(extract(epoch from ${calls.answeredAt} - ${calls.offeredAt}) * 1000, 0)`;
      const talkMs = sql`greatest(extract(epoch from ${calls.endedAt} - ${calls.answeredAt}) * 1000, 0)`;
      // handle time: talk plus the after-call work that followed (none recorded: none counted)
      const wrapUpMs = sql`coalesce(greatest(extract(epoch from ${calls.wrapUpEndedAt} - ${calls.endedAt}) * 1000, 0), 0)`;
      const [row] = await queryRows<{
        waiting: number;
        answered: number;
        missed: number;
        average_answer_ms: number | null;
        within_share: number | null;
        average_call_ms: number | null;
        average_handle_ms: number | null;
      }>(
        db,
        sql`select
          (select count(*)::int from ${calls}
            where ${calls.workspaceId} = ${workspaceId} and ${calls.state} = 'ringing'
              and ${calls.model} ->> 'waiting' is distinct from 'voicemail') as waiting,
          (count(*) filter (where ${answered}))::int as answered,
          (count(*) filter (where ${calls.outcome} = 'missed'))::int as missed,
          (avg(${waitMs}) filter (where ${answered}))::float8 as average_answer_ms,
          (avg(case when ${waitMs} <= ${SERVICE_LEVEL_MS} then 1 else 0 end)
            filter (where ${answered}))::float8 as within_share,
          (avg(${talkMs}) filter (where ${answered}))::float8 as average_call_ms,
          (avg(${talkMs} + ${wrapUpMs}) filter (where ${answered}))::float8 as average_handle_ms
        from ${calls}
        where ${calls.workspaceId} = ${workspaceId}
          and ${calls.offeredAt} >= ${since.toISOString()}::timestamptz
          and ${calls.endedAt} is not null
          and ${calls.state} <> 'tombstone'
          and ${calls.direction} = 'inbound'`,
      );
      if (!row) return NO_COUNTERS;
      return {
        waiting: row.waiting,
        answered: row.answered,
        missed: row.missed,
        averageAnswerMs: row.average_answer_ms,
        answeredWithin20sShare: row.within_share,
        averageCallMs: row.average_call_ms,
        averageHandleMs: row.average_handle_ms,
      };
    },

    /** how many inbound calls each agent of the workspace answered since `since` (absent: none) */
    async answeredToday(workspaceId: string, since: Date): Promise<Map<string, number>> {
      if (!isUuid(workspaceId)) return new Map();
      const rows = await queryRows<{ agent_id: string; answered: number }>(
        db,
        sql`select ${calls.agentId} as agent_id, count(*)::int as answered
        from ${calls}
        where ${answeredSince(workspaceId, since)}
        group by ${calls.agentId}`,
      );
      return new Map(rows.map((row) => [row.agent_id, row.answered]));
    },

    /**
     * One agent as the board shows them: presence, name, the live call they are on (the oldest,
     * if several) and how many calls they answered since `since`. Reads that agent's rows only.
     */
    async agentView(
      workspaceId: string,
      userId: string,
      since: Date,
    ): Promise<AgentView | undefined> {
      if (!isUuid(workspaceId) || !isUuid(userId)) return undefined;
      const [row] = await queryRows<{
        status: AgentView['status'];
        since_ms: number;
        name: string;
        current_call_id: string | null;
        answered_today: number;
        wrap_up_until_ms: number | null;
      }>(
        db,
        sql`select ${agentPresence.status} as status,
          (extract(epoch from ${agentPresence.since}) * 1000)::float8 as since_ms,
          case when ${agentPresence.status} = 'wrap-up'
            then (extract(epoch from ${agentPresence.wrapUpUntil}) * 1000)::float8 end
            as wrap_up_until_ms,
          ${users.name} as name,
          (select ${calls.id} from ${calls}
            where ${calls.workspaceId} = ${workspaceId} and ${calls.agentId} = ${userId}
              and ${calls.state} in (${LIVE_STATES})
            order by ${calls.offeredAt}, ${calls.id} limit 1) as current_call_id,
          (select count(*)::int from ${calls}
            where ${answeredSince(workspaceId, since)} and ${calls.agentId} = ${userId})
            as answered_today
        from ${agentPresence}
        join ${users} on ${users.id} = ${agentPresence.userId}
        where ${agentPresence.userId} = ${userId}
          and ${agentPresence.workspaceId} = ${workspaceId}
          and ${users.workspaceId} = ${workspaceId}`,
      );
      if (!row) return undefined;
      return {
        userId,
        name: row.name,
        status: row.status,
        since: new Date(row.since_ms).toISOString(),
        ...(row.current_call_id ? { currentCallId: row.current_call_id } : {}),
        answeredToday: row.answered_today,
        ...(row.wrap_up_until_ms === null
          ? {}
          : { wrapUpUntil: new Date(row.wrap_up_until_ms).toISOString() }),
      };
    },
  };
}

export type BoardFiguresRepo = ReturnType<typeof createBoardFiguresRepo>;

// inbound calls answered since `since`; the start bound lets the (workspace, offered_at) index do the work
function answeredSince(workspaceId: string, since: Date) {
  const from = sql`${since.toISOString()}::timestamptz`;
  return sql`${calls.workspaceId} = ${workspaceId}
    and ${calls.direction} = 'inbound'
    and ${calls.agentId} is not null
    and ${calls.answeredAt} >= ${from}
    and ${calls.offeredAt} >= ${from} - ${LONGEST_RING}`;
}

/**
 * Where the board's "today" starts: midnight UTC of `now`.
 *
 * @example
 * startOfDay(new Date('2025-07-01T15:30:00Z')); // 2025-07-01T00:00:00.000Z
 */
export function startOfDay(now: Date): Date {
  const day = new Date(now);
  day.setUTCHours(0, 0, 0, 0);
  return day;
}
