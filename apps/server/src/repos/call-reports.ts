import type { RingTimeoutCommand } from '@ringside/calls';
import type { Channel } from '@ringside/contracts';
import { SHORT_ABANDON_SEC } from '@ringside/contracts/reports';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { callEvents, calls } from '../db/schema';
import { SERVICE_LEVEL_MS } from './board-figures';
import { isUuid } from './ids';

/**
 * What the database counts for one bucket: numbers that add up across buckets, so the whole
 * range's figures are computed from the sums, never averaged from the rows.
 */
export interface ReportCounts {
  offered: number;
  answered: number;
  answeredInTarget: number;
  missed: number;
  abandoned: number;
  shortAbandoned: number;
  /** ringing → answered, summed over the answered calls */
  waitMs: number;
  /** answered → ended, summed over the answered calls */
  talkMs: number;
  /** after-call work (end of the call → end of its wrap-up), summed over the answered calls */
  wrapUpMs: number;
}

// a missed call whose timeline has this entry ran out of ring time (or nobody could take it, or
// a supervisor ended it ringing); without it, the caller hung up first
const RING_TIMEOUT: RingTimeoutCommand['kind'] = 'ring.timeout';

/**
 * Handle time's after-call work per answered call, in ms: from the call's end to the end of the
 * wrap-up that followed it (`calls.wrap_up_ended_at`, issue #18 item 5); 0 on channels without
 * after-call work, and while it is still going on.
 */
const WRAP_UP_MS = sql`coalesce(greatest(extract(epoch from ${calls.wrapUpEndedAt} - ${calls.endedAt}) * 1000, 0), 0)`;
/** whether {@link WRAP_UP_MS} measures anything; reports say so to their readers */
export const HANDLE_TIME_INCLUDES_WRAP_UP = true;

/**
 * The supervisor reports' counts, computed by the database in one aggregate query over the
 * range's calls. Which calls: inbound calls of the workspace (and channel) that started ringing
 * in the range and have ended; calls still going on are counted once they end. The definitions
 * are the board's (`board-figures.ts`): the wait is ringing → answered, floored at 0; "answered"
 * is having an answer time; the service level target is the board's 20 s.
 *
 * @example
 * const counts = await reports.countsByBucket(workspaceId, [dayOne, dayTwo, dayThree], 'whatsapp');
 * counts.get(0)?.offered; // calls of the first day
 */
export function createCallReportsRepo(db: Db) {
  return {
    /**
     * Counts per bucket between back-to-back `boundaries` (epoch ms, ascending): key `i` holds
     * the calls with `boundaries[i] <= offered_at < boundaries[i + 1]`; buckets without calls
     * are absent.
     */
    async countsByBucket(
      workspaceId: string,
      boundaries: readonly number[],
      channel?: Channel,
    ): Promise<Map<number, ReportCounts>> {
      const first = boundaries[0];
      const last = boundaries.at(-1);
      if (!isUuid(workspaceId) || first === undefined || last === undefined) return new Map();
      // iso instants hold no quotes or commas: safe in an array literal, sent as one parameter
      const bounds = `{${boundaries.map((t) => new Date(t).toISOString()).join(',')}}`;
      const onChannel = channel ? sql`and ${calls.channelKind} = ${channel}` : sql``;
      const rows = await queryRows<{
        bucket: number;
        offered: number;
        answered: number;
        answered_in_target: number;
        missed: number;
        abandoned: number;
        short_abandoned: number;
        wait_ms: number;
        talk_ms: number;
        wrap_up_ms: number;
      }>(
        db,
        sql`with inbound as (
          select width_bucket(${calls.offeredAt}, ${bounds}::timestamptz[]) as bucket,
            ${calls.answeredAt} is not null as answered,
            ${calls.outcome} = 'missed' as missed,
            ${calls.outcome} = 'missed' and not exists (
              select 1 from ${callEvents}
              where ${callEvents.callId} = ${calls.id} and ${callEvents.kind} = ${RING_TIMEOUT}
            ) as abandoned,
            greatest(extract(epoch from ${calls.endedAt} - ${calls.offeredAt}) * 1000, 0) as ring_ms,
            greatest(extract(epoch from ${calls.answeredAt} - ${calls.offeredAt}) * 1000, 0) as wait_ms,
            greatest(extract(epoch from ${calls.endedAt} - ${calls.answeredAt}) * 1000, 0) as talk_ms,
            ${WRAP_UP_MS} as wrap_up_ms
          from ${calls}
          where ${calls.workspaceId} = ${workspaceId}
            and ${calls.offeredAt} >= ${new Date(first).toISOString()}::timestamptz
            and ${calls.offeredAt} < ${new Date(last).toISOString()}::timestamptz
            and ${calls.endedAt} is not null
            and ${calls.state} <> 'tombstone'
            and ${calls.direction} = 'inbound'
            ${onChannel}
        )
        select bucket::int as bucket,
          count(*)::int as offered,
          (count(*) filter (where answered))::int as answered,
          (count(*) filter (where answered and wait_ms <= ${SERVICE_LEVEL_MS}))::int
            as answered_in_target,
          (count(*) filter (where missed))::int as missed,
          (count(*) filter (where abandoned))::int as abandoned,
          (count(*) filter (where abandoned and ring_ms < ${SHORT_ABANDON_SEC * 1000}))::int
            as short_abandoned,
          coalesce(sum(wait_ms) filter (where answered), 0)::float8 as wait_ms,
          coalesce(sum(talk_ms) filter (where answered), 0)::float8 as talk_ms,
          coalesce(sum(wrap_up_ms) filter (where answered), 0)::float8 as wrap_up_ms
        from inbound
        group by bucket`,
      );
      const counts = new Map<number, ReportCounts>();
      for (const row of rows) {
        counts.set(row.bucket - 1, {
          offered: row.offered,
          answered: row.answered,
          answeredInTarget: row.answered_in_target,
          missed: row.missed,
          abandoned: row.abandoned,
          shortAbandoned: row.short_abandoned,
          waitMs: row.wait_ms,
          talkMs: row.talk_ms,
          wrapUpMs: row.wrap_up_ms,
        });
      }
      return counts;
    },
  };
}

export type CallReportsRepo = ReturnType<typeof createCallReportsRepo>;
