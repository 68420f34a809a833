import type { Logger } from '../ops/logger';
import { periodic } from '../ops/periodic';
import type { ChannelRecord } from '../repos/channel-rows';
import type { DueGraphAction } from '../repos/graph-actions';
import type { Repos } from '../repos';
import type { CallNotifications } from './ports';
import { GraphApiError } from '../graph/graph-api-error';
import type { Feed } from './feed';
import {
  GRAPH_ACTION_GIVE_UP_MS,
  GRAPH_ACTION_LEASE_MS,
  GRAPH_OUTBOX_PERIOD_MS,
  type GraphActionSender,
} from './graph-outbox';

/** at most this many actions per round; a full round is followed by the next one a period later */
const BATCH = 20;

/** Tuning of {@link createGraphActionWorker}; the defaults suit production, tests shorten them. */
export interface GraphActionWorkerOptions {
  /** time between rounds */
  periodMs?: number;
}

/**
 * Tries again what the deciding node did not get through to Meta: it crashed before or while
 * sending, or Meta was unreachable. Every node runs it; a pending action is claimed for a lease
 * (`FOR UPDATE SKIP LOCKED`), so two nodes never send it at once. A reject or terminate is
 * resent until Meta confirms or refuses it, Meta ends the call (its terminate settles what is
 * pending), or {@link GRAPH_ACTION_GIVE_UP_MS} passes. An accept is resent only while its call
 * is still claimed with the agent's answer in; confirmed, the call goes live as it would have
 * (a Messenger agent gets Meta's answer as `call:remote-sdp`); refused, the call is rejected.
 * A pending `pre_accept` is not resent: the accept alone connects the call.
 *
 * @example
 * const worker = createGraphActionWorker({ repos, sender, feed, notifier, clock, logger });
 * worker.start(); // after listen
 * await worker.runOnce(); // tests
 */
export function createGraphActionWorker(
  deps: {
    repos: Pick<Repos, 'graphActions' | 'channels' | 'calls'>;
    sender: GraphActionSender;
    feed: Feed;
    notifier: Pick<CallNotifications, 'remoteSdp'>;
    clock: () => Date;
    logger: Logger;
  },
  options: GraphActionWorkerOptions = {},
) {
  const now = () => deps.clock().getTime();

  async function retryEnding(channel: ChannelRecord, due: DueGraphAction, at: Date) {
    if (at.getTime() - due.createdAt.getTime() >= GRAPH_ACTION_GIVE_UP_MS) {
      await deps.sender.settle(due.callId, due.action, 'expired', due.lastError ?? undefined);
      deps.logger.error(
        { callId: due.callId, action: due.action, attempts: due.attempts, error: due.lastError },
        'gave up telling Meta a call ended',
      );
      return;
    }
    const call = { id: due.callId, metaCallId: due.metaCallId };
    const tried = await deps.sender.send(channel, call, due.action, undefined, {
      attempt: due.attempts,
      resent: true,
    });
    deps.logger.info(
      { callId: due.callId, action: due.action, attempts: due.attempts, ok: tried.ok },
      'Graph action tried again',
    );
  }

  async function retryAccept(channel: ChannelRecord, due: DueGraphAction): Promise<void> {
    const stored = await deps.repos.calls.getCallByMetaId(due.workspaceId, due.metaCallId);
    const model = stored?.model;
    const waiting =
      model?.state === 'claimed' && model.answerSentAt !== undefined && due.action === 'accept';
    if (!stored || !waiting) {
      await deps.sender.settle(due.callId, due.action, 'moot');
      return;
    }
    const call = { id: due.callId, metaCallId: due.metaCallId, anchorEngine: stored.anchorEngine };
    const tried = await deps.sender.send(channel, call, 'accept', due.sdp ?? '', {
      attempt: due.attempts,
      resent: true,
    });
    deps.logger.info(
      { callId: due.callId, action: 'accept', attempts: due.attempts, ok: tried.ok },
      'Graph action tried again',
    );
    if (tried.ok) {
      if (tried.messenger) {
        deps.notifier.remoteSdp(model.agentId, {
          callId: stored.id,
          sdpType: 'answer',
          sdp: tried.messenger.sdpResponse,
        });
      }
      await deps.feed(channel, {
        kind: 'graph.accepted',
        callId: due.metaCallId,
        occurredAt: now(),
      });
      return;
    }
    if (tried.final && tried.error instanceof GraphApiError) {
      await deps.feed(channel, {
        kind: 'graph.failed',
        callId: due.metaCallId,
        action: 'accept',
        code: tried.error.code ?? 0,
        message: tried.error.meaning,
        occurredAt: now(),
      });
    }
  }

  async function retry(due: DueGraphAction, at: Date): Promise<void> {
    const channel = await deps.repos.channels.getChannel(due.workspaceId, due.channelId);
    if (!channel) {
      await deps.sender.settle(due.callId, due.action, 'moot');
      return;
    }
    if (due.action === 'reject' || due.action === 'terminate') await retryEnding(channel, due, at);
    else await retryAccept(channel, due);
  }

  /**
   * one round: claims what is due and tries each; how many it took. `at`: the moment dues are
   * compared with (tests look ahead past a lease or a backoff)
   */
  async function runOnce(at: Date = deps.clock()): Promise<number> {
    const due = await deps.repos.graphActions.claimDue(at, BATCH, GRAPH_ACTION_LEASE_MS);
    for (const action of due) {
      try {
        await retry(action, at);
      } catch (error) {
        // one action failing (a bad row, the database) must not hold up the others
        deps.logger.error(
          { err: error, callId: action.callId, action: action.action },
          'Graph action retry failed',
        );
      }
    }
    return due.length;
  }

  const rounds = periodic(
    options.periodMs ?? GRAPH_OUTBOX_PERIOD_MS,
    () => runOnce(),
    (error) => deps.logger.error({ err: error }, 'Graph action worker round failed'),
  );
  return { runOnce, start: rounds.start, stop: rounds.stop };
}

export type GraphActionWorker = ReturnType<typeof createGraphActionWorker>;
