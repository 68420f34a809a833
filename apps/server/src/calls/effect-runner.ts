import type { Call, CallEvent, Effect } from '@ringside/calls';
import { describeMetaError } from '@ringside/contracts';
import { fixActpassInRemoteAnswer } from '@ringside/sdp';
import { GraphApiError } from '../graph/graph-api-error';
import type { Logger } from '../ops/logger';
import type { Metrics } from '../ops/metrics';
import type { ChannelRecord } from '../repos/channel-rows';
import type { CallRow } from '../repos/calls';
import type { Repos } from '../repos';
import type { BoardCountersSignal, CallNotifications } from './ports';
import type { PresenceWriter } from '../presence/presence-writer';
import type { EffectInput } from './feed';
import type { CallDeadlines } from './deadlines/call-deadlines';
import { toCallView } from './call-views';
import type { GraphActionSender, MessengerAccepted } from './graph-outbox';

/** what an effect tells the model next, an accept's refusal for the agent, Meta's reply */
interface FollowUp {
  readonly event?: CallEvent;
  readonly failure?: AnswerFailedError;
  readonly reply?: MessengerAccepted;
}

/** Meta refused an accept: the call ends with its error, which the agent is told */
interface Refusal {
  readonly event: CallEvent;
  readonly failure: AnswerFailedError;
}

/** what the effects need of the media engine for a queued call (anchored-media.ts) */
export interface CallQueuePort {
  /** the engine's answer to Meta's offer, for pre_accept/accept; undefined: not anchored here */
  answer(metaCallId: string): Promise<string | undefined>;
  /** Meta accepted: the caller hears the greeting, their place and the music */
  queued(channel: ChannelRecord, row: CallRow): Promise<void>;
  /** the queue limit passed: the voicemail greeting, then the caller's message is recorded */
  voicemail(metaCallId: string): Promise<void>;
}

/** an accept that Meta refused: the call has already been ended with Meta's error */
export class AnswerFailedError extends Error {
  override readonly name = 'AnswerFailedError';
  constructor(readonly graphError: GraphApiError) {
    super(graphError.meaning);
  }
}

/**
 * Performs a transition's effects, in order, after its transaction committed: Graph requests,
 * rings, notifications, presence and timers. It never feeds the model itself: Meta's answer to an
 * accept comes back as a follow-up event (`graph.accepted`, or `graph.failed` with an
 * {@link AnswerFailedError} for the agent) for the call service's loop. A reject or terminate that
 * fails is logged and stays pending in the Graph action outbox, for its worker to try again (the
 * call already ended on our side).
 */
