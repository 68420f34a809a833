import type { AgentRef, CallTransferTargetsAck, TransferQueue } from '@ringside/contracts';
import type { Actor } from '../calls/actor';
import { CommandError } from '../calls/command-error';
import type { Repos } from '../repos';

type TargetRepos = Pick<Repos, 'channels' | 'presence' | 'users'>;

/** the available agents of a line, the actor left out */
async function availableBut(
  repos: TargetRepos,
  actor: Actor,
  channelId: string,
): Promise<AgentRef[]> {
  const available = await repos.presence.availableAgents(actor.workspaceId, channelId);
  return available
    .filter((agent) => agent.userId !== actor.userId)
    .map((agent) => ({ userId: agent.userId, name: agent.name }));
}

/**
 * Where the actor's call (on `channelId`) can go now: the available colleagues of its line, and
 * the workspace's lines with how many of their agents are available (a transfer to a queue).
 *
 * @example
 * const { agents, queues } = await transferTargets(repos, actor, row.channelId);
 */
export async function transferTargets(
  repos: TargetRepos,
  actor: Actor,
  channelId: string,
): Promise<CallTransferTargetsAck> {
  const lines = await repos.channels.listChannels(actor.workspaceId);
  return {
    agents: await availableBut(repos, actor, channelId),
    queues: await Promise.all(
      lines.map(async (line) => ({
        channelId: line.id,
        name: line.name,
        available: (await availableBut(repos, actor, line.id)).length,
      })),
    ),
  };
}

/**
 * Who a transfer goes to: one available colleague (`toUserId`), or every available agent of a
 * line's queue (`toChannelId`); refused in words when nobody can take it.
 *
 * @example
 * const { offered, queue } = await resolveTransferTarget(repos, actor, { toChannelId });
 */
export async function resolveTransferTarget(
  repos: TargetRepos,
  actor: Actor,
  target: { toUserId?: string; toChannelId?: string },
): Promise<{ offered: Map<string, AgentRef>; queue?: TransferQueue }> {
  if (target.toChannelId !== undefined) {
    const line = await repos.channels.getChannel(actor.workspaceId, target.toChannelId);
    if (!line) throw new CommandError('not_found', 'That line does not exist.');
    const agents = await availableBut(repos, actor, line.id);
    if (agents.length === 0) {
      throw new CommandError(
        'invalid_state',
        `Nobody in the ${line.name} queue is available to take a call.`,
      );
    }
    return {
      offered: new Map(agents.map((agent) => [agent.userId, agent])),
      queue: { channelId: line.id, name: line.name },
    };
  }
  const toUserId = target.toUserId ?? '';
  if (toUserId === actor.userId) {
    throw new CommandError('invalid_payload', 'Pick a colleague to transfer the call to.');
  }
  const to = await repos.users.getUser(actor.workspaceId, toUserId);
  if (!to) throw new CommandError('not_found', 'That colleague does not exist.');
  const presence = await repos.presence.getPresence(actor.workspaceId, toUserId);
  if (presence?.status !== 'available') {
    throw new CommandError('invalid_state', `${to.name} is not available to take a call.`);
  }
  return { offered: new Map([[to.id, { userId: to.id, name: to.name }]]) };
}
