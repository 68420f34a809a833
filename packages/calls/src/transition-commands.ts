import type {
  AgentDialCommand,
  AgentHangupCommand,
  AgentTransferCommand,
  CallExpiredCommand,
  GraphFailedCommand,
  RingTimeoutCommand,
} from './commands';
import type { Effect } from './effects';
import type { ActiveCall, Call, DialingCall, LiveCall } from './state';
import { releaseClaim } from './transition-inbound';
import { applied, compact, endCall, ignored, secondsBetween, type Step } from './step';
import { fromTombstone } from './transition-webhook';

function graphSend(call: LiveCall, type: 'send-reject' | 'send-terminate'): Effect {
  return { type, callId: call.id, channel: call.channel, endpointId: call.endpointId };
}

/** Our side ends a conversation: Meta gets a terminate, the call is completed, timed to `at`. */
function hangUpConversation(call: ActiveCall, at: number): Step {
  return endCall(
    call,
    {
      outcome: 'completed',
      endedAt: at,
      durationSec: secondsBetween(call.answeredAt, at),
      agentId: call.agentId,
      answeredAt: call.answeredAt,
    },
    [graphSend(call, 'send-terminate')],
  );
}

/** The owning agent hung up: terminate a live call, reject one not yet accepted. */
export function onHangup(call: Call | undefined, event: AgentHangupCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  switch (call.state) {
    case 'active':
      if (call.agentId !== event.agentId) return ignored('conflict');
      return hangUpConversation(call, event.occurredAt);
    case 'claimed':
      if (call.agentId !== event.agentId) return ignored('conflict');
      // nothing reached meta yet: give the call back to the others
      if (call.answerSentAt === undefined) return releaseClaim(call, event.agentId);
      // meta has our answer but has not accepted: reject rather than terminate
      return endCall(
        call,
        { outcome: 'declined', endedAt: event.occurredAt, agentId: call.agentId },
        [graphSend(call, 'send-reject')],
      );
    case 'dialing':
    case 'outbound-ringing':
      if (call.agentId !== event.agentId) return ignored('conflict');
      return endCall(
        call,
        { outcome: 'no-answer', endedAt: event.occurredAt, agentId: call.agentId },
        [graphSend(call, 'send-terminate')],
      );
    case 'ringing':
      return ignored('conflict');
    case 'tombstone':
    case 'ended':
      return ignored('already-ended');
  }
}

/** The ring timer fired: nobody answered the inbound call, or the customer never picked up. */
export function onRingTimeout(call: Call | undefined, event: RingTimeoutCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  switch (call.state) {
    case 'ringing':
      // queued past the queue limit: the caller may leave a message, nobody rings any more
      if (call.waiting === 'queued') {
        return applied(
          { ...call, waiting: 'voicemail', voicemailAt: event.occurredAt, agentsOffered: [] },
          [{ type: 'start-voicemail', callId: call.id, withdrawn: call.agentsOffered }],
        );
      }
      // the engine answered it: hang up (the message, if any, is over); else nobody answered
      return endCall(call, { outcome: 'missed', endedAt: event.occurredAt }, [
        graphSend(call, call.waiting === 'voicemail' ? 'send-terminate' : 'send-reject'),
      ]);
    case 'dialing':
    case 'outbound-ringing':
      return endCall(
        call,
        { outcome: 'no-answer', endedAt: event.occurredAt, agentId: call.agentId },
        [graphSend(call, 'send-terminate')],
      );
    case 'claimed':
    case 'active':
      // a stale timer: the agent is already connecting or talking
      return ignored('out-of-order');
    case 'tombstone':
    case 'ended':
      return ignored('already-ended');
  }
}

/**
 * A Graph request failed for good. Accepting failed: reject so the caller is not left ringing.
 * Our connect failed: the outbound call never started. Anything else is only logged.
 */
