import type { CallDirection, CallOutcome, Channel, RingStrategy } from '@ringside/contracts';

/**
 * One side of a call: a phone number or WhatsApp id, a Messenger PSID or a Page id, with the
 * profile name Meta sent when it sent one.
 *
 * @example
 * const caller: Party = { id: '918097530000', name: 'Rahul' };
 */
export interface Party {
  /** how Meta reaches them: a phone number when Meta sent one, else the BSUID, or a PSID */
  readonly id: string;
  readonly name?: string;
  /** whatsapp business-scoped user id (`US.1349…`), when Meta sent one */
  readonly userId?: string;
  /** whatsapp `@username`, when the customer set one */
  readonly username?: string;
}

/**
 * An error Meta attached to a terminate webhook or returned from the Graph API, flattened.
 *
 * @example
 * const error: MetaError = { code: 138021, message: 'Media receive timeout' };
 */
export interface MetaError {
  readonly code: number;
  readonly message?: string;
  readonly details?: string;
}

/** Fields every live or ended call keeps, whatever its state. */
interface CallBase {
  /** meta's call id (`wacid.…` on WhatsApp, `c_…` on Messenger) */
  readonly id: string;
  readonly channel: Channel;
  readonly direction: CallDirection;
  /** the business endpoint: WhatsApp `phone_number_id` or Messenger Page id */
  readonly endpointId: string;
  /** who placed the call: the customer inbound, the business outbound */
  readonly caller: Party;
  /** who was called: the business inbound, the customer outbound */
  readonly called: Party;
  /** highest Messenger `media_update` version applied; 0 before any */
  readonly mediaVersion: number;
  /** idempotency keys of the webhook events already applied to this call */
  readonly appliedKeys: readonly string[];
  /**
   * outbound: the dialing agent's status before the dial, theirs again when the call ends (an
   * agent who called out while away stays away)
   */
  readonly agentStatusBefore?: 'available' | 'away';
  /** whatsapp: the `biz_payload` of the call link the customer called from (Meta's `deeplink_payload`) */
  readonly deeplinkPayload?: string;
  /** whatsapp: the payload of the call button the customer tapped (Meta's `cta_payload`) */
  readonly ctaPayload?: string;
}

/**
 * An inbound call offered to agents, nobody has taken it yet.
 * `agentsOffered` are the agents still ringing; `agentsDeclined` those who said no.
 */
export interface RingingCall extends CallBase {
  readonly state: 'ringing';
  readonly direction: 'inbound';
  readonly offeredAt: number;
  /** whatsapp's offer; messenger sends none (the agent's browser makes the offer) */
  readonly sdpOffer?: string;
  readonly agentsOffered: readonly string[];
  readonly agentsDeclined: readonly string[];
  readonly strategy: RingStrategy;
  /**
   * the media engine answered it because nobody was free (an anchored line that queues):
   * `queued` while the caller hears the greeting, music and their place, and may still be
   * offered to an agent who comes free; `voicemail` once the queue limit passed and they are
   * leaving a message (nobody is offered it any more). Meta has accepted the call either way.
   */
  readonly waiting?: 'queued' | 'voicemail';
  /** when the engine answered it (the queue limit counts from here) */
  readonly queuedAt?: number;
  /** when the voicemail began (the message's length counts from here) */
  readonly voicemailAt?: number;
}

/** An inbound call an agent took; their browser is preparing media and pre_accept/accept are in flight. */
export interface ClaimedCall extends CallBase {
  readonly state: 'claimed';
  readonly direction: 'inbound';
  readonly offeredAt: number;
  readonly sdpOffer?: string;
  readonly agentId: string;
  readonly claimedAt: number;
  /** kept so a released claim can ring the others again */
  readonly strategy: RingStrategy;
  readonly agentsDeclined: readonly string[];
  /** when the agent's answer (whatsapp) or offer (messenger) reached the server */
  readonly answerSentAt?: number;
  /** it was queued: Meta accepted it then, so the agent's answer goes to the engine only */
  readonly queuedAt?: number;
}

/** A business-initiated call: our connect has been sent, the customer's phone is not ringing yet. */
export interface DialingCall extends CallBase {
  readonly state: 'dialing';
  readonly direction: 'outbound';
  readonly agentId: string;
  readonly dialedAt: number;
}

/** A business-initiated call ringing on the customer's phone. */
export interface OutboundRingingCall extends CallBase {
  readonly state: 'outbound-ringing';
  readonly direction: 'outbound';
  readonly agentId: string;
  readonly dialedAt: number;
  readonly ringingAt: number;
}

/** A call in conversation, either direction. */
export interface ActiveCall extends CallBase {
  readonly state: 'active';
  readonly agentId: string;
  readonly answeredAt: number;
}

/** A finished call with exactly one outcome; final. */
export interface EndedCall extends CallBase {
  readonly state: 'ended';
  readonly outcome: CallOutcome;
  readonly endedAt: number;
  readonly durationSec?: number;
  readonly metaError?: MetaError;
  readonly agentId?: string;
  readonly answeredAt?: number;
  /**
   * it ended because Meta refused our accept: Meta's terminate may yet show the caller had hung
   * up first (a missed call, not a failed one)
   */
  readonly acceptRefused?: boolean;
}

/**
 * A terminate that arrived before its connect: remembers how the call ended so the late connect
 * is recorded without ringing anyone. Knows no parties yet.
 */
export interface TombstoneCall {
  readonly state: 'tombstone';
  readonly id: string;
  readonly channel: Channel;
  readonly endpointId: string;
  readonly terminatedAt: number;
  readonly status: 'completed' | 'failed';
  /** meta reported the call as picked up (whatsapp start_time) */
  readonly pickedUp: boolean;
  readonly durationSec?: number;
  readonly metaError?: MetaError;
  readonly appliedKeys: readonly string[];
}

/**
 * A call as the model knows it: a discriminated union on `state`.
 *
 * @example
 * function who(call: Call): string | undefined {
 *   return call.state === 'active' ? call.agentId : undefined;
 * }
 */
export type Call =
  | RingingCall
  | ClaimedCall
  | DialingCall
  | OutboundRingingCall
  | ActiveCall
  | EndedCall
  | TombstoneCall;

/** The name of a call's state. */
export type CallStateName = Call['state'];

/** A call that has not ended and is not a tombstone. */
export type LiveCall = RingingCall | ClaimedCall | DialingCall | OutboundRingingCall | ActiveCall;
