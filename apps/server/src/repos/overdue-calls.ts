import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { callEvents, calls, channels } from '../db/schema';
import { VOICEMAIL_MAX_MS } from '@ringside/calls';

/**
 * A live call whose timer should have acted by now: `ring-timeout`, a call ringing past its
 * channel's ring timeout (or a queued call past its queue limit, a voicemail past its length); `agent-turn`, a longest-idle call whose agents in `agentIds` had their
 * whole turn; `no-pickup`, an outbound call not picked up within the no-pickup time.
 */
export interface OverdueCall {
  readonly id: string;
  readonly workspaceId: string;
  readonly channelId: string;
  readonly metaCallId: string;
  readonly overdue: 'ring-timeout' | 'agent-turn' | 'no-pickup';
  /** `agent-turn`: the agents still offered the call whose turn is over; empty otherwise */
  readonly agentIds: readonly string[];
}

/** What {@link findOverdueCalls} looks for. */
export interface OverdueQuery {
  /** the moment deadlines are compared with (already less the sweep's grace) */
  readonly before: Date;
  /** how long an outbound call may go unanswered */
  readonly noPickupMs: number;
  readonly limit: number;
}

// literal, not bound: the planner can only match the partial `calls_live_idx` to constants
const TIMED_STATES = sql.raw(`'ringing', 'dialing', 'outbound-ringing'`);

/**
 * when a ringing call's wait is over: as `ringEndsAt` (calls/deadlines/ring-deadline.ts) says,
 * the ring timeout, a queued call's queue limit, or a voicemail's longest length
 */
const RING_ENDS = sql`(case c.model ->> 'waiting'
    when 'queued' then to_timestamp((c.model ->> 'queuedAt')::double precision / 1000)
      + ch.queue_limit_sec * interval '1 second'
    when 'voicemail' then to_timestamp((c.model ->> 'voicemailAt')::double precision / 1000)
      + ${sql.raw(String(VOICEMAIL_MAX_MS / 1000))} * interval '1 second'
    else c.offered_at + ch.ring_timeout_sec * interval '1 second'
  end)`;

/**
 * Live calls, of every workspace, whose timer should have acted before `before`, oldest
 * first, at most `limit`: what a node's lost in-memory timers left undone. One query over
 * the live calls' partial index; nothing comes back when nothing is overdue. A call past its
 * ring timeout comes back as `ring-timeout` even when an agent's turn is over too.
 *
 * @example
 * const overdue = await findOverdueCalls(db, { before: new Date(Date.now() - 1_000), noPickupMs: 60_000, limit: 50 });
 */
export async function findOverdueCalls(db: Db, query: OverdueQuery): Promise<OverdueCall[]> {
  if (!Number.isInteger(query.limit) || query.limit < 1) {
    throw new Error(`overdueCalls: limit must be a positive whole number, not ${query.limit}`);
  }
  if (!Number.isFinite(query.noPickupMs) || query.noPickupMs < 0) {
    throw new Error(`overdueCalls: noPickupMs must be a duration in ms, not ${query.noPickupMs}`);
  }
  const before = sql`${query.before.toISOString()}::timestamptz`;
  const pickupBy = sql`${new Date(query.before.getTime() - query.noPickupMs).toISOString()}::timestamptz`;
  const rows = await queryRows<{
    id: string;
    workspace_id: string;
    channel_id: string;
    meta_call_id: string;
    overdue: OverdueCall['overdue'];
    agent_ids: string[] | null;
  }>(
    db,
    sql`select c.id, c.workspace_id, c.channel_id, c.meta_call_id,
        case
          when c.state <> 'ringing' then 'no-pickup'
          when ${RING_ENDS} <= ${before} then 'ring-timeout'
          else 'agent-turn'
        end as overdue,
        turns.agent_ids
      from ${calls} c
      join ${channels} ch on ch.id = c.channel_id
      left join lateral (
        -- each agent's turn runs from their latest offer (the call's start if none names them)
        select array_agg(offered.agent_id) as agent_ids
        from jsonb_array_elements_text(c.model -> 'agentsOffered') as offered(agent_id)
        where c.state = 'ringing'
          and c.model ->> 'strategy' = 'longest-idle'
          and c.offered_at + ch.agent_timeout_sec * interval '1 second' <= ${before}
          and coalesce(
            (select max(e.occurred_at) from ${callEvents} e
              where e.call_id = c.id and e.kind = 'ring.offered'
                and e.data -> 'agentIds' @> jsonb_build_array(offered.agent_id)),
            c.offered_at
          ) + ch.agent_timeout_sec * interval '1 second' <= ${before}
      ) turns on true
      where c.state in (${TIMED_STATES})
        and (
          (c.state = 'ringing' and ${RING_ENDS} <= ${before})
          or (c.state <> 'ringing' and c.offered_at <= ${pickupBy})
          or turns.agent_ids is not null
        )
      order by c.offered_at, c.id
      limit ${query.limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    metaCallId: row.meta_call_id,
    overdue: row.overdue,
    agentIds: row.overdue === 'agent-turn' ? (row.agent_ids ?? []) : [],
  }));
}
