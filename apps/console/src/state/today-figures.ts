import type { CallSummary } from '@ringside/contracts';

/** what the board works out from today's call log, beside the server's counters */
export interface TodayFigures {
  /** answered calls that have ended, by agent id (the server's "answered" counts the same) */
  answeredByAgent: Record<string, number>;
  /** mean talk time of today's answered, ended calls; null before the first */
  averageCallMs: number | null;
  /** false when the log had more calls than the console read: figures cover the newest only */
  complete: boolean;
}

/**
 * Where "today" starts for the board: midnight UTC, the same day the server's counters use.
 *
 * @example
 * utcDayStart(new Date('2026-03-01T17:45:00+05:30')).toISOString(); // '2026-03-01T00:00:00.000Z'
 */
export function utcDayStart(now: Date): Date {
  const day = new Date(now.getTime());
  day.setUTCHours(0, 0, 0, 0);
  return day;
}

/**
 * Per-agent answered calls and the average call length from today's call log. A call counts
 * once it has ended with an answer, so these move together with the server's counters.
 *
 * @example
 * todayFigures([{ ...summary, agent: { userId: 'u1', name: 'Asha' }, answeredAt, endedAt, durationSec: 90 }], true);
 * // { answeredByAgent: { u1: 1 }, averageCallMs: 90000, complete: true }
 */
export function todayFigures(calls: readonly CallSummary[], complete: boolean): TodayFigures {
  const answeredByAgent: Record<string, number> = {};
  let talkMs = 0;
  let talked = 0;
  for (const call of calls) {
    if (!call.answeredAt || !call.endedAt) continue;
    if (call.agent) {
      answeredByAgent[call.agent.userId] = (answeredByAgent[call.agent.userId] ?? 0) + 1;
    }
    const ms = lengthMs(call);
    if (ms !== undefined) {
      talkMs += ms;
      talked += 1;
    }
  }
  return { answeredByAgent, averageCallMs: talked > 0 ? talkMs / talked : null, complete };
}

// the server's own duration when it has one, else answer to end
function lengthMs(call: CallSummary): number | undefined {
  if (call.durationSec !== undefined) return call.durationSec * 1000;
  const from = Date.parse(call.answeredAt ?? '');
  const to = Date.parse(call.endedAt ?? '');
  return Number.isNaN(from) || Number.isNaN(to) || to < from ? undefined : to - from;
}
