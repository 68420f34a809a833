import type { CallDialAck, CallDialCommand, QualityMetrics } from '@ringside/contracts';
import { validateLocalAnswer, validateLocalOffer } from '@ringside/sdp';
import type { Actor } from './actor';
import type { Repos } from '../repos';
import type { CallRow } from '../repos/calls';
import type { CallNotifications } from './ports';
import type { PresenceWriter } from '../presence/presence-writer';
import type { CallService } from './call-service';
import type { MessengerAccepted } from './graph-outbox';
import { toCallView } from './call-views';
import { CommandError } from './command-error';
import { loadCall } from './load-call';
import type { DialService } from './dial/dial-service';
import { AnswerFailedError } from './effect-runner';
import { gradeQuality } from './quality';
import { onEngine } from '../anchor/engine-refusal';

/**
 * What agents do to calls from the console: claim, answer, decline, hang up, report quality,
 * change status, call a customer. Each is checked against the call's stored state by the call model; refusals
 * come back as {@link CommandError} with a message the agent can read.
 */
export function createAgentCommands(deps: {
  repos: Pick<Repos, 'calls' | 'channels' | 'presence' | 'users'>;
  calls: CallService;
  /** outbound calls (`call:dial`) */
  dialer: Pick<DialService, 'dial'>;
  notifier: CallNotifications;
  clock: () => Date;
  presence: Pick<PresenceWriter, 'change'>;
}) {
  const now = () => deps.clock().getTime();

  const load = (actor: Actor, callId: string) => loadCall(deps.repos, actor, callId);

  async function takenBy(actor: Actor, row: CallRow): Promise<CommandError> {
    if (row.agentId && row.agentId !== actor.userId) {
      const winner = await deps.repos.users.getUser(actor.workspaceId, row.agentId);
      return new CommandError(
        'already_claimed',
        `${winner?.name ?? 'Another agent'} answered this call.`,
      );
    }
    if (row.model.state === 'ended' || row.model.state === 'tombstone') {
      return new CommandError('invalid_state', 'This call has already ended.');
    }
    if (row.model.state === 'ringing' && !row.model.agentsOffered.includes(actor.userId)) {
      // declined, or their turn under longest-idle passed: the console should have stopped ringing
      return new CommandError(
        'invalid_state',
        row.model.agentsDeclined.includes(actor.userId)
          ? 'This call is no longer ringing for you.'
          : 'This call is not ringing for you.',
      );
    }
    return new CommandError('invalid_state', 'This call cannot do that right now.');
  }

  /** the agent's own move on the call; refused in words when the call model takes no change */
  async function agentMove(
    actor: Actor,
    callId: string,
    kind: 'agent.claim' | 'agent.decline' | 'agent.hangup',
  ): Promise<void> {
    const { row, channel } = await load(actor, callId);
    const applied = await deps.calls.feed(channel, {
      kind,
      callId: row.metaCallId,
      agentId: actor.userId,
      occurredAt: now(),
    });
    if (!applied.changed) throw await takenBy(actor, applied.row ?? row);
  }

  const hangup = (actor: Actor, callId: string) => agentMove(actor, callId, 'agent.hangup');

  /** the call in progress is the actor's own: what a rejoin needs */
  async function ownCallInProgress(actor: Actor, callId: string): Promise<CallRow> {
    const { row } = await load(actor, callId);
    if (row.model.state !== 'active') {
      throw new CommandError('invalid_state', 'Only a call in progress can be rejoined.');
    }
    if (row.agentId !== actor.userId) {
      throw new CommandError('forbidden', 'This call is not yours.');
    }
    return row;
  }

  /** the engine's answer to Meta once the agent's answer joined them, undefined if not anchored */
  async function anchoredAnswer(row: CallRow, sdp: string): Promise<string | undefined> {
    const forMeta = await onEngine(
      async () => await deps.calls.anchor?.agentAnswered(row.metaCallId, sdp),
    );
    // anchored by a server process that is gone (a restart): the agent answered that engine's
    // offer, which Meta must never get in place of an answer to its own
    if (forMeta === undefined && row.anchorEngine !== null) {
      throw new CommandError(
        'invalid_state',
        'This call’s audio was held by a server that has since restarted; it cannot be answered.',
      );
    }
    return forMeta;
  }

  return {
    claim: (actor: Actor, callId: string) => agentMove(actor, callId, 'agent.claim'),

    /** WhatsApp: the browser's answer; Messenger: its offer (Meta's answer comes back) */
    async answer(actor: Actor, callId: string, sdp: string): Promise<Partial<MessengerAccepted>> {
      const { row, channel } = await load(actor, callId);
      if (row.agentId !== actor.userId || row.model.state !== 'claimed')
        throw await takenBy(actor, row);
      const check =
        channel.kind === 'whatsapp' ? validateLocalAnswer(sdp) : validateLocalOffer(sdp);
      if (!check.ok) throw new CommandError('invalid_payload', check.error.message);
      // an anchored call: the agent answered the engine's offer; Meta gets the engine's answer
      const forMeta = await anchoredAnswer(row, check.summary.sdp);
      try {
        const applied = await deps.calls.feed(
          channel,
          {
            kind: 'agent.answer-sent',
            callId: row.metaCallId,
            agentId: actor.userId,
            occurredAt: now(),
          },
          { sdp: forMeta ?? check.summary.sdp },
        );
        if (!applied.changed) throw await takenBy(actor, applied.row ?? row);
        return applied.reply ?? {};
      } catch (error) {
        if (error instanceof AnswerFailedError) throw new CommandError('meta_error', error.message);
        throw error;
      }
    },

    /**
     * The agent's console lost an anchored call's audio (a reload, a network change): the
     * engine's offer for a fresh leg of theirs. A direct call's audio ended with the old tab.
     */
    async rejoin(actor: Actor, callId: string): Promise<{ sdp: string }> {
      const row = await ownCallInProgress(actor, callId);
      const offer = await onEngine(async () => await deps.calls.anchor?.rejoin(row.metaCallId));
      if (offer !== undefined) return { sdp: offer };
      throw new CommandError(
        'invalid_state',
        row.anchorEngine === null
          ? 'This call’s audio ran in the browser tab that closed, so it cannot be picked up again: end the call and call the customer back.'
          : 'This call’s audio was held by a server that has since restarted; it cannot be picked up again.',
      );
    },

    /** the rejoining browser's answer to the engine's offer: it must send the microphone */
    async rejoinAnswer(actor: Actor, callId: string, sdp: string): Promise<void> {
      const row = await ownCallInProgress(actor, callId);
      const check = validateLocalAnswer(sdp);
      if (!check.ok) throw new CommandError('invalid_payload', check.error.message);
      const done = await onEngine(
        async () => await deps.calls.anchor?.rejoinAnswered(row.metaCallId, check.summary.sdp),
      );
      if (!done) throw new CommandError('invalid_state', 'Rejoin the call first, then answer.');
    },

    decline: (actor: Actor, callId: string) => agentMove(actor, callId, 'agent.decline'),

    hangup,

    /**
     * The agent's tab is closing on their call (sent as the page goes): a direct call ends now,
     * its audio going with the tab; an anchored one waits a moment for the tab to come back and
     * rejoin (a reload), then ends.
     */
    async tabClosed(actor: Actor, callId: string): Promise<void> {
      const { row } = await load(actor, callId);
      const anchored =
        row.model.state === 'active' &&
        row.agentId === actor.userId &&
        (await deps.calls.anchor?.tabClosed(row.metaCallId, () => hangup(actor, callId)));
      if (!anchored) await hangup(actor, callId);
    },

    async quality(actor: Actor, callId: string, metrics: QualityMetrics): Promise<void> {
      const { row } = await load(actor, callId);
      if (row.agentId !== actor.userId)
        throw new CommandError('forbidden', 'Only the agent on the call reports its quality.');
      await deps.repos.calls.saveQuality(actor.workspaceId, callId, gradeQuality(metrics));
      const updated = await deps.repos.calls.getCall(actor.workspaceId, callId);
      if (updated)
        deps.notifier.callUpdated(actor.workspaceId, [], toCallView(updated.call, actor.name));
    },

    /** places a business-initiated call; see {@link DialService} */
    dial(actor: Actor, command: CallDialCommand): Promise<CallDialAck> {
      return deps.dialer.dial(actor, command);
    },

    async setStatus(actor: Actor, status: 'available' | 'away'): Promise<void> {
      // busy is the server's to set and clear: a call in progress keeps it (see nextStatus)
      const changed = await deps.presence.change(actor.workspaceId, actor.userId, {
        kind: 'chose',
        status,
      });
      if ('status' in changed && changed.status === 'available') {
        await deps.calls.ringWaitingCalls(actor.workspaceId, actor.userId);
      }
    },
  };
}

export type AgentCommands = ReturnType<typeof createAgentCommands>;
