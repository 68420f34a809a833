import type {
  CallMediaOfferEvent,
  CallOfferedEvent,
  CallOutboundProgressEvent,
  CallTerminatedEvent,
} from './events';
import type { Call, EndedCall, LiveCall, RingingCall, TombstoneCall } from './state';
import {
  applied,
  compact,
  endCall,
  endingEffects,
  ignored,
  secondsBetween,
  startConversation,
  type Ending,
  type Step,
} from './step';

/** A customer's connect: ring, or record the call a tombstone already ended. */
export function onOffered(call: Call | undefined, event: CallOfferedEvent): Step {
  if (call === undefined) {
    const ringing: RingingCall = compact({
      state: 'ringing',
      id: event.callId,
      channel: event.channel,
      direction: 'inbound',
      endpointId: event.endpointId,
      caller: event.caller,
      called: event.called,
      mediaVersion: 0,
      appliedKeys: [],
      offeredAt: event.occurredAt,
      sdpOffer: event.sdpOffer,
      deeplinkPayload: event.deeplinkPayload,
      ctaPayload: event.ctaPayload,
      agentsOffered: [],
      agentsDeclined: [],
      strategy: 'all',
    });
    return applied(ringing, [{ type: 'notify-agents', callId: event.callId, exclude: [] }]);
  }
  if (call.state === 'tombstone') {
    // the caller hung up before we heard of the call: log it, never ring
    return fromTombstone(call, {
      direction: 'inbound',
      caller: event.caller,
      called: event.called,
      deeplinkPayload: event.deeplinkPayload,
      ctaPayload: event.ctaPayload,
    });
  }
  return ignored('unknown-transition');
}

/** Progress of a business-initiated call. */
export function onOutboundProgress(call: Call | undefined, event: CallOutboundProgressEvent): Step {
  if (call === undefined) return ignored('out-of-order');
  if (call.state === 'tombstone') return ignored('already-ended');
  if (call.direction !== 'outbound' || call.state === 'ended') return ignored('unknown-transition');

  if (event.progress === 'connected') {
    // meta's answer can come before or after pickup; the agent needs it either way
    if (event.sdpAnswer === undefined) return applied(call);
    return applied(call, [
      { type: 'apply-answer', callId: call.id, agentId: call.agentId, sdp: event.sdpAnswer },
    ]);
  }
  if (call.state === 'active') {
    return ignored(event.progress === 'accepted' ? 'duplicate' : 'out-of-order');
  }
  switch (event.progress) {
    case 'ringing':
      if (call.state === 'outbound-ringing') return ignored('duplicate');
      return applied({ ...call, state: 'outbound-ringing', ringingAt: event.occurredAt }, [
        { type: 'notify-outbound-ringing', callId: call.id, agentId: call.agentId },
      ]);
    case 'accepted':
      return startConversation(call, call.agentId, event.occurredAt);
    case 'rejected':
      return endCall(call, {
        outcome: 'rejected',
        endedAt: event.occurredAt,
        agentId: call.agentId,
      });
  }
}

/** A Messenger media_update: only a version newer than any applied reaches the agent. */
export function onMediaOffer(call: Call | undefined, event: CallMediaOfferEvent): Step {
  if (call === undefined) return ignored('out-of-order');
  if (call.state === 'tombstone') return ignored('already-ended');
  if (call.channel !== 'messenger') return ignored('unknown-transition');
  if (event.version <= call.mediaVersion) return ignored('stale-version');
  switch (call.state) {
    case 'ringing':
    case 'ended':
      // no agent has media to renegotiate
      return ignored('out-of-order');
    case 'claimed':
    case 'dialing':
    case 'outbound-ringing':
    case 'active':
      return applied({ ...call, mediaVersion: event.version }, [
        {
          type: 'apply-media-offer',
          callId: call.id,
          agentId: call.agentId,
          version: event.version,
          sdp: event.sdp,
        },
      ]);
  }
}

