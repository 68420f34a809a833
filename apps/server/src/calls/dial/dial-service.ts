import type { CallDialAck, CallDialCommand } from '@ringside/contracts';
import { fixActpassInRemoteAnswer, validateLocalOffer } from '@ringside/sdp';
import { mediaPolicyOf } from '../../graph/media-opt-in';
import { GraphApiError } from '../../graph/graph-api-error';
import type { GraphClient } from '../../graph/graph-client';
import type { GraphCredentials } from '../../graph/graph-credentials';
import type { Logger } from '../../ops/logger';
import type { PresenceWriter } from '../../presence/presence-writer';
import type { Repos } from '../../repos';
import type { ChannelListing } from '../../repos/channel-rows';
import type { CallNotifications } from '../ports';
import type { Actor } from '../actor';
import type { CallService } from '../call-service';
import { toCallView } from '../call-views';
import { CommandError } from '../command-error';
import type { CallPermission } from './call-permission';
import { answersChannel, channelLabel } from './dial-channels';
import { readDialTarget, type DialTarget } from './dial-target';

/** what Meta's `connect` gave back: the call's id and, on Messenger, its answer */
interface Placed {
  readonly metaCallId: string;
  readonly sdpResponse?: string;
}

/**
 * Business-initiated calls (`call:dial`). Refuses, before anything reaches Meta, what cannot
 * work: a channel that is not the workspace's (`not_found`), one that is off or that the agent
 * does not answer (`forbidden`), a `to` that is not a number or PSID and an offer without a
 * microphone track (`invalid_payload`), an agent already on a call or placing one
 * (`agent_unavailable`). Then: the customer's permission (see `call-permission.ts`), the agent
 * becomes busy, Graph `connect` with the browser's offer, and the call is stored through the
 * model (`agent.dial`) under Meta's call id, with its no-pickup timer. Meta refusing leaves no
 * call behind and the agent as they were (`meta_error`, in Meta's meaning).
 *
 * @example
 * const dialer = createDialService(deps);
 * const { callId, sdpResponse } = await dialer.dial(actor, { channelId, to: '+447700900123', sdp });
 */
