import type { AgentView } from '@ringside/contracts';
import type { SessionUser } from '../auth/require-session';
import { AppError } from '../http/app-error';
import type { Repos } from '../repos';

/**
 * A supervisor sets an agent Away: they stop being offered calls, and their console and every
 * board are told at once. Only an agent who is signed in and not on a call can be set Away (an
 * agent on a call is busy until it ends; one who is offline already gets no calls).
 *
 * @example
 * const view = await setAgentAway({ repos, clock, announcePresence }, supervisor, agentId);
 * view.status; // 'away'
 */
export async function setAgentAway(
  deps: {
    repos: Repos;
    clock: () => Date;
    announcePresence: (workspaceId: string, userId: string) => Promise<void>;
  },
  supervisor: SessionUser,
  userId: string,
): Promise<AgentView> {
  const ws = supervisor.workspaceId;
  const user = await deps.repos.users.getUser(ws, userId);
  if (!user) throw new AppError('not_found', 404, 'No user with that id in your workspace.');
  const before = await presenceOf(deps.repos, ws, user.id);
  if (!before || before.status === 'offline') {
    throw new AppError('agent_unavailable', 409, `${user.name} is not signed in to the console.`);
  }
  if (before.status === 'busy') {
    throw new AppError(
      'invalid_state',
      409,
      `${user.name} is on a call; set them Away when it ends.`,
    );
  }
  if (before.status !== 'away') {
    await deps.repos.presence.setPresence(user.id, ws, 'away', deps.clock());
    await deps.repos.auditLog.record({
      workspaceId: ws,
      actor: { userId: supervisor.userId, name: supervisor.name, email: supervisor.email },
      action: 'agent.set-away',
      target: { type: 'user', id: user.id, label: user.email },
      changes: { status: 'away' },
    });
    await deps.announcePresence(ws, user.id);
  }
  const after = (await presenceOf(deps.repos, ws, user.id)) ?? before;
  return {
    userId: user.id,
    name: user.name,
    status: after.status,
    since: after.since.toISOString(),
  };
}

function presenceOf(repos: Repos, workspaceId: string, userId: string) {
  return repos.presence.getPresence(workspaceId, userId);
}
