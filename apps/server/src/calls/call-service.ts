import type { EnginePool } from '@ringside/anchor';
import {
  NO_PICKUP_TIMEOUT_MS,
  type CallEvent,
  type Effect,
  type NormalizedEvent,
} from '@ringside/calls';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { ChannelRecord } from '../repos/channel-rows';
import type { Repos } from '../repos';
import type { GraphClient } from '../graph/graph-client';
import type { PresenceWriter } from '../presence/presence-writer';
import type { BoardCountersSignal, CallNotifications } from './ports';
import { actionable, createCallEngine, type CallEngineRepos } from './call-engine';
import type { CallTimers } from './deadlines/call-timers';
import { createCallDeadlines } from './deadlines/call-deadlines';
import type { CommandInput, Fed } from './feed';
import { createEffectRunner, type CallQueuePort } from './effect-runner';
import { createGraphActionWorker, type GraphActionWorkerOptions } from './graph-action-worker';
import { createGraphActionSender } from './graph-outbox';
import { createPermissionReplies } from './dial/permission-reply';
import { noteCallMedia } from '../media/media-intake';
import type { RacePoints } from './race-points';
import { createRingRouter, type RingRouterRepos } from './ring-router';
import type { AnchorRecorder } from '../anchor/anchor-recording';
import { createAnchoredMedia, type AnchoredMedia } from '../anchor/anchored-media';
import { placeInQueue } from './place-in-queue';
import { ENGINE_LOST_REASON, lostCallEvents } from '../anchor/engine-loss';

/** what the call loop reads and writes; the rest of the repositories are not its business */
export type CallServiceRepos = CallEngineRepos &
  RingRouterRepos &
  Pick<Repos, 'users' | 'workspaces' | 'callMedia'>;

export interface CallServiceDeps {
  repos: CallServiceRepos;
  graph: GraphClient;
  notifier: CallNotifications;
  timers: CallTimers;
  clock: () => Date;
  logger: Logger;
  metrics: Metrics;
  /** the one writer of agents' status */
  presence: Pick<PresenceWriter, 'change' | 'callEnded'>;
  /** told after a call rang, was answered or ended, so supervisors get fresh counters */
  boardCounters: BoardCountersSignal;
  /** how long an outbound call may go unanswered; {@link NO_PICKUP_TIMEOUT_MS} by default */
  noPickupMs?: number;
  /** where tests hold a call's arrival or an agent's status change ({@link RacePoints}) */
  points: RacePoints;
  /** tuning of the worker resending Graph actions left pending */
  graphWorker?: GraphActionWorkerOptions | undefined;
  /** the media engines of anchored channels (`ANCHOR_ENGINES`); absent: every call is direct */
  anchor?: EnginePool | undefined;
  /** how long an anchored call waits for its agent's closed tab to rejoin */
  rejoinGraceMs?: number;
  /** the hold music of anchored calls (made at start-up unless given) */
  holdMusic?: () => Promise<string>;
  /** records anchored calls of lines that record theirs */
  recorder?: AnchorRecorder;
  /** how often a queued caller hears their place again (30 s unless given) */
  placeReminderMs?: number;
}

/**
 * Calls on this server: webhook events and agents' commands go through the pure call model
 * (`@ringside/calls`), are stored under the call's lock, and their effects are then performed —
 * Graph requests, rings, notifications, timers.
 *
 * @example
 * const calls = createCallService(deps);
 * await calls.applyWebhookEvent(event); // from the webhook processor
 * await calls.feed(channel, { kind: 'ring.timeout', callId, occurredAt: Date.now() });
 */