/** Meta's terminate: ends whatever state the call is in, or leaves a tombstone. */
export function onTerminated(call: Call | undefined, event: CallTerminatedEvent): Step {
  const endedAt = event.endedAt ?? event.occurredAt;
  const metaError = event.errors[0];
  if (call === undefined) {
    const tombstone: TombstoneCall = compact({
      state: 'tombstone',
      id: event.callId,
      channel: event.channel,
      endpointId: event.endpointId,
      terminatedAt: endedAt,
      status: event.status,
      pickedUp: terminateShowsPickup(event),
      durationSec: event.durationSec,
      metaError,
      appliedKeys: [],
    });
    return applied(tombstone);
  }
  if (call.state === 'tombstone') return ignored('duplicate');
  if (call.state === 'ended') return correctOutcome(call, event) ?? ignored('already-ended');

  const agentId = call.state === 'ringing' ? undefined : call.agentId;
  if (event.status === 'failed') {
    return endCall(call, {
      outcome: 'failed',
      endedAt,
      metaError,
      agentId,
      ...spokenTime(call, event, endedAt),
    });
  }
  // a queued caller was picked up by the media engine, not by anyone: missed, to call back
  const engineOnly = call.state === 'ringing' && call.waiting !== undefined;
  if (call.state === 'active' || (terminateShowsPickup(event) && !engineOnly)) {
    return endCall(call, {
      outcome: 'completed',
      endedAt,
      agentId,
      ...spokenTime(call, event, endedAt),
    });
  }
  return endCall(call, {
    outcome: call.direction === 'inbound' ? 'missed' : 'no-answer',
    endedAt,
    agentId,
  });
}

/**
 * An inbound call we ended `failed` because Meta refused our accept, whose terminate then shows
 * the caller hung up unanswered (the accept came too late: they had gone, or the server was
 * restarting while it rang), was a missed call: the log says so, and it joins the calls to
 * return. Anything else about an ended call stays as it was.
 */
function correctOutcome(call: EndedCall, event: CallTerminatedEvent): Step | undefined {
  const unanswered = event.status === 'completed' && !terminateShowsPickup(event);
  if (!call.acceptRefused || call.outcome !== 'failed' || !unanswered) return undefined;
  const { acceptRefused: _settled, ...rest } = call;
  const corrected: EndedCall = { ...rest, outcome: 'missed' };
  return applied(corrected, [
    { type: 'notify-outcome-corrected', callId: call.id, from: call.outcome, outcome: 'missed' },
  ]);
}

/**
 * WhatsApp sends start_time and duration only for calls that were picked up; Messenger's
 * duration counts from when the business connected, so it proves nothing.
 */
export function terminateShowsPickup(event: CallTerminatedEvent): boolean {
  if (event.channel !== 'whatsapp') return false;
  return event.startedAt !== undefined || (event.durationSec ?? 0) > 0;
}

/** When the talking started and how long it lasted, from the call or from Meta's figures. */
function spokenTime(
  call: LiveCall,
  event: CallTerminatedEvent,
  endedAt: number,
): Pick<Ending, 'answeredAt' | 'durationSec'> {
  const answeredAt =
    call.state === 'active'
      ? call.answeredAt
      : terminateShowsPickup(event)
        ? event.startedAt
        : undefined;
  const durationSec =
    event.durationSec ??
    (answeredAt === undefined ? undefined : secondsBetween(answeredAt, endedAt));
  return { answeredAt, durationSec };
}

/** The parties a late connect or dial brings to a tombstoned call. */
interface LateArrival {
  readonly direction: LiveCall['direction'];
  readonly caller: LiveCall['caller'];
  readonly called: LiveCall['called'];
  readonly agentId?: string;
  readonly deeplinkPayload?: string;
  readonly ctaPayload?: string;
}

/** Turns a tombstone into an ended call once the connect or dial that names the parties arrives. */
export function fromTombstone(tomb: TombstoneCall, late: LateArrival): Step {
  const unansweredOutcome = late.direction === 'inbound' ? 'missed' : 'no-answer';
  const outcome =
    tomb.status === 'failed' ? 'failed' : tomb.pickedUp ? 'completed' : unansweredOutcome;
  const ended: EndedCall = compact({
    state: 'ended',
    id: tomb.id,
    channel: tomb.channel,
    direction: late.direction,
    endpointId: tomb.endpointId,
    caller: late.caller,
    called: late.called,
    mediaVersion: 0,
    appliedKeys: tomb.appliedKeys,
    outcome,
    endedAt: tomb.terminatedAt,
    durationSec: tomb.durationSec,
    metaError: tomb.metaError,
    agentId: late.agentId,
    deeplinkPayload: late.deeplinkPayload,
    ctaPayload: late.ctaPayload,
  });
  return applied(ended, endingEffects(ended));
}
