import type { SimWhatsAppNumber, SimQuirks } from '../engine/config';
import { acceptedAt, type SimCall } from '../engine/sim-call';
import { waSeconds, type MetaItem, type WaChangeValue, type WebhookEvent } from './webhook-event';
import { waContact, waUserField } from './wa-customer';

type Number_ = Pick<SimWhatsAppNumber, 'wabaId' | 'phoneNumberId' | 'displayPhoneNumber'>;

/**
 * The `connect` webhook: Meta's offer for a user-initiated call, Meta's answer (to the
 * business's offer) for a business-initiated one.
 *
 * @example
 * sender.enqueue(waConnect(number, call, { sdp_type: 'offer', sdp: media.localDescription }, Date.now()));
 */
export function waConnect(
  number: Number_,
  call: SimCall,
  session: { sdp_type: 'offer' | 'answer'; sdp: string },
  now: number,
): WebhookEvent {
  // the caller's profile name comes with connect (fixtures: terminate has no contacts)
  return callsEvent(number, call, 'connect', true, {
    ...parties(number, call),
    event: 'connect',
    timestamp: waSeconds(now),
    direction: direction(call),
    session,
    ...opaque(call),
    ...payloads(call),
  });
}

/**
 * The `terminate` webhook. Times and duration only when the call was picked up. A failed call
 * (the no-media drop: 138021) is `FAILED` with Meta's error, with `title`, both inside the call
 * and beside `calls` (meta-calling.md section 0); with the `noMediaDropCompleted` quirk it is
 * `COMPLETED` with no error instead, as one field report shows it.
 *
 * @example
 * sender.enqueue(waTerminate(number, call, Date.now(), quirks));
 */
export function waTerminate(
  number: Number_,
  call: SimCall,
  now: number,
  quirks: Pick<SimQuirks, 'whatsappStatusCase' | 'noMediaDropCompleted'>,
): WebhookEvent {
  const { phase } = call;
  const reported = phase.state === 'ended' ? phase.failure : null;
  const failure = reported && quirks.noMediaDropCompleted ? null : reported;
  const start = acceptedAt(phase);
  const end = phase.state === 'ended' ? phase.endedAt : now;
  const status = failure ? 'FAILED' : 'COMPLETED';
  const errors = failure
    ? [
        {
          code: failure.code,
          title: failure.message,
          message: failure.message,
          error_data: { details: failure.details },
        },
      ]
    : null;
  return callsEvent(
    number,
    call,
    'terminate',
    false,
    {
      ...parties(number, call),
      event: 'terminate',
      direction: direction(call),
      timestamp: waSeconds(now),
      status: quirks.whatsappStatusCase === 'upper' ? status : titleCase(status),
      ...(start === null
        ? {}
        : {
            start_time: waSeconds(start),
            end_time: waSeconds(end),
            duration: Math.max(0, Math.round((end - start) / 1000)),
          }),
      ...opaque(call),
      ...payloads(call),
      ...(errors ? { errors } : {}),
    },
    errors ? { errors } : {},
  );
}

/**
 * A business-initiated call's progress (`statuses[]` on the `calls` field).
 *
 * @example
 * sender.enqueue(waStatus(number, call, 'RINGING', Date.now()));
 */
export function waStatus(
  number: Number_,
  call: SimCall,
  status: 'RINGING' | 'ACCEPTED' | 'REJECTED',
  now: number,
): WebhookEvent {
  const value: WaChangeValue = {
    ...base(number),
    statuses: [
      {
        id: call.id,
        timestamp: waSeconds(now),
        type: 'call',
        status,
        ...waUserField('recipient', call.userId),
        ...opaque(call),
      },
    ],
  };
  return {
    channel: 'whatsapp',
    kind: `status:${status}`,
    callId: call.id,
    body: {
      object: 'whatsapp_business_account',
      entry: [{ id: number.wabaId, changes: [{ field: 'calls', value }] }],
    },
  };
}

export interface PermissionReply {
  userId: string;
  userName: string;
  /**
   * what the reply answers: the request message's id, or the wacid of the user's call for a
   * callback permission; null for automatic revokes and grants from the business profile,
   * which answer nothing (*Obtain user call permissions*)
   */
  contextId: string | null;
  messageId: string;
  response: 'accept' | 'reject';
  /** left out when null (an automatic revoke says only `response` and `response_source`) */
  isPermanent: boolean | null;
  /** epoch ms, when accepted temporarily */
  expiresAt: number | null;
  source: 'user_action' | 'automatic';
}

