import type {
  CallOfferedEvent,
  QueueAnswerCommand,
  RingOfferedCommand,
  RingTimeoutCommand,
} from '@ringside/calls';
import type { Logger } from '../ops/logger';
import type { ChannelRecord } from '../repos/channel-rows';
import type { CallRow } from '../repos/calls';
import type { Repos } from '../repos';
import type { CallNotifications } from './ports';
import type { FollowUp } from './call-engine';
import type { Feed } from './feed';
import type { CallDeadlines } from './deadlines/call-deadlines';
import { ringTimeoutEvent } from './deadlines/deadline-events';
import { toCallView, toRingingPayload } from './call-views';
import { callSourceOf } from './call-source';
import { ringAgainPayload } from './ring-again';
import { ringTimeoutMsFor } from './deadlines/ring-deadline';
import type { RacePoints } from './race-points';

/** a new call's first offer, decided before its commit so it is saved with it */
export interface FirstOffer {
  /** the caller's calls before this one, read with the agents (the ring shows it) */
  readonly earlierCalls: number;
  /** adds the offer to the call's own commit, when the call rings */
  readonly followUp: FollowUp;
}

/**
 * Who a ringing call is offered to. `all`: every available agent of the channel at once;
 * `longest-idle`: one agent at a time, longest idle first, each for the channel's per-agent
 * timeout, then the next. Nobody available: the call keeps ringing (or is rejected, or on an
 * anchored line that queues, answered by the media engine, as the channel says) until the ring
 * timeout (a queued call: the queue limit). A disabled channel, or a call whose ring time is
 * already over when it arrives, rings nobody and is rejected at once (missed). Whatever the
 * result, supervisors get the call's `call:updated` (or its `call:ended`).
 *
 * Inside the call loop it only decides: `offer` returns the event for the loop to apply, and the
 * model's `notify-offered` for the agents that event added comes back to `announce`.
 */
/** what ringing reads: who is available, calls, channels */
export type RingRouterRepos = Pick<
  Repos,
  'calls' | 'callLinks' | 'channels' | 'presence' | 'ringPlan'
>;