export function createEffectRunner(deps: {
  repos: Pick<Repos, 'users'>;
  sender: GraphActionSender;
  notifier: CallNotifications;
  deadlines: Pick<CallDeadlines, 'claimed' | 'answered' | 'ended' | 'ringing'>;
  clock: () => Date;
  logger: Logger;
  metrics: Metrics;
  /** who a ringing call is offered to next (or its ring timeout), see the ring router */
  offer: (
    channel: ChannelRecord,
    row: CallRow,
    exclude: readonly string[],
  ) => Promise<CallEvent | undefined>;
  /** the agents just offered a call hear it ring, see the ring router */
  announce: (
    channel: ChannelRecord,
    row: CallRow,
    agentIds: readonly string[],
    earlierCalls?: number,
  ) => Promise<void>;
  presence: Pick<PresenceWriter, 'change' | 'callEnded'>;
  boardCounters: BoardCountersSignal;
  /** a line's queue on the media engine (anchored calls only; absent without engines) */
  queue?: CallQueuePort;
}) {
  const now = () => deps.clock().getTime();

  async function agentName(
    workspaceId: string,
    userId: string | null | undefined,
  ): Promise<string | null> {
    if (!userId) return null;
    return (await deps.repos.users.getUser(workspaceId, userId))?.name ?? null;
  }

  /**
   * accept-path Graph calls: a refusal ends the call (its `graph.failed` is the follow-up) and
   * is reported to the answering agent (the failure)
   */
  async function accepting(
    channel: ChannelRecord,
    row: CallRow,
    action: 'pre-accept' | 'accept',
    sdp: string,
  ): Promise<{ messenger?: MessengerAccepted } | Refusal> {
    const call = { id: row.id, metaCallId: row.metaCallId, anchorEngine: row.anchorEngine };
    // the agent is waiting: a failure after the client's own retries ends the call (rejected)
    const tried = await deps.sender.send(channel, call, action, sdp, {
      attempt: 1,
      finalOnFailure: true,
    });
    if (tried.ok) return tried.messenger ? { messenger: tried.messenger } : {};
    const error = tried.error;
    // not Meta's answer (the database, a bug): the row stays pending for the worker
    if (!(error instanceof GraphApiError)) throw error;
    return {
      event: {
        kind: 'graph.failed',
        callId: row.metaCallId,
        action: action === 'pre-accept' ? 'pre_accept' : 'accept',
        code: error.code ?? 0,
        message: error.meaning,
        occurredAt: now(),
      },
      failure: new AnswerFailedError(error),
    };
  }

  /**
   * reject/terminate: the call is over on our side whatever Meta says; a failure that another
   * try may mend is left to the Graph action worker (see `graph-outbox.ts`)
   */
  async function ending(channel: ChannelRecord, row: CallRow, action: 'reject' | 'terminate') {
    const tried = await deps.sender.send(
      channel,
      { id: row.id, metaCallId: row.metaCallId },
      action,
      undefined,
      { attempt: 1 },
    );
    if (tried.ok) return;
    deps.logger.warn(
      { err: tried.error, callId: row.id, action, willRetry: !tried.final },
      tried.final
        ? 'Meta refused a Graph request ending a call'
        : 'Graph request failed while ending a call; it will be tried again',
    );
  }

  /**
   * the media engine answers a call nobody is free for: pre_accept and accept with its SDP
   * (Meta's refusal ends the call: its `graph.failed` is the follow-up; no agent waits to be
   * told), then the caller hears the queue, and the ring timer counts to the queue limit
   */
  async function answerQueue(channel: ChannelRecord, row: CallRow): Promise<FollowUp | undefined> {
    const sdp = await deps.queue?.answer(row.metaCallId);
    if (sdp === undefined) {
      deps.logger.error({ callId: row.id }, 'a queued call is not on a media engine here');
      return {
        event: {
          kind: 'graph.failed',
          callId: row.metaCallId,
          action: 'accept',
          code: 0,
          message: 'the call is not on a media engine of this server',
          occurredAt: now(),
        },
      };
    }
    // the ring timer counts to the queue limit from now on, before Meta is asked (a ring timeout
    // firing meanwhile would send the caller to voicemail)
    deps.deadlines.ringing(channel, row);
    for (const action of ['pre-accept', 'accept'] as const) {
      const sent = await accepting(channel, row, action, sdp);
      if ('event' in sent) return { event: sent.event };
    }
    deps.notifier.callUpdated(channel.workspaceId, [], toCallView(row));
    await deps.queue?.queued(channel, row);
    return undefined;
  }

  async function runOne(
    channel: ChannelRecord,
    row: CallRow,
    before: Call | undefined,
    effect: Effect,
    input: EffectInput,
  ): Promise<FollowUp | undefined> {
    const ws = channel.workspaceId;
    switch (effect.type) {
      case 'notify-agents': {
        const next = await deps.offer(channel, row, effect.exclude);
        deps.boardCounters.changed(ws);
        return next ? { event: next } : undefined;
      }
      case 'notify-offered':
        await deps.announce(channel, row, effect.agentIds, input.earlierCalls);
        return;
      case 'notify-claimed': {
        deps.deadlines.claimed(row.id);
        const name = (await agentName(ws, effect.agentId)) ?? '';
        const others = ringingAgents(before).filter((id) => id !== effect.agentId);
        deps.notifier.claimed(others, { callId: row.id, by: { userId: effect.agentId, name } });
        deps.notifier.callUpdated(ws, [], toCallView(row, name));
        return;
      }
      case 'send-pre-accept': {
        const sent = await accepting(channel, row, 'pre-accept', input.sdp ?? '');
        return 'event' in sent ? sent : undefined;
      }
      case 'send-accept': {
        const sent = await accepting(channel, row, 'accept', input.sdp ?? '');
        if ('event' in sent) return sent;
        return {
          event: { kind: 'graph.accepted', callId: effect.callId, occurredAt: now() },
          ...(sent.messenger ? { reply: sent.messenger } : {}),
        };
      }
      case 'notify-answered': {
        deps.deadlines.answered(row.id);
        // how long callers wait for an agent: a customer picking up our call is not that
        if (row.direction !== 'outbound') {
          deps.metrics.timeToAnswer.observe(
            { channel: channel.kind },
            (now() - row.offeredAt.getTime()) / 1000,
          );
        }
        deps.notifier.callUpdated(
          ws,
          [effect.agentId],
          toCallView(row, await agentName(ws, effect.agentId)),
        );
        await deps.presence.change(ws, effect.agentId, { kind: 'call-started' });
        deps.boardCounters.changed(ws);
        return;
      }
      case 'answer-queue':
        return answerQueue(channel, row);
      case 'start-voicemail':
        deps.deadlines.ringing(channel, row);
        // the agents it was ringing for stop: for them, a ring they missed
        deps.notifier.ended(ws, effect.withdrawn, { callId: row.id, outcome: 'missed' });
        deps.notifier.callUpdated(ws, [], toCallView(row));
        await deps.queue?.voicemail(row.metaCallId);
        return;
      case 'send-reject':
        await ending(channel, row, 'reject');
        return;
      case 'send-terminate':
        await ending(channel, row, 'terminate');
        return;
      case 'apply-answer':
        // meta has answered with a=setup:actpass, which a browser refuses in an answer
        deps.notifier.remoteSdp(effect.agentId, {
          callId: row.id,
          sdpType: 'answer',
          sdp: fixActpassInRemoteAnswer(effect.sdp),
        });
        return;
      case 'apply-media-offer':
        deps.notifier.remoteSdp(effect.agentId, {
          callId: row.id,
          sdpType: 'offer',
          sdp: effect.sdp,
          version: effect.version,
        });
        return;
      case 'record-outcome': {
        deps.deadlines.ended(row.id);
        deps.metrics.callsEnded.inc({ channel: channel.kind, outcome: effect.outcome });
        if (effect.agentId) {
          // an agent who called out while away goes back to away, not to taking calls
          const back =
            row.direction === 'outbound'
              ? ((row.model.state === 'tombstone' ? undefined : row.model.agentStatusBefore) ??
                'available')
              : 'available';
          // after-call work follows a conversation, not a call nobody picked up
          const wrapUp = row.answeredAt
            ? { callId: row.id, mode: channel.wrapUp, sec: channel.wrapUpSec }
            : undefined;
          await deps.presence.callEnded(ws, effect.agentId, back, wrapUp);
        }
        return;
      }
      case 'notify-ended': {
        const offered = ringingAgents(before);
        const owner = row.agentId ? [row.agentId] : [];
        const code = row.metaErrorCode ?? undefined;
        deps.notifier.ended(ws, [...new Set([...offered, ...owner])], {
          callId: row.id,
          outcome: effect.outcome,
          ...(input.endReason ? { reason: input.endReason } : {}),
          ...(code !== undefined
            ? { metaError: { code, meaning: describeMetaError(code).meaning } }
            : {}),
        });
        deps.notifier.callUpdated(ws, [], toCallView(row, await agentName(ws, row.agentId)));
        deps.boardCounters.changed(ws);
        return;
      }
      case 'notify-outbound-ringing':
        deps.notifier.callUpdated(
          ws,
          [effect.agentId],
          toCallView(row, await agentName(ws, effect.agentId)),
        );
        return;
      case 'notify-outcome-corrected':
        deps.logger.info(
          { callId: row.id, from: effect.from, to: effect.outcome },
          'call outcome corrected by Meta’s terminate',
        );
        deps.notifier.callUpdated(ws, [], toCallView(row, await agentName(ws, row.agentId)));
        deps.boardCounters.changed(ws);
        return;
      case 'notify-transferred': {
        const name = (await agentName(ws, effect.toAgentId)) ?? '';
        await deps.presence.change(ws, effect.toAgentId, { kind: 'call-started' });
        deps.notifier.transferProgress(effect.fromAgentId, {
          callId: row.id,
          to: { userId: effect.toAgentId, name },
          state: 'completed',
        });
        // the new agent's console, shown a call of theirs it has no audio for, joins it
        deps.notifier.callUpdated(ws, [effect.toAgentId], toCallView(row, name));
        // the old agent's conversation is over: after-call work, as after any conversation
        await deps.presence.callEnded(ws, effect.fromAgentId, 'available', {
          callId: row.id,
          mode: channel.wrapUp,
          sec: channel.wrapUpSec,
        });
        deps.boardCounters.changed(ws);
        return;
      }
      case 'log-ignored':
        return;
    }
  }

  /** who may still have the call on screen: the agents it was ringing for */
  function ringingAgents(model: Call | undefined): readonly string[] {
    return model?.state === 'ringing' ? model.agentsOffered : [];
  }

  return {
    /**
     * performs a transition's effects in order; what the model must hear next comes back
     * (`followUps`), for the call loop to apply, with Meta's reply to a Messenger accept. A
     * refused answer stops there: its `graph.failed` is the last follow-up, and `failure` is for
     * the agent once it is applied.
     */
    async run(
      channel: ChannelRecord,
      row: CallRow,
      before: Call | undefined,
      effects: readonly Effect[],
      input: EffectInput,
    ): Promise<{ followUps: CallEvent[]; failure?: AnswerFailedError; reply?: MessengerAccepted }> {
      const followUps: CallEvent[] = [];
      let reply: MessengerAccepted | undefined;
      for (const effect of effects) {
        const next = await runOne(channel, row, before, effect, input);
        if (!next) continue;
        if (next.event) followUps.push(next.event);
        reply = next.reply ?? reply;
        if (next.failure) return { followUps, failure: next.failure };
      }
      return { followUps, ...(reply ? { reply } : {}) };
    },
  };
}
