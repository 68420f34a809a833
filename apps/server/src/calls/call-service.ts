import type { CallEvent, Effect, NormalizedEvent } from '@ringside/calls';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import { enqueuePermissionEvent } from '../outbox/enqueue-events';
import type { ChannelRecord } from '../repos/channel-rows';
import type { Repos } from '../repos';
import type { GraphClient } from '../graph/graph-client';
import type { Notifier } from '../sockets/notifier';
import { actionable, createCallEngine, type Applied } from './call-engine';
import type { CallTimers } from './call-timers';
import { createEffectRunner } from './effect-runner';
import { createRingRouter } from './ring-router';

export interface CallServiceDeps {
  repos: Repos;
  graph: GraphClient;
  notifier: Notifier;
  timers: CallTimers;
  clock: () => Date;
  logger: Logger;
  metrics: Metrics;
  announcePresence: (workspaceId: string, userId: string) => Promise<void>;
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
  const router = createRingRouter({ ...deps, feed });
  const effects = createEffectRunner({ ...deps, feed, ring: router.ring });

  /** applies one event to its call and performs what follows from it */
  async function feed(
    channel: ChannelRecord,
    event: CallEvent,
    context: EffectContext = {},
  ): Promise<Applied> {
    const applied = await engine.apply(channel, event);
    if (applied.changed && applied.row) {
      await effects.run(
        channel,
        applied.row,
        applied.before,
        actionable(applied.result.effects),
        context,
      );
    }
    return applied;
  }

  /** a stored, normalized webhook event: find who owns it, then feed it */
  async function applyWebhookEvent(event: NormalizedEvent): Promise<'applied' | 'unowned'> {
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
      return 'unowned';
    }
    if (event.kind === 'permission.updated') {
      deps.logger.info(
        { channel: event.channel, response: event.response },
        'call permission updated',
      );
      await enqueuePermissionEvent(deps.repos, channel, event);
      return 'applied';
    }
    await feed(channel, event);
    return 'applied';
  }

  return {
    feed,
    applyWebhookEvent,
    ringWaitingCalls: router.ringWaitingCalls,
    recoverTimers: router.recoverTimers,
  };
}

export type CallService = ReturnType<typeof createCallService>;

/** what a command brings along that the model does not store: the agent's SDP */
export interface EffectContext {
  sdp?: string;
  /** filled by the runner: Meta's reply to a Messenger accept */
  reply?: { sdpResponse?: string; sdpRenegotiation?: string };
}

export type Feed = (
  channel: ChannelRecord,
  event: CallEvent,
  context?: EffectContext,
) => Promise<Applied>;
export type { Effect };
