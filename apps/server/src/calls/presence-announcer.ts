import type { Repos } from '../repos';
import type { Notifier } from '../sockets/notifier';

/**
 * Tells an agent's own sockets and the supervisors where the agent stands now, read back from the
 * database so every node announces the same thing.
 */
export function createPresenceAnnouncer(deps: { repos: Repos; notifier: Notifier }) {
  return {
    async announce(workspaceId: string, userId: string): Promise<void> {
      const presence = (await deps.repos.presence.listPresence(workspaceId)).find(
        (p) => p.userId === userId,
      );
      if (!presence) return;
      const current = (await deps.repos.calls.liveCalls(workspaceId)).find(
        (c) => c.agentId === userId,
      );
      deps.notifier.agentUpdated(workspaceId, {
        userId,
        name: presence.name,
        status: presence.status,
        since: presence.since.toISOString(),
        ...(current ? { currentCallId: current.id } : {}),
      });
    },
  };
}
