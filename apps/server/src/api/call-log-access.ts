import type { SessionUser } from '../auth/require-session';
import { answersChannel } from '../calls/dial/dial-channels';
import type { CallRow, Repos } from '../repos';
import type { AgentScope } from '../repos/call-list';

type AccessRepos = Pick<Repos, 'channels'>;

/**
 * What an agent's call log holds: the calls they took, and the calls nobody took (`missed`) on
 * the channels they answer, by the rule ringing uses (assigned, or everyone when nobody is) — so
 * whoever works a line sees its missed callers and can call them back. Supervisors and admins
 * see the whole workspace: `undefined` for them.
 *
 * @example
 * const seenBy = await agentScope(repos, user);
 * await repos.calls.listCalls(user.workspaceId, { outcome: 'missed', seenBy });
 */
export async function agentScope(
  repos: AccessRepos,
  user: SessionUser,
): Promise<AgentScope | undefined> {
  if (user.role !== 'agent') return undefined;
  const channels = await repos.channels.listChannels(user.workspaceId);
  return {
    agentId: user.userId,
    answeredChannelIds: channels
      .filter((channel) => answersChannel(channel, user.userId))
      .map((channel) => channel.id),
  };
}

/**
 * Whether the user may open a call of their workspace: staff always; an agent when they took
 * it, or when it was missed on a channel they answer (the same rule as {@link agentScope}).
 *
 * @example
 * if (!(await maySeeCall(repos, user, detail.call))) throw notFound();
 */
export async function maySeeCall(
  repos: AccessRepos,
  user: SessionUser,
  call: Pick<CallRow, 'agentId' | 'outcome' | 'channelId'>,
): Promise<boolean> {
  if (user.role !== 'agent' || call.agentId === user.userId) return true;
  if (call.outcome !== 'missed') return false;
  const channel = await repos.channels.getChannel(user.workspaceId, call.channelId);
  return channel !== undefined && answersChannel(channel, user.userId);
}
