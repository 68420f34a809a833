import type { WaMediaOptIn } from '@ringside/contracts';
import type { CallerMedia, CallerMediaOptions } from '../media/media-endpoint';

export type Channel = 'whatsapp' | 'messenger';
export type Direction = 'user_initiated' | 'business_initiated';

/** where a call is, seen from Meta */
export type CallState = 'ringing' | 'pre-accepted' | 'accepted' | 'ended';

/** why a call ended */
export type EndReason =
  /** nobody picked up within the ring timeout */
  | 'not-answered'
  /** the caller (or callee) hung up */
  | 'user-hung-up'
  /** the callee of a business-initiated call declined */
  | 'user-rejected'
  | 'business-terminated'
  | 'business-rejected'
  /** no media from the business after accept */
  | 'media-timeout'
  /** media stopped mid-call */
  | 'media-idle'
  /** the simulator shut down */
  | 'sim-closed';

/** Meta's error object on a failed terminate */
export interface CallFailure {
  code: number;
  message: string;
  details: string;
}

/** each state carries only what is valid in it */
export type CallPhase =
  | { state: 'ringing' }
  | { state: 'pre-accepted'; answerSdp: string }
  | { state: 'accepted'; acceptedAt: number }
  | {
      state: 'ended';
      acceptedAt: number | null;
      endedAt: number;
      reason: EndReason;
      failure: CallFailure | null;
    };

/** one call as the simulator (Meta) holds it */
export interface SimCall {
  readonly id: string;
  readonly channel: Channel;
  readonly direction: Direction;
  /** phone number id or page id */
  readonly businessId: string;
  /** wa_id or PSID; a WhatsApp user known by username only is held by their BSUID */
  readonly userId: string;
  readonly userName: string;
  /** the WhatsApp `@username` sent with a BSUID, when the user set one */
  readonly username: string | null;
  readonly createdAt: number;
  /** echoed in later webhooks; `accept` may set it */
  bizOpaqueCallbackData: string | null;
  /** whatsapp: the `biz_payload` of the call link the user called from (`deeplink_payload`) */
  readonly deeplinkPayload?: string;
  /** whatsapp: the payload of the call button the user tapped (`cta_payload`) */
  readonly ctaPayload?: string;
  media: CallerMedia | null;
  /** how the caller's media is made (source, echo, host) */
  readonly mediaOptions: CallerMediaOptions;
  phase: CallPhase;
  /** every state reached, in order */
  readonly history: CallState[];
  /** Messenger media_update version: the last one sent or received */
  version: number;
  /** Messenger: the caller's re-offer awaiting the business's answer */
  pendingReoffer: string | null;
  /** WhatsApp: what the business opted this call into on accept / connect */
  capture: { recording: WaMediaOptIn | null; transcription: WaMediaOptIn | null };
}

/** a read-only copy of a call for tests and callers */
export interface SimCallSnapshot {
  id: string;
  channel: Channel;
  direction: Direction;
  businessId: string;
  userId: string;
  userName: string;
  state: CallState;
  createdAt: number;
  acceptedAt: number | null;
  endedAt: number | null;
  reason: EndReason | null;
  failure: CallFailure | null;
  history: CallState[];
}

/** which moves Meta allows; anything else is out of order */
export function canMove(from: CallState, to: CallState): boolean {
  switch (from) {
    case 'ringing':
      return to !== 'ringing';
    case 'pre-accepted':
      return to === 'accepted' || to === 'ended';
    case 'accepted':
      return to === 'ended';
    case 'ended':
      return false;
    default:
      return assertNever(from);
  }
}

export function isLive(call: SimCall): boolean {
  return call.phase.state !== 'ended';
}

/** when the call was picked up, if it was */
export function acceptedAt(phase: CallPhase): number | null {
  return phase.state === 'accepted' || phase.state === 'ended' ? phase.acceptedAt : null;
}

export function snapshot(call: SimCall): SimCallSnapshot {
  const { phase } = call;
  return {
    id: call.id,
    channel: call.channel,
    direction: call.direction,
    businessId: call.businessId,
    userId: call.userId,
    userName: call.userName,
    state: phase.state,
    createdAt: call.createdAt,
    acceptedAt: acceptedAt(phase),
    endedAt: phase.state === 'ended' ? phase.endedAt : null,
    reason: phase.state === 'ended' ? phase.reason : null,
    failure: phase.state === 'ended' ? phase.failure : null,
    history: [...call.history],
  };
}

export function assertNever(value: never): never {
  throw new Error(`unexpected value: ${JSON.stringify(value)}`);
}