/**
 * The user's answer to a call permission request (`messages` field, interactive reply), or a
 * change Meta reports the same way: a callback permission, a grant from the business profile,
 * an automatic revoke after 4 missed calls.
 *
 * @example
 * sender.enqueue(waPermissionReply(number, reply, Date.now()));
 */
export function waPermissionReply(
  number: Number_,
  reply: PermissionReply,
  now: number,
): WebhookEvent {
  const value: WaChangeValue = {
    ...base(number),
    contacts: [waContact(reply.userId, reply.userName, null)],
    messages: [
      {
        ...(reply.contextId === null
          ? {}
          : { context: { from: number.displayPhoneNumber, id: reply.contextId } }),
        ...waUserField('from', reply.userId),
        id: reply.messageId,
        timestamp: waSeconds(now),
        type: 'interactive',
        interactive: {
          type: 'call_permission_reply',
          call_permission_reply: {
            response: reply.response,
            ...(reply.isPermanent === null ? {} : { is_permanent: reply.isPermanent }),
            ...(reply.expiresAt === null
              ? {}
              : { expiration_timestamp: Math.floor(reply.expiresAt / 1000) }),
            response_source: reply.source,
          },
        },
      },
    ],
  };
  return {
    channel: 'whatsapp',
    kind: 'permission_reply',
    callId: null,
    body: {
      object: 'whatsapp_business_account',
      entry: [{ id: number.wabaId, changes: [{ field: 'messages', value }] }],
    },
  };
}

function callsEvent(
  number: Number_,
  call: SimCall,
  kind: string,
  withContact: boolean,
  item: MetaItem,
  beside: Pick<WaChangeValue, 'errors'> = {},
): WebhookEvent {
  const value: WaChangeValue = {
    ...base(number),
    ...beside,
    ...(withContact ? { contacts: [waContact(call.userId, call.userName, call.username)] } : {}),
    calls: [{ id: call.id, ...item }],
  };
  return {
    channel: 'whatsapp',
    kind,
    callId: call.id,
    body: {
      object: 'whatsapp_business_account',
      entry: [{ id: number.wabaId, changes: [{ field: 'calls', value }] }],
    },
  };
}

function base(number: Number_): Pick<WaChangeValue, 'messaging_product' | 'metadata'> {
  return {
    messaging_product: 'whatsapp',
    metadata: {
      display_phone_number: number.displayPhoneNumber,
      phone_number_id: number.phoneNumberId,
    },
  };
}

function parties(number: Number_, call: SimCall): Record<string, string> {
  return call.direction === 'user_initiated'
    ? { ...waUserField('from', call.userId), to: number.displayPhoneNumber }
    : { from: number.displayPhoneNumber, ...waUserField('to', call.userId) };
}

function direction(call: SimCall): 'USER_INITIATED' | 'BUSINESS_INITIATED' {
  return call.direction === 'user_initiated' ? 'USER_INITIATED' : 'BUSINESS_INITIATED';
}

function opaque(call: SimCall): { biz_opaque_callback_data?: string } {
  return call.bizOpaqueCallbackData === null
    ? {}
    : { biz_opaque_callback_data: call.bizOpaqueCallbackData };
}

// *Call Button Messages and Deep Links*: a call from a link or a call button carries its
// payload in both the connect and the terminate webhook
function payloads(call: SimCall): { deeplink_payload?: string; cta_payload?: string } {
  return {
    ...(call.deeplinkPayload === undefined ? {} : { deeplink_payload: call.deeplinkPayload }),
    ...(call.ctaPayload === undefined ? {} : { cta_payload: call.ctaPayload }),
  };
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/**
 * A call's recording or transcript is ready: its media id, sent after the call's terminate
 * (*Call recording*, *Call transcription*; the item's shape is inferred, see FIDELITY.md). With
 * `mediaId` null, Meta's failure instead.
 *
 * @example
 * sender.enqueue(waCallMedia(number, call, 'recording', '1288…', Date.now()));
 */
export function waCallMedia(
  number: Number_,
  call: SimCall,
  event: 'recording' | 'transcription',
  mediaId: string | null,
  now: number,
): WebhookEvent {
  return callsEvent(number, call, event, false, {
    event,
    timestamp: waSeconds(now),
    ...(mediaId === null
      ? {
          status: 'FAILED',
          errors: [
            {
              code: 131000,
              title: 'Something went wrong',
              message: `the ${event} could not be made`,
            },
          ],
        }
      : { status: 'AVAILABLE', media_id: mediaId }),
  });
}
