import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { calls } from '../db/schema';

/**
 * A live call past its server-side bound: `claimed`, taken by an agent longer ago than the claim
 * bound without becoming a conversation; `active`, in conversation longer than the call bound.
 * `since` is the claim's or the answer's time (epoch ms) from the stored model.
 */
export interface StuckCall {
  readonly id: string;
  readonly workspaceId: string;
  readonly channelId: string;
  readonly metaCallId: string;
  readonly state: 'claimed' | 'active';
  readonly since: number;
}

/** What {@link findStuckCalls} looks for. */
export interface StuckQuery {
  /** claims made before this are stuck */
  readonly claimedBefore: Date;
  /** conversations answered before this are stuck */
  readonly answeredBefore: Date;
  readonly limit: number;
}

// literal, not bound: the planner can only match the partial `calls_live_idx` to constants
const BOUNDED_STATES = sql.raw(`'claimed', 'active'`);

/**
 * Claimed and active calls, of every workspace, past their bounds, oldest first, at most
 * `limit`. Their times come from the model (the truth), so the command built from a row names
 * exactly the claim or answer the model holds.
 *
 * @example
 * const stuck = await findStuckCalls(db, { claimedBefore, answeredBefore, limit: 50 });
 */
export async function findStuckCalls(db: Db, query: StuckQuery): Promise<StuckCall[]> {
  if (!Number.isInteger(query.limit) || query.limit < 1) {
    throw new Error(`stuckCalls: limit must be a positive whole number, not ${query.limit}`);
  }
  const rows = await queryRows<{
    id: string;
    workspace_id: string;
    channel_id: string;
    meta_call_id: string;
    state: 'claimed' | 'active';
    since: string;
  }>(
    db,
    sql`select c.id, c.workspace_id, c.channel_id, c.meta_call_id, c.state,
        case when c.state = 'claimed' then c.model ->> 'claimedAt'
          else c.model ->> 'answeredAt' end as since
      from ${calls} c
      where c.state in (${BOUNDED_STATES})
        and (
          (c.state = 'claimed'
            and (c.model ->> 'claimedAt')::bigint <= ${query.claimedBefore.getTime()})
          or (c.state = 'active'
            and (c.model ->> 'answeredAt')::bigint <= ${query.answeredBefore.getTime()})
        )
      order by c.offered_at, c.id
      limit ${query.limit}`,
  );
  return rows.map((row) => ({
    id: row.id,
    workspaceId: row.workspace_id,
    channelId: row.channel_id,
    metaCallId: row.meta_call_id,
    state: row.state,
    since: Number(row.since),
  }));
}
