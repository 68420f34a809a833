import type { BoardSnapshotPayload } from '@ringside/contracts';
import { toCallView } from '../calls/call-views';
import type { Repos } from '../repos';
import { startOfDay } from '../repos/board-figures';
import { withCallbackFigures } from '../callbacks/callback-figures';

/** the supervisor's live board as of now: live calls, agents and today's counters */
export async function buildBoardSnapshot(
  repos: Repos,
  workspaceId: string,
  now: Date,
): Promise<BoardSnapshotPayload> {
  const today = startOfDay(now);
  const live = await repos.calls.liveCalls(workspaceId);
  const presence = await repos.presence.listPresence(workspaceId);
  const answeredToday = await repos.boardFigures.answeredToday(workspaceId, today);
  const counters = await withCallbackFigures(
    repos,
    workspaceId,
    now,
    await repos.boardFigures.counters(workspaceId, today),
  );
  const names = new Map(presence.map((p) => [p.userId, p.name]));
  const busyWith = new Map(live.filter((c) => c.agentId).map((c) => [c.agentId as string, c.id]));
  return {
    calls: live.map((row) => toCallView(row, row.agentId ? names.get(row.agentId) : undefined)),
    agents: presence.map((p) => ({
      userId: p.userId,
      name: p.name,
      status: p.status,
      since: p.since.toISOString(),
      ...(busyWith.has(p.userId) ? { currentCallId: busyWith.get(p.userId) as string } : {}),
      answeredToday: answeredToday.get(p.userId) ?? 0,
      ...(p.status === 'wrap-up' && p.wrapUpUntil
        ? { wrapUpUntil: p.wrapUpUntil.toISOString() }
        : {}),
    })),
    counters,
  };
}
