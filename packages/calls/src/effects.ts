import type { CallOutcome, Channel } from '@ringside/contracts';
import type { CallEvent } from './commands';
import type { CallStateName, MetaError } from './state';

/** Where a Graph request goes: which API and which phone number or Page. */
interface GraphTarget {
  readonly callId: string;
  readonly channel: Channel;
  readonly endpointId: string;
}

/** Ring the call: pick the channel's available agents (skipping `exclude`) and offer it. */
export interface NotifyAgentsEffect {
  readonly type: 'notify-agents';
  readonly callId: string;
  /** agents who already declined */
  readonly exclude: readonly string[];
}

/**
 * The call was just offered to these agents: their consoles ring, the boards see it, and under
 * longest-idle their turns start.
 */
export interface NotifyOfferedEffect {
  readonly type: 'notify-offered';
  readonly callId: string;
  /** only the agents this offer added */
  readonly agentIds: readonly string[];
}

/** Tell the other agents who took the call, and stop their ringing. */
export interface NotifyClaimedEffect {
  readonly type: 'notify-claimed';
  readonly callId: string;
  readonly agentId: string;
}

/** The call is live: start timers, update boards, fire `call.answered`. */
export interface NotifyAnsweredEffect {
  readonly type: 'notify-answered';
  readonly callId: string;
  readonly agentId: string;
}

/** WhatsApp `pre_accept` with the agent's answer SDP. */
export interface SendPreAcceptEffect extends GraphTarget {
  readonly type: 'send-pre-accept';
  readonly agentId: string;
}

/** `accept` with the agent's SDP (byte-identical to the pre_accept one on WhatsApp). */
export interface SendAcceptEffect extends GraphTarget {
  readonly type: 'send-accept';
  readonly agentId: string;
}

/**
 * The media engine answers a call nobody is free for: `pre_accept` and `accept` with the
 * engine's SDP, then the caller hears the queue's greeting, music and their place.
 */
export interface AnswerQueueEffect extends GraphTarget {
  readonly type: 'answer-queue';
}

/**
 * The queue limit passed: the caller is asked for a message, which the engine records. Agents
 * still ringing for the call stop (`withdrawn`).
 */
export interface StartVoicemailEffect {
  readonly type: 'start-voicemail';
  readonly callId: string;
  readonly withdrawn: readonly string[];
}

/** `reject` an inbound call nobody will answer. */
export interface SendRejectEffect extends GraphTarget {
  readonly type: 'send-reject';
}

/** `terminate` a call from our side. */
export interface SendTerminateEffect extends GraphTarget {
  readonly type: 'send-terminate';
}

/** Hand Meta's answer to our outbound offer to the dialing agent's browser (WhatsApp connect). */
export interface ApplyAnswerEffect {
  readonly type: 'apply-answer';
  readonly callId: string;
  readonly agentId: string;
  readonly sdp: string;
}

/** Hand a newer Messenger `media_update` offer to the agent's browser to answer locally. */
export interface ApplyMediaOfferEffect {
  readonly type: 'apply-media-offer';
  readonly callId: string;
  readonly agentId: string;
  readonly version: number;
  readonly sdp: string;
}

/** A business-initiated call rings on the customer's phone: its agent and the boards see it. */
export interface NotifyOutboundRingingEffect {
  readonly type: 'notify-outbound-ringing';
  readonly callId: string;
  readonly agentId: string;
}

/**
 * The call changed hands: the old agent's part is over (their console lets it go, wrap-up
 * follows), the new agent is on it (busy), and the boards see who has it now.
 */
export interface NotifyTransferredEffect {
  readonly type: 'notify-transferred';
  readonly callId: string;
  readonly fromAgentId: string;
  readonly toAgentId: string;
}

/** Write the call's outcome to the call log (and fire the outgoing event). */
export interface RecordOutcomeEffect {
  readonly type: 'record-outcome';
  readonly callId: string;
  readonly outcome: CallOutcome;
  readonly endedAt: number;
  readonly durationSec?: number;
  readonly metaError?: MetaError;
  readonly agentId?: string;
}

/** Tell agents and supervisors the call ended. */
export interface NotifyEndedEffect {
  readonly type: 'notify-ended';
  readonly callId: string;
  readonly outcome: CallOutcome;
}

/**
 * Meta's terminate showed an ended call's outcome wrong: an accept Meta refused because the
 * caller had already gone is a missed call, not a failed one. The log and the boards update.
 */
export interface NotifyOutcomeCorrectedEffect {
  readonly type: 'notify-outcome-corrected';
  readonly callId: string;
  readonly from: CallOutcome;
  readonly outcome: CallOutcome;
}

/**
 * Why an event changed nothing:
 * - `duplicate`: already applied (same idempotency key, or the same command again)
 * - `stale-version`: a Messenger media_update no newer than one applied
 * - `out-of-order`: arrived before what it depends on, or after it stopped mattering
 * - `already-ended`: the call is over
 * - `conflict`: an agent acted on a call that is not theirs (lost the claim race)
 * - `unknown-transition`: this event means nothing in this state
 */
export type IgnoreReason =
  | 'duplicate'
  | 'stale-version'
  | 'out-of-order'
  | 'already-ended'
  | 'conflict'
  | 'unknown-transition';

/** The event was a no-op; the server logs it. */
export interface LogIgnoredEffect {
  readonly type: 'log-ignored';
  readonly callId: string;
  readonly event: CallEvent['kind'];
  readonly state: CallStateName | 'none';
  readonly reason: IgnoreReason;
}

/**
 * Plain data the server performs after a transition, in order.
 *
 * @example
 * for (const effect of effects) {
 *   if (effect.type === 'send-reject') await graph.reject(effect.endpointId, effect.callId);
 * }
 */
export type Effect =
  | NotifyAgentsEffect
  | NotifyOfferedEffect
  | NotifyClaimedEffect
  | NotifyAnsweredEffect
  | SendPreAcceptEffect
  | SendAcceptEffect
  | AnswerQueueEffect
  | StartVoicemailEffect
  | SendRejectEffect
  | SendTerminateEffect
  | ApplyAnswerEffect
  | ApplyMediaOfferEffect
  | NotifyOutboundRingingEffect
  | RecordOutcomeEffect
  | NotifyEndedEffect
  | NotifyOutcomeCorrectedEffect
  | NotifyTransferredEffect
  | LogIgnoredEffect;
