import type { BoardCounters } from '@ringside/contracts';
import type { Repos } from '../repos';

/**
 * The board's counters with the callback worklist's figures added: how many customers wait for
 * a call back in the workspace, and since when the longest has.
 *
 * @example
 * const counters = await withCallbackFigures(repos, workspaceId, now, await repos.boardFigures.counters(workspaceId, today));
 * // { …, callbacksWaiting: 2, oldestCallbackWaitingSince: '2026-12-07T09:00:00.000Z' }
 */
export async function withCallbackFigures(
  repos: Pick<Repos, 'callbacks'>,
  workspaceId: string,
  now: Date,
  counters: BoardCounters,
): Promise<BoardCounters> {
  const waiting = await repos.callbacks.waiting(workspaceId, now);
  return {
    ...counters,
    callbacksWaiting: waiting.count,
    oldestCallbackWaitingSince: waiting.oldestSince?.toISOString() ?? null,
  };
}
