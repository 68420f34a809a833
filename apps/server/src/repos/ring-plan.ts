import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { calls } from '../db/schema';
import { availableIdsSql, splitIds } from './presence';
import { sameCustomerSql, type CustomerIds } from './same-customer';

/** what a new call's first ring needs to know, read in one round trip */
export interface RingPlan {
  /** agents who may be offered the call, longest idle first */
  readonly agentIds: string[];
  /** calls this customer placed or received before this one ("called 3 times") */
  readonly earlierCalls: number;
}

/**
 * Reads, in one statement, who can be offered a new call and how often its caller called
 * before: the two things a ring needs besides the call, on the path every ring takes.
 *
 * @example
 * const plan = await createRingPlanRepo(db).firstRing(workspaceId, channelId, { id: '918097530000', userId: 'IN.1349' }, offeredAt);
 * plan.agentIds; // ['u1', 'u2'], longest idle first
 */
export function createRingPlanRepo(db: Db) {
  return {
    async firstRing(
      workspaceId: string,
      channelId: string,
      caller: string | CustomerIds | undefined,
      before: Date,
    ): Promise<RingPlan> {
      const available = availableIdsSql(workspaceId, channelId);
      if (!available) return { agentIds: [], earlierCalls: 0 };
      // one static statement: on the path of every ring, building queries costs as much as running them
      const customer = typeof caller === 'string' ? { id: caller } : caller;
      // every call of this customer, by phone or business-scoped user id (same-customer.ts)
      const earlier =
        customer === undefined
          ? sql`0`
          : sql`(select count(*) from ${calls}
              where ${calls.workspaceId} = ${workspaceId}
                and ${sameCustomerSql(workspaceId, customer)}
                and ${calls.offeredAt} < ${before.toISOString()}::timestamptz
                and ${calls.state} <> 'tombstone')`;
      const [row] = await queryRows<{ ids: string | null; earlier: number }>(
        db,
        sql`select ${available} as ids, ${earlier}::int as earlier`,
      );
      return { agentIds: splitIds(row?.ids ?? null), earlierCalls: row?.earlier ?? 0 };
    },
  };
}

export type RingPlanRepo = ReturnType<typeof createRingPlanRepo>;
