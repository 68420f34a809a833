import type {
  AgentAnswerSentCommand,
  AgentClaimCommand,
  AgentDeclineCommand,
  GraphAcceptedCommand,
  QueueAnswerCommand,
  RingOfferedCommand,
} from './commands';
import type { Effect } from './effects';
import type { Call, ClaimedCall, RingingCall } from './state';
import { applied, baseOf, compact, endCall, ignored, startConversation, type Step } from './step';

/**
 * The server offers the call to more agents; those who declined stay out, and those it adds are
 * rung (`notify-offered`). Longest-idle rings one agent at a time: more agents while one is
 * ringing is ignored (two flows raced to offer the call).
 */
export function onRingOffered(call: Call | undefined, event: RingOfferedCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  if (call.state === 'tombstone') return ignored('already-ended');
  if (call.state !== 'ringing') {
    return ignored(call.direction === 'inbound' ? 'out-of-order' : 'unknown-transition');
  }
  // the caller is leaving a message: nobody is rung for it any more
  if (call.waiting === 'voicemail') return ignored('unknown-transition');
  const added = event.agentIds.filter(
    (id) => !call.agentsOffered.includes(id) && !call.agentsDeclined.includes(id),
  );
  if (added.length === 0 && event.strategy === call.strategy) return ignored('duplicate');
  // one agent at a time: a second offer while another agent's turn is under way is a race lost
  if (event.strategy === 'longest-idle' && call.agentsOffered.length > 0 && added.length > 0) {
    return ignored('conflict');
  }
  const fresh = [...new Set(added)];
  return applied(
    { ...call, agentsOffered: [...call.agentsOffered, ...fresh], strategy: event.strategy },
    fresh.length > 0 ? [{ type: 'notify-offered', callId: call.id, agentIds: fresh }] : [],
  );
}

/** First agent to accept takes the call; everyone else loses the race. */
export function onClaim(call: Call | undefined, event: AgentClaimCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  switch (call.state) {
    case 'ringing': {
      if (!call.agentsOffered.includes(event.agentId)) return ignored('conflict');
      const claimed: ClaimedCall = compact({
        ...baseOf(call),
        state: 'claimed',
        direction: 'inbound',
        offeredAt: call.offeredAt,
        sdpOffer: call.sdpOffer,
        agentId: event.agentId,
        claimedAt: event.occurredAt,
        strategy: call.strategy,
        agentsDeclined: call.agentsDeclined,
        queuedAt: call.queuedAt,
      });
      return applied(claimed, [
        { type: 'notify-claimed', callId: call.id, agentId: event.agentId },
      ]);
    }
    case 'claimed':
    case 'active':
      if (call.direction !== 'inbound') return ignored('unknown-transition');
      return ignored(call.agentId === event.agentId ? 'duplicate' : 'conflict');
    case 'dialing':
    case 'outbound-ringing':
    case 'ended':
    case 'tombstone':
      return ignored('unknown-transition');
  }
}

/** The claimant's SDP reached the server: ask Meta to accept with it. */
export function onAnswerSent(call: Call | undefined, event: AgentAnswerSentCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  if (call.state === 'active' && call.direction === 'inbound') {
    return ignored(call.agentId === event.agentId ? 'duplicate' : 'conflict');
  }
  if (call.state !== 'claimed') return ignored('unknown-transition');
  if (call.agentId !== event.agentId) return ignored('conflict');
  if (call.answerSentAt !== undefined) return ignored('duplicate');
  // queued: Meta accepted the engine's answer long ago; the agent's answer joined them to the
  // engine's room, so the conversation starts now
  if (call.queuedAt !== undefined) return startConversation(call, call.agentId, event.occurredAt);

  const target = { callId: call.id, channel: call.channel, endpointId: call.endpointId };
  const accept: Effect = { type: 'send-accept', ...target, agentId: call.agentId };
  // whatsapp: pre_accept lets ice/dtls finish while it still rings, so audio starts at once
  const sends: Effect[] =
    call.channel === 'whatsapp'
      ? [{ type: 'send-pre-accept', ...target, agentId: call.agentId }, accept]
      : [accept];
  return applied({ ...call, answerSentAt: event.occurredAt }, sends);
}

