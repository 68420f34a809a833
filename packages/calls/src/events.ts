import type { Channel } from '@ringside/contracts';
import type { MetaError, Party } from './state';

/** Fields every normalized webhook event carries. */
interface NormalizedBase {
  readonly channel: Channel;
  /** when Meta says it happened, epoch ms (from Meta's unix-seconds `timestamp`) */
  readonly occurredAt: number;
  /** the business endpoint: WhatsApp `phone_number_id` or Messenger Page id */
  readonly endpointId: string;
  /** equal for two deliveries of one Meta event, different for different events */
  readonly idempotencyKey: string;
}

/**
 * A customer calls the business (WhatsApp or Messenger `connect`, user-initiated).
 *
 * @example
 * if (event.kind === 'call.offered') console.log(event.caller.name ?? event.caller.id);
 */
export interface CallOfferedEvent extends NormalizedBase {
  readonly kind: 'call.offered';
  readonly callId: string;
  /**
   * whatsapp number (Meta's form, no plus) or, for a username user Meta sent no number for, the
   * BSUID (`userId`, with `username`); or messenger PSID; with the profile name when known
   */
  readonly caller: Party;
  /** the business number called (whatsapp) or the Page id (messenger) */
  readonly called: Party;
  /** whatsapp's SDP offer; messenger connects carry none */
  readonly sdpOffer?: string;
  readonly deeplinkPayload?: string;
  readonly ctaPayload?: string;
}

/**
 * How far a business-initiated call got, as Meta reports it:
 * - `connected`: Meta took our offer (whatsapp's connect carries its answer SDP); not ringing yet
 * - `ringing`, `accepted`, `rejected`: the customer's phone rings, they picked up, they refused
 */
export type OutboundProgress = 'connected' | 'ringing' | 'accepted' | 'rejected';

/**
 * Progress of a business-initiated call (WhatsApp connect/statuses, Messenger connect/call_status).
 *
 * @example
 * if (event.kind === 'call.outbound-progress' && event.progress === 'accepted') startTimer();
 */
export interface CallOutboundProgressEvent extends NormalizedBase {
  readonly kind: 'call.outbound-progress';
  readonly callId: string;
  readonly progress: OutboundProgress;
  /** the customer being called, when Meta names them */
  readonly callee?: string;
  /** meta's answer to our offer (whatsapp `connect` only) */
  readonly sdpAnswer?: string;
  readonly bizOpaqueCallbackData?: string;
}

/**
 * A Messenger `media_update`: a new remote offer to apply if its version is the highest yet.
 *
 * @example
 * if (event.kind === 'call.media-offer') console.log(event.version);
 */
export interface CallMediaOfferEvent extends NormalizedBase {
  readonly kind: 'call.media-offer';
  readonly callId: string;
  readonly version: number;
  readonly sdp: string;
}

/**
 * Meta ended the call (`terminate`). Times are epoch ms; `startedAt`, `endedAt` and
 * `durationSec` are present only when Meta sent them.
 *
 * @example
 * if (event.kind === 'call.terminated' && event.status === 'failed') console.log(event.errors[0]?.code);
 */
export interface CallTerminatedEvent extends NormalizedBase {
  readonly kind: 'call.terminated';
  readonly callId: string;
  readonly status: 'completed' | 'failed';
  readonly startedAt?: number;
  readonly endedAt?: number;
  readonly durationSec?: number;
  /** errors from beside the calls array and inside the call object, in that order */
  readonly errors: readonly MetaError[];
  readonly bizOpaqueCallbackData?: string;
}

/**
 * A customer answered a call-permission request (WhatsApp or Messenger).
 *
 * @example
 * if (event.kind === 'permission.updated' && event.response === 'granted') enableCallBack(event.user);
 */
export interface PermissionUpdatedEvent extends NormalizedBase {
  readonly kind: 'permission.updated';
  /** whatsapp phone (or the BSUID when Meta sent no phone) or messenger PSID of the customer */
  readonly user: string;
  /** whatsapp business-scoped user id, when Meta sent one */
  readonly userId?: string;
  /** whatsapp: the customer's profile name, from the webhook's `contacts` */
  readonly userName?: string;
  readonly response: 'granted' | 'denied';
  readonly permanent?: boolean;
  /** epoch ms */
  readonly expiresAt?: number;
  /** whatsapp: `user_action` or `automatic` */
  readonly source?: string;
  /** whatsapp `context.id`: the permission-request message id or a call id */
  readonly contextId?: string;
}

/**
 * Meta's recording or transcript of a call is ready to download (`mediaId`), or failed. Not a
 * call-state event: it arrives after the call ended, and its file is fetched apart.
 *
 * @example
 * if (event.kind === 'media.ready' && event.mediaId) fetchLater(event.callId, event.media, event.mediaId);
 */
export interface MediaReadyEvent extends NormalizedBase {
  readonly kind: 'media.ready';
  readonly callId: string;
  readonly media: 'recording' | 'transcript';
  /** absent when Meta reports a failure */
  readonly mediaId?: string;
  readonly status: 'available' | 'failed';
  readonly errors: readonly MetaError[];
}

/**
 * Every event the normalizers produce.
 *
 * @example
 * const { events } = normalizeWebhook(parsed);
 * for (const event of events) console.log(event.kind, event.idempotencyKey);
 */
export type NormalizedEvent =
  | CallOfferedEvent
  | CallOutboundProgressEvent
  | CallMediaOfferEvent
  | CallTerminatedEvent
  | PermissionUpdatedEvent
  | MediaReadyEvent;

/** The normalized events that belong to one call and feed {@link transition}. */
export type NormalizedCallEvent = Exclude<
  NormalizedEvent,
  PermissionUpdatedEvent | MediaReadyEvent
>;

/**
 * Tells call events from permission updates.
 *
 * @example
 * events.filter(isCallEvent).forEach((e) => apply(e.callId, e));
 */
export function isCallEvent(event: NormalizedEvent): event is NormalizedCallEvent {
  return event.kind !== 'permission.updated' && event.kind !== 'media.ready';
}

/**
 * Something in a webhook that parsed but that the model does not use (a future event type, a
 * message that is not a permission reply): kept so the server can store and log it.
 *
 * @example
 * for (const item of ignored) logger.info({ reason: item.reason, path: item.path }, 'webhook item ignored');
 */
export interface IgnoredItem {
  readonly channel: Channel;
  readonly reason: string;
  /** where it sat in the payload, e.g. `entry[0].changes[1].value.calls[2]` */
  readonly path: string;
  readonly item: unknown;
}

/**
 * What a normalizer returns: the events, in payload order, and what it set aside.
 *
 * @example
 * const result: NormalizeResult = { events: [], ignored: [] };
 */
export interface NormalizeResult {
  readonly events: readonly NormalizedEvent[];
  readonly ignored: readonly IgnoredItem[];
}
