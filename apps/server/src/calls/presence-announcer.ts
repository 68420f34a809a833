import type { Repos } from '../repos';
import { startOfDay } from '../repos/board-figures';
import type { CallNotifications } from './ports';

/**
 * Tells an agent's own sockets and the supervisors where the agent stands now, read back from the
 * database so every node announces the same thing. Reads that one agent's rows only: connecting
 * an agent costs the same in a workspace of ten or of a thousand.
 *
 * @example
 * const presence = createPresenceAnnouncer({ repos, notifier, clock });
 * await presence.announce(workspaceId, userId); // agent:updated to the agent and the board
 */
export function createPresenceAnnouncer(deps: {
  repos: Pick<Repos, 'boardFigures'>;
  notifier: CallNotifications;
  clock: () => Date;
}) {
  return {
    async announce(workspaceId: string, userId: string): Promise<void> {
      const view = await deps.repos.boardFigures.agentView(
        workspaceId,
        userId,
        startOfDay(deps.clock()),
      );
      if (view) deps.notifier.agentUpdated(workspaceId, view);
    },
  };
}