export function createCallService(deps: CallServiceDeps) {
  const engine = createCallEngine(deps);
  const deadlines = createCallDeadlines({
    ...deps,
    feed,
    noPickupMs: deps.noPickupMs ?? NO_PICKUP_TIMEOUT_MS,
  });
  // anchored channels: the call's media on an engine of the pool; its loss ends the call
  const anchor = deps.anchor
    ? createAnchoredMedia({
        pool: deps.anchor,
        logger: deps.logger,
        ...(deps.rejoinGraceMs === undefined ? {} : { rejoinGraceMs: deps.rejoinGraceMs }),
        ...(deps.holdMusic === undefined ? {} : { holdMusic: deps.holdMusic }),
        ...(deps.recorder === undefined ? {} : { recorder: deps.recorder }),
        ...(deps.placeReminderMs === undefined ? {} : { placeReminderMs: deps.placeReminderMs }),
        lost: async (channel, metaCallId) => {
          const row = await deps.repos.calls.getCallByMetaId(channel.workspaceId, metaCallId);
          const at = deps.clock().getTime();
          for (const event of row ? lostCallEvents(row.model, at) : []) {
            await feed(channel, event, { endReason: ENGINE_LOST_REASON });
          }
        },
      })
    : undefined;
  const router = createRingRouter({
    ...deps,
    deadlines,
    feed,
    ...(anchor
      ? { anchoredHere: async (metaCallId) => (await anchor.engineOf(metaCallId)) !== undefined }
      : {}),
  });
  const sender = createGraphActionSender(deps);
  const effects = createEffectRunner({
    ...deps,
    sender,
    deadlines,
    offer: router.offer,
    announce: router.announce,
    ...(anchor ? { queue: queuePort(anchor) } : {}),
  });
  const permissionReplies = createPermissionReplies(deps);
  const graphWorker = createGraphActionWorker({ ...deps, sender, feed }, deps.graphWorker);

  /** a queued call's media on the engine, for the effects */
  function queuePort(media: AnchoredMedia): CallQueuePort {
    return {
      answer: (metaCallId) => media.queueAnswer(metaCallId),
      queued: (channel, row) =>
        media.queued(row.metaCallId, () => placeInQueue(deps.repos, channel, row.id)),
      voicemail: (metaCallId) => media.voicemail(metaCallId),
    };
  }

  /**
   * The call loop: applies one event to its call, performs its effects, then applies what they
   * tell the model next (a new offer, Meta's answer to an accept), each in turn. `webhookKey`
   * marks the stored webhook event processed in the same transaction as the change.
   */
  async function feed(
    channel: ChannelRecord,
    event: CallEvent,
    input: CommandInput = {},
    webhookKey?: string,
    deferUnknown = false,
  ): Promise<Fed> {
    // an anchored channel's new call: its room first, the agents rung with the engine's offer
    const anchored =
      anchor && event.kind === 'call.offered' ? await anchor.anchor(channel, event) : undefined;
    if (anchored) event = anchored.event;
    // a new call: decide its first offer now, so it is saved (and rings) with the call's commit
    const plan =
      event.kind === 'call.offered' ? await router.planFirstOffer(channel, event) : undefined;
    if (plan) {
      // pglite runs queries on this thread: let waiting requests in between the two halves
      await new Promise<void>((resolve) => setImmediate(resolve));
      await deps.points.reached('arrival:planned', event.callId);
    }
    const applied = await engine.apply(channel, event, {
      ...(webhookKey === undefined ? {} : { webhookKey }),
      ...(plan ? { followUp: plan.followUp } : {}),
      ...(deferUnknown ? { deferUnknown } : {}),
      ...(input.sdp === undefined ? {} : { sdp: input.sdp }),
    });
    // a room made for a connect that made no call (a terminate came first) has nobody to carry
    if (anchored?.fresh && !applied.changed) await anchor?.release(event.callId);
    if (!applied.changed || !applied.row) return applied;
    if (anchored?.fresh && anchored.engine !== undefined) {
      await deps.repos.calls.pinAnchorEngine(applied.row.id, anchored.engine);
    }
    const after = await effects.run(
      channel,
      applied.row,
      applied.before,
      actionable(applied.result.effects),
      plan ? { ...input, earlierCalls: plan.earlierCalls } : input,
    );
    // what the effects learned goes back into the model here, the one loop
    for (const next of after.followUps) await feed(channel, next);
    const state = applied.row.model.state;
    if (anchor && applied.result.transitions.some((change) => change.to === 'active')) {
      await anchor.accepted(event.callId);
    }
    if (anchor && (state === 'ended' || state === 'tombstone')) await anchor.release(event.callId);
    if (after.failure) throw after.failure;
    return after.reply ? { ...applied, reply: after.reply } : applied;
  }

  /**
   * A stored, normalized webhook event: find who owns it, then feed it. With its idempotency
   * key, an event that reaches a call is marked processed in the call's own transaction
   * (`marked`); the caller marks the others. `mayDefer`: an event for an outbound call not
   * stored yet comes back `deferred` and unmarked, for the caller to try again shortly.
   */
  async function applyWebhookEvent(
    event: NormalizedEvent,
    idempotencyKey?: string,
    options: { mayDefer?: boolean } = {},
  ): Promise<{ outcome: 'applied' | 'unowned' | 'deferred'; marked: boolean }> {
    const channel = await deps.repos.channels.findChannelByExternalId(
      event.channel,
      event.endpointId,
    );
    if (!channel) {
      deps.metrics.webhookEvents.inc({ kind: event.kind, result: 'unowned' });
      deps.logger.warn(
        { channel: event.channel, endpointId: event.endpointId, kind: event.kind },
        'event for a number or Page no workspace owns',
      );
      return { outcome: 'unowned', marked: false };
    }
    if (event.kind === 'permission.updated') {
      await permissionReplies.handle(channel, event);
      return { outcome: 'applied', marked: false };
    }
    if (event.kind === 'media.ready') {
      const noted = await noteCallMedia(deps, channel, event);
      if (noted === 'no-call' && options.mayDefer === true) {
        return { outcome: 'deferred', marked: false };
      }
      return { outcome: 'applied', marked: false };
    }
    const applied = await feed(channel, event, {}, idempotencyKey, options.mayDefer === true);
    if (applied.deferred) return { outcome: 'deferred', marked: false };
    return { outcome: 'applied', marked: idempotencyKey !== undefined };
  }

  /**
   * An admin changed a channel (who answers it, whether it is on, how it rings): its calls still
   * waiting are offered to whoever may take them now.
   */
  async function ringChannelCalls(workspaceId: string, channelId: string): Promise<void> {
    const channel = await deps.repos.channels.getChannel(workspaceId, channelId);
    if (!channel?.enabled) return;
    for (const row of await deps.repos.calls.liveCalls(workspaceId)) {
      if (row.channelId === channelId && row.model.state === 'ringing') {
        await router.ring(channel, row);
      }
    }
  }

  return {
    feed,
    applyWebhookEvent,
    ringWaitingCalls: router.ringWaitingCalls,
    ringChannelCalls,
    /**
     * after a restart: ring timers (and longest-idle turns) of ringing calls, no-pickup timers
     * of outbound ones
     */
    recoverTimers: deadlines.recover,
    /** starts a dialed call's no-pickup timer */
    armNoPickup: deadlines.dialed,
    /** resends Graph actions the deciding node did not get through (start after listen) */
    graphWorker,
    /** anchored calls' media (undefined without `ANCHOR_ENGINES`) */
    anchor,
  };
}

export type CallService = ReturnType<typeof createCallService>;

export type { CommandInput, Feed, Fed } from './feed';
export type { Effect };