export function createRingRouter(deps: {
  repos: RingRouterRepos;
  notifier: CallNotifications;
  deadlines: Pick<CallDeadlines, 'ringLeftMs' | 'ringing' | 'turn'>;
  clock: () => Date;
  logger: Logger;
  feed: Feed;
  points: RacePoints;
  /** the call's audio is on a media engine of this server (it can be queued there) */
  anchoredHere?: (metaCallId: string) => Promise<boolean>;
}) {
  const ringLeftMs = deps.deadlines.ringLeftMs;

  /**
   * Before a new call's first commit: who it can be offered to at once, so the offer is saved
   * with the call itself (one commit, not two). Undefined when the ring must be decided after
   * the commit (a disabled channel, a connect whose ring time is already over).
   */
  async function planFirstOffer(
    channel: ChannelRecord,
    event: CallOfferedEvent,
  ): Promise<FirstOffer | undefined> {
    const now = deps.clock().getTime();
    if (!channel.enabled || event.occurredAt + channel.ringTimeoutSec * 1000 - now <= 0) {
      return undefined;
    }
    const { agentIds: available, earlierCalls } = await deps.repos.ringPlan.firstRing(
      channel.workspaceId,
      channel.id,
      event.caller,
      new Date(event.occurredAt),
    );
    const chosen = channel.ringStrategy === 'all' ? available : available.slice(0, 1);
    return {
      earlierCalls,
      followUp: (call) =>
        call.state === 'ringing' && call.agentsOffered.length === 0 && chosen.length > 0
          ? {
              kind: 'ring.offered',
              callId: call.id,
              agentIds: chosen,
              strategy: channel.ringStrategy,
              occurredAt: now,
            }
          : undefined,
    };
  }

  /**
   * What a ringing call needs next (its ring timer is armed here): the offer to the agents
   * available now, skipping those in `exclude` and those already offered it (a new call's first
   * offer is made in its own commit), for the call loop to apply; or its `ring.timeout` when
   * nobody may take it (a disabled channel, a ring time already over, nobody available on a line
   * that rejects then). Who is available is read only after the call's state was stored: an
   * agent who became available since sees the stored call when their status change looks for
   * waiting calls, or is seen here; whatever the interleaving, nobody is missed.
   */
  async function offer(
    channel: ChannelRecord,
    row: CallRow,
    exclude: readonly string[],
  ): Promise<RingOfferedCommand | RingTimeoutCommand | QueueAnswerCommand | undefined> {
    const model = row.model;
    if (model.state === 'ringing' && (!channel.enabled || ringLeftMs(channel, row) <= 0)) {
      // a disabled channel rings nobody; a connect Meta delivered after the caller's ring time
      // (a late retry) has nobody left to answer: end it at once rather than flash a ring
      deps.logger.info(
        { callId: row.id, enabled: channel.enabled, ringLeftMs: ringLeftMs(channel, row) },
        'call not rung: channel disabled or ring time already over',
      );
      return ringTimeoutEvent(row.metaCallId, deps.clock().getTime());
    }
    deps.deadlines.ringing(channel, row);
    if (model.state !== 'ringing') return undefined;
    await deps.points.reached('ring:read', row.metaCallId);
    // ids only, longest idle first: a thousand-agent workspace rings without a row per agent
    const skip = new Set([...exclude, ...model.agentsDeclined, ...model.agentsOffered]);
    const available = (
      await deps.repos.presence.availableAgentIds(channel.workspaceId, channel.id)
    ).filter((userId) => !skip.has(userId));
    // longest-idle: one agent's turn at a time; ring-all: everyone not rung yet
    const turnUnderWay = channel.ringStrategy === 'longest-idle' && model.agentsOffered.length > 0;
    const chosen = turnUnderWay
      ? []
      : channel.ringStrategy === 'all'
        ? available
        : available.slice(0, 1);
    if (chosen.length > 0) {
      return {
        kind: 'ring.offered',
        callId: row.metaCallId,
        agentIds: chosen,
        strategy: channel.ringStrategy,
        occurredAt: deps.clock().getTime(),
      };
    }
    if (model.agentsOffered.length > 0) return undefined;
    deps.logger.info(
      { callId: row.id, policy: channel.whenNobodyAvailable },
      'no agent available for a ringing call',
    );
    // queued: the media engine answers it and the caller waits, hearing their place
    if (
      channel.whenNobodyAvailable === 'queue' &&
      model.waiting === undefined &&
      (await deps.anchoredHere?.(row.metaCallId)) === true
    ) {
      return { kind: 'queue.answer', callId: row.metaCallId, occurredAt: deps.clock().getTime() };
    }
    // rejected: the board hears it through call:ended
    if (channel.whenNobodyAvailable === 'reject') {
      return ringTimeoutEvent(row.metaCallId, deps.clock().getTime());
    }
    // ringing for nobody yet: the board still shows the caller waiting
    deps.notifier.callUpdated(channel.workspaceId, [], toCallView(row));
    return undefined;
  }

  /** outside the call loop (a status or channel change): offers the call and applies that */
  async function ring(channel: ChannelRecord, row: CallRow): Promise<void> {
    const next = await offer(channel, row, []);
    if (next) await deps.feed(channel, next);
  }

  /** the agents just offered the call hear it ring; the board sees it; their turns start */
  async function announce(
    channel: ChannelRecord,
    row: CallRow,
    fresh: readonly string[],
    earlierCalls?: number,
  ): Promise<void> {
    const earlier =
      earlierCalls ??
      (row.callerId
        ? await deps.repos.calls.countEarlierCalls(channel.workspaceId, row.callerId, row.offeredAt)
        : 0);
    deps.notifier.ringing(
      fresh,
      toRingingPayload(
        row,
        earlier,
        ringTimeoutMsFor(channel, row, deps.clock().getTime()),
        await callSourceOf(deps.repos.callLinks, row),
      ),
    );
    deps.notifier.callUpdated(channel.workspaceId, [], toCallView(row));
    if (channel.ringStrategy === 'longest-idle') {
      for (const userId of fresh) {
        deps.deadlines.turn(channel, row, userId);
      }
    }
  }

  /**
   * An agent just became available (their status is stored): the calls already ringing for their
   * channels are offered to them (of a line's queue, only the longest-waiting caller nobody is
   * rung for yet), and those already offered to them ring on their console again
   * (an offer counts only once their console was sent it; it may have been made while it was not
   * listening). A call in another agent's longest-idle turn waits for that turn to end.
   */
  async function ringWaitingCalls(workspaceId: string, userId: string): Promise<void> {
    await deps.points.reached('status:stored', userId);
    // a line's queue gives them its longest-waiting caller nobody rings for yet, not all of them
    const queueRang = new Set<string>();
    for (const row of byPlaceInQueue(await deps.repos.calls.liveCalls(workspaceId))) {
      const model = row.model;
      if (model.state !== 'ringing' || model.waiting === 'voicemail') continue;
      const channel = await deps.repos.channels.getChannel(workspaceId, row.channelId);
      if (!channel?.enabled) continue;
      if (model.waiting === 'queued' && !model.agentsOffered.includes(userId)) {
        if (queueRang.has(row.channelId) || model.agentsOffered.length > 0) continue;
        queueRang.add(row.channelId);
      }
      if (model.agentsOffered.includes(userId)) {
        deps.notifier.ringing([userId], await ringAgainPayload(deps.repos, channel, row, userId));
      } else if (model.strategy !== 'longest-idle' || model.agentsOffered.length === 0) {
        await ring(channel, row);
      }
    }
  }

  return { offer, announce, ring, planFirstOffer, ringWaitingCalls };
}

/** queued calls first, longest waiting first; the others after them, as they came */
function byPlaceInQueue(rows: readonly CallRow[]): CallRow[] {
  const queuedAt = (row: CallRow) =>
    row.model.state === 'ringing' && row.model.queuedAt !== undefined
      ? row.model.queuedAt
      : Number.POSITIVE_INFINITY;
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => queuedAt(a.row) - queuedAt(b.row) || a.index - b.index)
    .map(({ row }) => row);
}
