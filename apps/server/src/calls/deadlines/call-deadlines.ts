import type { Logger } from '../../ops/logger';
import type { ChannelRecord } from '../../repos/channel-rows';
import { ringEndsAt } from './ring-deadline';
import type { CallRow } from '../../repos/calls';
import type { Repos } from '../../repos';
import type { Feed } from '../feed';
import type { CallTimers } from './call-timers';
import { agentTimerKey, ringTimeoutEvent, ringTimerKey, turnOverEvent } from './deadline-events';

/**
 * Every deadline of a call in one place: the ring timeout of an inbound call, each longest-idle
 * agent's turn, and an outbound call's no-pickup end. Armed and cancelled as the call's effects
 * run (offered → ringing and turns; claimed → turns stop; answered → ring timer stops; ended →
 * all stop), re-armed from the database after a restart, and backed by the timer sweep
 * (`timer-sweep.ts`) for a node that died. A timer only feeds the model an event it ignores
 * once the call has moved on.
 *
 * @example
 * const deadlines = createCallDeadlines({ timers, clock, logger, feed, repos, noPickupMs });
 * deadlines.ringing(channel, row); // the ring timeout, from when Meta says the call started
 * deadlines.answered(row.id); // it no longer times out
 */
export function createCallDeadlines(deps: {
  timers: CallTimers;
  clock: () => Date;
  logger: Logger;
  feed: Feed;
  repos: Pick<Repos, 'calls' | 'channels' | 'workspaces'>;
  /** how long an outbound call may go unanswered */
  noPickupMs: number;
}) {
  const now = () => deps.clock().getTime();
  const later = (what: string, run: () => Promise<unknown>) => () => {
    run().catch((error: unknown) => deps.logger.error({ err: error, what }, 'call timer failed'));
  };

  /**
   * ms until the call's ring timeout, counted from when Meta says it started (a queued call's
   * queue limit, a voicemail's longest length: {@link ringEndsAt})
   */
  function ringLeftMs(channel: ChannelRecord, row: CallRow): number {
    return ringEndsAt(channel, row) - now();
  }

  /**
   * an inbound call rings until the channel's ring timeout, a queued one until the queue limit
   * (re-arming replaces the timer)
   */
  function ringing(channel: ChannelRecord, row: CallRow): void {
    deps.timers.set(
      ringTimerKey(row.id),
      ringLeftMs(channel, row),
      later('ring timeout', () => deps.feed(channel, ringTimeoutEvent(row.metaCallId, now()))),
    );
  }

  /**
   * one longest-idle agent's turn ends in `dueMs` (the channel's per-agent timeout by default;
   * at once if not positive): the call moves on to the next agent
   */
  function turn(channel: ChannelRecord, row: CallRow, userId: string, dueMs?: number): void {
    deps.timers.set(
      agentTimerKey(row.id, userId),
      dueMs ?? channel.agentTimeoutSec * 1000,
      later('agent timeout', () =>
        deps.feed(channel, turnOverEvent(row.metaCallId, userId, now())),
      ),
    );
  }

  /**
   * an outbound call ends `no-answer` when the customer has not picked up in time (it shares
   * the ring timer's key, so pickup and the call's end cancel it)
   */
  function dialed(channel: ChannelRecord, row: CallRow): void {
    // offeredAt is when the call was dialed
    deps.timers.set(
      ringTimerKey(row.id),
      row.offeredAt.getTime() + deps.noPickupMs - now(),
      later('no-pickup timeout', () => deps.feed(channel, ringTimeoutEvent(row.metaCallId, now()))),
    );
  }

  /**
   * after a restart: the turns of the agents a longest-idle call was ringing for, each ending a
   * per-agent timeout after that agent was offered the call (its timeline says when; the call's
   * start if it does not), at once when that is already past. Without them the call would stay
   * with its agent until the ring timeout: nothing else moves a longest-idle call that has one.
   */
  async function recoverTurns(channel: ChannelRecord, row: CallRow): Promise<void> {
    const model = row.model;
    if (model.state !== 'ringing' || model.strategy !== 'longest-idle') return;
    for (const userId of model.agentsOffered) {
      const offeredAt =
        (await deps.repos.calls.lastOfferedTo(channel.workspaceId, row.id, userId)) ??
        row.offeredAt;
      turn(channel, row, userId, offeredAt.getTime() + channel.agentTimeoutSec * 1000 - now());
    }
  }

  return {
    ringLeftMs,
    ringing,
    turn,
    dialed,
    /** someone took the call: no agent's turn ends it any more */
    claimed(callRowId: string): void {
      deps.timers.cancelPrefix(`agent:${callRowId}:`);
    },
    /** the call is a conversation: it no longer times out unanswered */
    answered(callRowId: string): void {
      deps.timers.cancel(ringTimerKey(callRowId));
    },
    /** the call is over: none of its deadlines matter */
    ended(callRowId: string): void {
      deps.timers.cancel(ringTimerKey(callRowId));
      deps.timers.cancelPrefix(`agent:${callRowId}:`);
    },
    /**
     * after a restart: the deadlines of the calls that were ringing or being dialed when the
     * last process stopped
     */
    async recover(): Promise<void> {
      for (const workspace of await deps.repos.workspaces.listWorkspaces()) {
        for (const row of await deps.repos.calls.liveCalls(workspace.id)) {
          const state = row.model.state;
          const outbound = state === 'dialing' || state === 'outbound-ringing';
          if (state !== 'ringing' && !outbound) continue;
          const channel = await deps.repos.channels.getChannel(workspace.id, row.channelId);
          if (!channel) continue;
          if (outbound) {
            dialed(channel, row);
            continue;
          }
          ringing(channel, row);
          await recoverTurns(channel, row);
        }
      }
    },
  };
}

export type CallDeadlines = ReturnType<typeof createCallDeadlines>;