export function createDialService(deps: {
  repos: Pick<Repos, 'calls' | 'channels' | 'presence' | 'workspaces' | 'callMedia'>;
  calls: CallService;
  graph: GraphClient;
  notifier: CallNotifications;
  permission: CallPermission;
  clock: () => Date;
  logger: Logger;
  presence: Pick<PresenceWriter, 'change' | 'announce'>;
  /** told once a dialed call is stored: events Meta sent before it can now be applied */
  callStored: (metaCallId: string) => void;
}) {
  // agents with a dial under way on this node: a double click places one call, not two
  const dialing = new Set<string>();

  async function channelFor(actor: Actor, channelId: string): Promise<ChannelListing> {
    const channel = await deps.repos.channels.getChannel(actor.workspaceId, channelId);
    if (!channel) throw new CommandError('not_found', 'That channel does not exist.');
    const label = channelLabel(channel);
    if (!channel.enabled) {
      throw new CommandError(
        'forbidden',
        `${label} is turned off, so no calls can be placed from it.`,
      );
    }
    if (!answersChannel(channel, actor.userId)) {
      throw new CommandError(
        'forbidden',
        `You do not answer ${label}, so you cannot call from it.`,
      );
    }
    return channel;
  }

  /** the agent's status now, when they may place a call; refuses one on a call or offline */
  async function freeAgent(actor: Actor): Promise<'available' | 'away'> {
    if (await deps.repos.calls.liveCallOf(actor.workspaceId, actor.userId)) {
      throw new CommandError(
        'agent_unavailable',
        'Finish your current call before calling someone.',
      );
    }
    const presence = await deps.repos.presence.getPresence(actor.workspaceId, actor.userId);
    switch (presence?.status) {
      case 'available':
      case 'away':
        return presence.status;
      case 'busy':
        // busy with no call to show for it is stale (a crash mid-call): the calls decide
        return 'available';
      default:
        throw new CommandError(
          'agent_unavailable',
          'Set yourself Available or Away to place calls.',
        );
    }
  }

  /** the agent's dial came to nothing: back to where they were, unless they moved meanwhile */
  async function dialOver(actor: Actor, back: 'available' | 'away'): Promise<void> {
    // nobody talked: no after-call work
    await deps.presence.change(actor.workspaceId, actor.userId, {
      kind: 'call-over',
      back,
      wrapUp: false,
    });
  }

  async function connect(
    channel: ChannelListing,
    creds: GraphCredentials,
    target: DialTarget,
    sdp: string,
  ): Promise<Placed> {
    if (channel.kind === 'whatsapp') {
      const reply = await deps.graph.whatsapp.connect(
        creds,
        target.id,
        sdp,
        undefined,
        mediaPolicyOf(channel),
      );
      return { metaCallId: reply.calls[0].id };
    }
    const reply = await deps.graph.messenger.connect(creds, target.id, sdp);
    // meta has answered with a=setup:actpass, which a browser refuses in an answer
    return {
      metaCallId: reply.id,
      sdpResponse: fixActpassInRemoteAnswer(reply.session.sdp_response.sdp),
    };
  }

  /** best effort: Meta placed a call that could not be stored, so nobody would answer for it */
  async function abandon(channel: ChannelListing, creds: GraphCredentials, metaCallId: string) {
    const send =
      channel.kind === 'whatsapp' ? deps.graph.whatsapp.terminate : deps.graph.messenger.terminate;
    await send(creds, metaCallId).catch((error: unknown) =>
      deps.logger.warn(
        { err: error, metaCallId },
        'could not terminate a call that was not stored',
      ),
    );
  }

  async function place(
    actor: Actor,
    channel: ChannelListing,
    target: DialTarget,
    sdp: string,
  ): Promise<CallDialAck> {
    const before = await freeAgent(actor);
    const creds = await deps.repos.channels.getChannelCredentials(channel.id);
    if (!creds) {
      throw new CommandError(
        'invalid_state',
        `${channelLabel(channel)} has no access token; an admin must add one before calls can be placed from it.`,
      );
    }
    const workspace = await deps.repos.workspaces.getWorkspace(actor.workspaceId);
    await deps.permission.ensure(channel, creds, target, workspace?.name ?? '', actor);

    // busy from here: no inbound call rings an agent whose outbound call is being set up
    await deps.presence.change(actor.workspaceId, actor.userId, { kind: 'call-started' });
    let placed: Placed;
    try {
      placed = await connect(channel, creds, target, sdp);
    } catch (error) {
      await dialOver(actor, before);
      if (!(error instanceof GraphApiError)) throw error;
      deps.logger.warn(
        { err: error, channelId: channel.id, code: error.code, details: error.details },
        'Meta refused an outbound call',
      );
      throw new CommandError('meta_error', error.meaning);
    }

    let applied: Awaited<ReturnType<CallService['feed']>>;
    try {
      applied = await deps.calls.feed(channel, {
        kind: 'agent.dial',
        callId: placed.metaCallId,
        channel: channel.kind,
        endpointId: channel.externalId,
        agentId: actor.userId,
        from: businessParty(channel),
        to: target.id,
        occurredAt: deps.clock().getTime(),
        // restored when the call ends: an agent who called out while away stays away
        agentStatusBefore: before,
      });
    } catch (error) {
      await abandon(channel, creds, placed.metaCallId);
      await dialOver(actor, before);
      throw error;
    }
    const row = applied.row;
    if (!applied.changed || !row) {
      deps.logger.error({ metaCallId: placed.metaCallId }, 'a dialed call could not be stored');
      await abandon(channel, creds, placed.metaCallId);
      await dialOver(actor, before);
      throw new CommandError('internal', 'The call could not be recorded. Please try again.');
    }
    const policy = mediaPolicyOf(channel);
    if (policy && policy.capture !== 'off') {
      await deps.repos.callMedia.markCapture(row.id, policy.capture);
    }
    if (row.model.state === 'dialing') {
      deps.calls.armNoPickup(channel, row);
      deps.notifier.callUpdated(actor.workspaceId, [actor.userId], toCallView(row, actor.name));
      // the board shows the agent on this call now
      await deps.presence.announce(actor.workspaceId, actor.userId);
    }
    // otherwise Meta's terminate came first and the call ended at once, announced as it did
    deps.callStored(placed.metaCallId);
    return { callId: row.id, ...(placed.sdpResponse ? { sdpResponse: placed.sdpResponse } : {}) };
  }

  return {
    async dial(actor: Actor, command: CallDialCommand): Promise<CallDialAck> {
      const channel = await channelFor(actor, command.channelId);
      const read = readDialTarget(channel.kind, command.to);
      if (!read.ok) throw new CommandError('invalid_payload', read.message);
      if (!command.sdp) {
        throw new CommandError(
          'invalid_payload',
          'The call needs your browser’s audio offer (sdp).',
        );
      }
      const offer = validateLocalOffer(command.sdp);
      if (!offer.ok) {
        throw new CommandError(
          'invalid_payload',
          `Your browser’s audio offer cannot be used: ${offer.error.message}.`,
        );
      }
      if (dialing.has(actor.userId)) {
        throw new CommandError('agent_unavailable', 'You are already placing a call.');
      }
      dialing.add(actor.userId);
      try {
        return await place(actor, channel, read.target, offer.summary.sdp);
      } finally {
        dialing.delete(actor.userId);
      }
    },
  };
}

export type DialService = ReturnType<typeof createDialService>;

/** the business side of the call as the model records it: the number's digits, or the Page */
function businessParty(channel: ChannelListing): string {
  if (channel.kind === 'messenger') return channel.externalId;
  return channel.displayNumber?.replace(/\D/g, '') || channel.externalId;
}