/** Meta accepted: the inbound call is live. */
export function onGraphAccepted(call: Call | undefined, event: GraphAcceptedCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  if (call.state === 'active') return ignored('duplicate');
  if (call.state !== 'claimed') return ignored('unknown-transition');
  return startConversation(call, call.agentId, event.occurredAt);
}

/**
 * An agent declined. Ringing everyone at once, the last one to decline rejects the call;
 * ringing one agent at a time, the next one is rung. A queued call stays in the queue for the
 * others. A claimant backing out rejects it.
 */
export function onDecline(call: Call | undefined, event: AgentDeclineCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  const reject: Effect = {
    type: 'send-reject',
    callId: call.id,
    channel: call.channel,
    endpointId: call.endpointId,
  };
  switch (call.state) {
    case 'ringing': {
      if (call.agentsDeclined.includes(event.agentId)) return ignored('duplicate');
      if (!call.agentsOffered.includes(event.agentId)) return ignored('conflict');
      const left = call.agentsOffered.filter((id) => id !== event.agentId);
      const declined = [...call.agentsDeclined, event.agentId];
      if (left.length > 0) {
        return applied({ ...call, agentsOffered: left, agentsDeclined: declined });
      }
      if (call.strategy === 'longest-idle' || call.waiting !== undefined) {
        return applied({ ...call, agentsOffered: left, agentsDeclined: declined }, [
          { type: 'notify-agents', callId: call.id, exclude: declined },
        ]);
      }
      return endCall(
        call,
        { outcome: 'declined', endedAt: event.occurredAt, agentId: event.agentId },
        [reject],
      );
    }
    case 'claimed':
      if (call.agentId !== event.agentId) return ignored('conflict');
      if (call.answerSentAt !== undefined) return ignored('unknown-transition');
      return releaseClaim(call, event.agentId);
    case 'active':
    case 'dialing':
    case 'outbound-ringing':
    case 'ended':
    case 'tombstone':
      return ignored('unknown-transition');
  }
}

/**
 * Nobody is free for a ringing call on a line that queues (the server checked the line and that
 * the call's audio is on the media engine): the engine answers it and the caller waits.
 */
export function onQueueAnswer(call: Call | undefined, event: QueueAnswerCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  if (call.state !== 'ringing' || call.channel !== 'whatsapp') {
    return ignored('unknown-transition');
  }
  if (call.waiting !== undefined) return ignored('duplicate');
  // someone is ringing for it: the race to answer was lost by the queue
  if (call.agentsOffered.length > 0) return ignored('conflict');
  return applied({ ...call, waiting: 'queued', queuedAt: event.occurredAt }, [
    {
      type: 'answer-queue',
      callId: call.id,
      channel: call.channel,
      endpointId: call.endpointId,
    },
  ]);
}

/**
 * The claiming agent backs out before their answer reached Meta (their browser could not set up
 * audio, or the tab closed): the call rings the others again, without that agent.
 */
export function releaseClaim(call: ClaimedCall, agentId: string): Step {
  const declined = [...call.agentsDeclined, agentId];
  const ringing: RingingCall = compact({
    ...baseOf(call),
    state: 'ringing',
    direction: 'inbound',
    offeredAt: call.offeredAt,
    sdpOffer: call.sdpOffer,
    agentsOffered: [],
    agentsDeclined: declined,
    strategy: call.strategy,
    ...(call.queuedAt === undefined ? {} : { waiting: 'queued', queuedAt: call.queuedAt }),
  });
  return applied(ringing, [{ type: 'notify-agents', callId: call.id, exclude: declined }]);
}
