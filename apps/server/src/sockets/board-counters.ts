import type { Logger } from '../ops/logger';
import type { Repos } from '../repos';
import { startOfDay } from '../repos/board-figures';
import { withCallbackFigures } from '../callbacks/callback-figures';
import type { Notifier } from './notifier';

/** a burst of calls ending within this costs one query and one `board:counters` */
export const COUNTERS_COALESCE_MS = 100;

/**
 * Keeps supervisors' counters current between snapshots: after a call rings, is answered or
 * ends, the workspace's supervisors get `board:counters`, computed fresh by one aggregate query.
 * Changes within {@link COUNTERS_COALESCE_MS} are sent together; a workspace with no supervisor
 * connected costs nothing.
 *
 * @example
 * const counters = createBoardCountersPublisher({ repos, notifier, clock, logger });
 * counters.changed(workspaceId); // after the call's change committed
 * counters.stop(); // at shutdown
 */
export function createBoardCountersPublisher(deps: {
  repos: Pick<Repos, 'boardFigures' | 'callbacks'>;
  notifier: Pick<Notifier, 'boardCounters' | 'supervisorsMayListen'>;
  clock: () => Date;
  logger: Logger;
  coalesceMs?: number;
}) {
  const due = new Map<string, NodeJS.Timeout>();

  async function publish(workspaceId: string): Promise<void> {
    if (!deps.notifier.supervisorsMayListen(workspaceId)) return;
    const now = deps.clock();
    const counters = await deps.repos.boardFigures.counters(workspaceId, startOfDay(now));
    deps.notifier.boardCounters(
      workspaceId,
      await withCallbackFigures(deps.repos, workspaceId, now, counters),
    );
  }

  return {
    /** the workspace's calls changed: send its supervisors fresh counters shortly */
    changed(workspaceId: string): void {
      if (due.has(workspaceId)) return;
      const timer = setTimeout(() => {
        // cleared first: a change while the query runs schedules one more send
        due.delete(workspaceId);
        publish(workspaceId).catch((error: unknown) =>
          deps.logger.warn({ err: error, workspaceId }, 'board counters not sent'),
        );
      }, deps.coalesceMs ?? COUNTERS_COALESCE_MS);
      timer.unref();
      due.set(workspaceId, timer);
    },
    stop(): void {
      for (const timer of due.values()) clearTimeout(timer);
      due.clear();
    },
  };
}

export type BoardCountersPublisher = ReturnType<typeof createBoardCountersPublisher>;
