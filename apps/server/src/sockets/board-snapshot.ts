import { CALLS_PAGE_MAX, type BoardSnapshotPayload } from '@ringside/contracts';
import type { CallSummaryRow } from '../repos/calls';
import { toCallView } from '../calls/call-views';
import type { Repos } from '../repos';

/** the supervisor's live board as of now: live calls, agents and today's counters */
export async function buildBoardSnapshot(
  repos: Repos,
  workspaceId: string,
  now: Date,
): Promise<BoardSnapshotPayload> {
  const live = await repos.calls.liveCalls(workspaceId);
  const presence = await repos.presence.listPresence(workspaceId);
  const names = new Map(presence.map((p) => [p.userId, p.name]));
  const busyWith = new Map(live.filter((c) => c.agentId).map((c) => [c.agentId as string, c.id]));
  const ended = (await callsSince(repos, workspaceId, startOfDay(now))).filter((c) => c.endedAt);
  const answered = ended.filter((c) => c.answeredAt);
  const waits = answered.map((c) => (c.answeredAt as Date).getTime() - c.offeredAt.getTime());
  return {
    calls: live.map((row) => toCallView(row, row.agentId ? names.get(row.agentId) : undefined)),
    agents: presence.map((p) => ({
      userId: p.userId,
      name: p.name,
      status: p.status,
      since: p.since.toISOString(),
      ...(busyWith.has(p.userId) ? { currentCallId: busyWith.get(p.userId) as string } : {}),
    })),
    counters: {
      waiting: live.filter((c) => c.model.state === 'ringing').length,
      answered: answered.length,
      missed: ended.filter((c) => c.outcome === 'missed').length,
      averageAnswerMs: waits.length ? waits.reduce((a, b) => a + b, 0) / waits.length : null,
      answeredWithin20sShare: waits.length
        ? waits.filter((w) => w <= 20_000).length / waits.length
        : null,
    },
  };
}

async function callsSince(
  repos: Repos,
  workspaceId: string,
  from: Date,
): Promise<CallSummaryRow[]> {
  const rows: CallSummaryRow[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await repos.calls.listCalls(workspaceId, {
      from,
      limit: CALLS_PAGE_MAX,
      ...(cursor ? { cursor } : {}),
    });
    if (!page.ok) return rows;
    rows.push(...page.items);
    if (!page.nextCursor) return rows;
    cursor = page.nextCursor;
  }
}

function startOfDay(now: Date): Date {
  const day = new Date(now);
  day.setUTCHours(0, 0, 0, 0);
  return day;
}
