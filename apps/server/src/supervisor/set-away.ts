import type { AgentView } from '@ringside/contracts';
import type { SessionUser } from '../auth/require-session';
import { AppError } from '../http/app-error';
import type { PresenceWriter } from '../presence/presence-writer';
import type { Repos } from '../repos';

/**
 * A supervisor sets an agent Away: they stop being offered calls, and their console and every
 * board are told at once. Only an agent who is signed in and not on a call can be set Away (an
 * agent on a call is busy until it ends; one who is offline already gets no calls).
 *
 * @example
 * const view = await setAgentAway({ repos, presence }, supervisor, agentId);
 * view.status; // 'away'
 */
export async function setAgentAway(
  deps: {
    repos: Pick<Repos, 'users' | 'presence' | 'auditLog'>;
    presence: Pick<PresenceWriter, 'change'>;
  },
  supervisor: SessionUser,
  userId: string,
): Promise<AgentView> {
  const ws = supervisor.workspaceId;
  const user = await deps.repos.users.getUser(ws, userId);
  if (!user) throw new AppError('not_found', 404, 'No user with that id in your workspace.');
  const changed = await deps.presence.change(ws, user.id, { kind: 'sent-away' });
  if ('refused' in changed) {
    throw changed.refused === 'offline'
      ? new AppError('agent_unavailable', 409, `${user.name} is not signed in to the console.`)
      : new AppError(
          'invalid_state',
          409,
          `${user.name} is on a call; set them Away when it ends.`,
        );
  }
  if (changed.moved) {
    await deps.repos.auditLog.record({
      workspaceId: ws,
      actor: { userId: supervisor.userId, name: supervisor.name, email: supervisor.email },
      action: 'agent.set-away',
      target: { type: 'user', id: user.id, label: user.email },
      changes: { status: 'away' },
    });
  }
  const after = await deps.repos.presence.getPresence(ws, user.id);
  return {
    userId: user.id,
    name: user.name,
    status: after?.status ?? changed.status,
    since: (after?.since ?? new Date()).toISOString(),
  };
}
