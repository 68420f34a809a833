import type { Logger } from '../ops/logger';
import type { ChannelRecord } from '../repos/channel-rows';
import type { CallRow } from '../repos/calls';
import type { Repos } from '../repos';
import type { Notifier } from '../sockets/notifier';
import type { Feed } from './call-service';
import type { CallTimers } from './call-timers';
import { toCallView, toRingingPayload } from './call-views';
import { ringTimeoutMsFor } from './ring-deadline';

export const ringTimerKey = (callId: string) => `ring:${callId}`;
export const agentTimerKey = (callId: string, userId: string) => `agent:${callId}:${userId}`;

/**
 * Who a ringing call is offered to. `all`: every available agent of the channel at once;
 * `longest-idle`: one agent at a time, longest idle first, each for the channel's per-agent
 * timeout, then the next. Nobody available: the call keeps ringing (or is rejected, if the
 * channel says so) until the ring timeout. A disabled channel, or a call whose ring time is
 * already over when it arrives, rings nobody and is rejected at once (missed).
 */
export function createRingRouter(deps: {
  repos: Repos;
  notifier: Notifier;
  timers: CallTimers;
  clock: () => Date;
  logger: Logger;
  feed: Feed;
}) {
  const later = (what: string, run: () => Promise<unknown>) => () => {
    run().catch((error: unknown) => deps.logger.error({ err: error, what }, 'call timer failed'));
  };

  /** ms until the call's ring timeout, counted from when Meta says it started */
  function ringLeftMs(channel: ChannelRecord, row: CallRow): number {
    return row.offeredAt.getTime() + channel.ringTimeoutSec * 1000 - deps.clock().getTime();
  }

  const ringTimeout = (channel: ChannelRecord, row: CallRow) =>
    deps.feed(channel, {
      kind: 'ring.timeout',
      callId: row.metaCallId,
      occurredAt: deps.clock().getTime(),
    });

  function armRingTimeout(channel: ChannelRecord, row: CallRow): void {
    const due = ringLeftMs(channel, row);
    deps.timers.set(
      ringTimerKey(row.id),
      due,
      later('ring timeout', () => ringTimeout(channel, row)),
    );
  }

  /** offers a ringing call to the next agents, skipping those in `exclude` */
  async function ring(
    channel: ChannelRecord,
    row: CallRow,
    exclude: readonly string[],
  ): Promise<void> {
    const model = row.model;
    if (model.state === 'ringing' && (!channel.enabled || ringLeftMs(channel, row) <= 0)) {
      // a disabled channel rings nobody; a connect Meta delivered after the caller's ring time
      // (a late retry) has nobody left to answer: end it at once rather than flash a ring
      deps.logger.info(
        { callId: row.id, enabled: channel.enabled, ringLeftMs: ringLeftMs(channel, row) },
        'call not rung: channel disabled or ring time already over',
      );
      await ringTimeout(channel, row);
      return;
    }
    armRingTimeout(channel, row);
    if (model.state !== 'ringing') return;
    const available = (
      await deps.repos.presence.availableAgents(channel.workspaceId, channel.id)
    ).filter(
      (agent) => !exclude.includes(agent.userId) && !model.agentsDeclined.includes(agent.userId),
    );
    if (available.length === 0) {
      deps.logger.info(
        { callId: row.id, policy: channel.whenNobodyAvailable },
        'no agent available for a ringing call',
      );
      if (channel.whenNobodyAvailable === 'reject' && model.agentsOffered.length === 0) {
        await ringTimeout(channel, row);
      }
      return;
    }
    const chosen = channel.ringStrategy === 'all' ? available : available.slice(0, 1);
    const applied = await deps.feed(channel, {
      kind: 'ring.offered',
      callId: row.metaCallId,
      agentIds: chosen.map((a) => a.userId),
      strategy: channel.ringStrategy,
      occurredAt: deps.clock().getTime(),
    });
    if (!applied.changed || !applied.row) return;
    const before = model.agentsOffered;
    const fresh = chosen.map((a) => a.userId).filter((id) => !before.includes(id));
    const earlier = row.callerId
      ? await deps.repos.calls.countEarlierCalls(channel.workspaceId, row.callerId, row.offeredAt)
      : 0;
    deps.notifier.ringing(
      fresh,
      toRingingPayload(
        applied.row,
        earlier,
        ringTimeoutMsFor(channel, applied.row, deps.clock().getTime()),
      ),
    );
    deps.notifier.callUpdated(channel.workspaceId, [], toCallView(applied.row));
    if (channel.ringStrategy === 'longest-idle') {
      for (const userId of fresh) {
        deps.timers.set(
          agentTimerKey(row.id, userId),
          channel.agentTimeoutSec * 1000,
          later('agent timeout', () =>
            deps.feed(channel, {
              kind: 'agent.decline',
              callId: row.metaCallId,
              agentId: userId,
              occurredAt: deps.clock().getTime(),
            }),
          ),
        );
      }
    }
  }

  /** an agent just became available: offer them the calls already ringing for their channels */
  async function ringWaitingCalls(workspaceId: string): Promise<void> {
    for (const row of await deps.repos.calls.liveCalls(workspaceId)) {
      if (row.model.state !== 'ringing') continue;
      if (row.model.strategy === 'longest-idle' && row.model.agentsOffered.length > 0) continue;
      const channel = await deps.repos.channels.getChannel(workspaceId, row.channelId);
      if (channel?.enabled) await ring(channel, row, []);
    }
  }

  /** after a restart: ring timers for calls that were ringing when the last process stopped */
  async function recoverTimers(): Promise<void> {
    for (const workspace of await deps.repos.workspaces.listWorkspaces()) {
      for (const row of await deps.repos.calls.liveCalls(workspace.id)) {
        if (row.model.state !== 'ringing') continue;
        const channel = await deps.repos.channels.getChannel(workspace.id, row.channelId);
        if (channel) armRingTimeout(channel, row);
      }
    }
  }

  return { ring, ringWaitingCalls, recoverTimers };
}