export function onGraphFailed(call: Call | undefined, event: GraphFailedCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  if (call.state === 'tombstone' || call.state === 'ended') return ignored('already-ended');
  const metaError = compact({ code: event.code, message: event.message });
  const accepting = event.action === 'pre_accept' || event.action === 'accept';
  // the engine answering a queued call was refused: nobody will take it
  if (call.state === 'ringing' && call.waiting !== undefined && accepting) {
    return endCall(call, { outcome: 'failed', endedAt: event.occurredAt, metaError }, [
      graphSend(call, 'send-reject'),
    ]);
  }
  if (call.state === 'claimed' && accepting) {
    return endCall(
      call,
      {
        outcome: 'failed',
        endedAt: event.occurredAt,
        metaError,
        agentId: call.agentId,
        acceptRefused: true,
      },
      [graphSend(call, 'send-reject')],
    );
  }
  if (
    (call.state === 'dialing' || call.state === 'outbound-ringing') &&
    event.action === 'connect'
  ) {
    return endCall(call, {
      outcome: 'failed',
      endedAt: event.occurredAt,
      metaError,
      agentId: call.agentId,
    });
  }
  return ignored('unknown-transition');
}

/**
 * A live call outlasted its server-side bound. A claim whose answer never reached the server is
 * released (the others ring again while Meta still rings); a claim Meta never confirmed is
 * rejected and ends `failed`; a conversation Meta never ended is terminated and ends
 * `completed`, its duration counted to now. A call that moved on since it was seen is left be.
 */
export function onExpired(call: Call | undefined, event: CallExpiredCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  if (call.state === 'tombstone' || call.state === 'ended') return ignored('already-ended');
  if (call.state === 'claimed' && event.state === 'claimed' && call.claimedAt === event.since) {
    if (call.answerSentAt === undefined) return releaseClaim(call, call.agentId);
    return endCall(call, { outcome: 'failed', endedAt: event.occurredAt, agentId: call.agentId }, [
      graphSend(call, 'send-reject'),
    ]);
  }
  if (call.state === 'active' && event.state === 'active' && call.answeredAt === event.since) {
    return hangUpConversation(call, event.occurredAt);
  }
  return ignored('out-of-order');
}

/** An agent's outbound call was placed; a terminate that beat it here ends it at once. */
export function onDial(call: Call | undefined, event: AgentDialCommand): Step {
  const caller = { id: event.from };
  const called = { id: event.to };
  if (call === undefined) {
    const dialing: DialingCall = {
      state: 'dialing',
      id: event.callId,
      channel: event.channel,
      direction: 'outbound',
      endpointId: event.endpointId,
      caller,
      called,
      mediaVersion: 0,
      appliedKeys: [],
      agentId: event.agentId,
      dialedAt: event.occurredAt,
      ...(event.agentStatusBefore === undefined
        ? {}
        : { agentStatusBefore: event.agentStatusBefore }),
    };
    return applied(dialing);
  }
  if (call.state === 'tombstone') {
    return fromTombstone(call, { direction: 'outbound', caller, called, agentId: event.agentId });
  }
  if (call.state === 'dialing' && call.agentId === event.agentId) return ignored('duplicate');
  return ignored(call.state === 'ended' ? 'already-ended' : 'unknown-transition');
}

/**
 * The call's agent handed it to a colleague who took it: the same conversation, a new agent.
 * Only a call in conversation changes hands, only by its own agent, and never to them again.
 */
export function onTransfer(call: Call | undefined, event: AgentTransferCommand): Step {
  if (call === undefined) return ignored('out-of-order');
  if (call.state === 'ended' || call.state === 'tombstone') return ignored('already-ended');
  if (call.state !== 'active') return ignored('unknown-transition');
  if (call.agentId !== event.agentId || event.toAgentId === event.agentId) {
    return ignored('conflict');
  }
  return applied({ ...call, agentId: event.toAgentId }, [
    {
      type: 'notify-transferred',
      callId: call.id,
      fromAgentId: event.agentId,
      toAgentId: event.toAgentId,
    },
  ]);
}
