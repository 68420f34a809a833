import { z } from 'zod';
import {
  looseNumberSchema,
  sdpAnswerSessionSchema,
  sdpOfferSessionSchema,
  terminateStatusSchema,
  unixSecondsStringSchema,
} from './meta-session';
import type { PassedThroughItem } from './select-items';
import { parseWhere } from './select-items';

/**
 * One error item as Meta puts it beside `calls[]` or inside a call (`errors[]`).
 *
 * @example
 * metaErrorItemSchema.parse({ code: 138021, message: 'Media receive timeout' });
 */
export const metaErrorItemSchema = z.looseObject({
  code: z.number().int(),
  message: z.string().optional(),
  title: z.string().optional(),
  error_data: z.looseObject({ details: z.string().optional() }).optional(),
});
export type MetaErrorItem = z.infer<typeof metaErrorItemSchema>;

const waDirectionSchema = z.enum(['USER_INITIATED', 'BUSINESS_INITIATED']);

// *Business-scoped user IDs*: the customer's phone may be left out and a BSUID
// (`US.13491208655302741918`) sent instead, so every customer field is optional here and the
// normalizer takes whichever is present
const optionalId = z.string().min(1).optional();

// start/end times come as strings in some payloads and numbers in others
const waTimeSchema = z.union([z.string(), z.number()]);

/**
 * A WhatsApp `connect` call event. User-initiated connects carry Meta's SDP offer;
 * business-initiated ones carry Meta's answer to our offer.
 *
 * @example
 * const call = waCallConnectSchema.parse(value.calls[0]);
 * if (call.direction === 'USER_INITIATED') offerToAgents(call.session.sdp);
 */
export const waCallConnectSchema = z.looseObject({
  id: z.string().min(1),
  /** the customer's phone (user-initiated) or the business number; may be omitted for a username user */
  from: optionalId,
  /** the business number (user-initiated) or the customer's phone; may be omitted likewise */
  to: optionalId,
  from_user_id: optionalId,
  to_user_id: optionalId,
  event: z.literal('connect'),
  timestamp: unixSecondsStringSchema,
  direction: waDirectionSchema,
  session: z.discriminatedUnion('sdp_type', [sdpOfferSessionSchema, sdpAnswerSessionSchema]),
  deeplink_payload: z.string().optional(),
  cta_payload: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(metaErrorItemSchema).optional(),
});
export type WaCallConnect = z.infer<typeof waCallConnectSchema>;

/**
 * A WhatsApp `terminate` call event. `status` is normalised to `COMPLETED` or `FAILED`
 * whatever its case; `duration` is read as a number. Times exist only if the call was
 * picked up; a failed call may carry `errors[]` (138019–138023 for media failures).
 *
 * @example
 * const end = waCallTerminateSchema.parse({ id, event: 'terminate', timestamp: '1753115262', status: 'Failed' });
 * end.status; // 'FAILED'
 */
export const waCallTerminateSchema = z.looseObject({
  id: z.string().min(1),
  from: z.string().optional(),
  to: z.string().optional(),
  from_user_id: optionalId,
  to_user_id: optionalId,
  event: z.literal('terminate'),
  timestamp: unixSecondsStringSchema,
  direction: waDirectionSchema.optional(),
  status: terminateStatusSchema,
  start_time: waTimeSchema.optional(),
  end_time: waTimeSchema.optional(),
  duration: looseNumberSchema.optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(metaErrorItemSchema).optional(),
});
export type WaCallTerminate = z.infer<typeof waCallTerminateSchema>;

/**
 * A WhatsApp `calls[]` item telling that a call's recording or transcript is ready (or failed),
 * sent after the call ends. Meta's pages say a webhook brings a media id; the field names here
 * past `id`, `event` and the media id are read tolerantly (see FIDELITY.md).
 *
 * @example
 * waCallMediaSchema.parse({ id: 'wacid.…', event: 'recording', timestamp: '1753115262', status: 'AVAILABLE', media_id: '1288…' });
 */
export const waCallMediaSchema = z.looseObject({
  id: z.string().min(1),
  event: z.enum(['recording', 'transcription']),
  timestamp: unixSecondsStringSchema,
  status: z
    .string()
    .transform((s) => s.toUpperCase())
    .pipe(z.enum(['AVAILABLE', 'FAILED']))
    .optional(),
  media_id: z.string().min(1).optional(),
  errors: z.array(metaErrorItemSchema).optional(),
});
export type WaCallMedia = z.infer<typeof waCallMediaSchema>;

/**
 * Any item of a WhatsApp `calls[]` array, told apart by `event`.
 *
 * @example
 * const call = waCallSchema.parse(item);
 * if (call.event === 'terminate') console.log(call.status);
 */
export const waCallSchema = z.discriminatedUnion('event', [
  waCallConnectSchema,
  waCallTerminateSchema,
  waCallMediaSchema,
]);
export type WaCall = z.infer<typeof waCallSchema>;

/**
 * A business-initiated call's progress, an item of `statuses[]` with `type: "call"`.
 *
 * @example
 * waCallStatusSchema.parse({ id, timestamp: '1753116000', type: 'call', status: 'RINGING', recipient_id: '918097530000' });
 * waCallStatusSchema.parse({ id, timestamp: '1753116000', type: 'call', status: 'RINGING', recipient_user_id: 'US.13491208655302741918' });
 */
export const waCallStatusSchema = z.looseObject({
  id: z.string().min(1),
  timestamp: unixSecondsStringSchema,
  type: z.literal('call'),
  status: z.enum(['RINGING', 'ACCEPTED', 'REJECTED']),
  recipient_id: optionalId,
  recipient_user_id: optionalId,
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(metaErrorItemSchema).optional(),
});
export type WaCallStatus = z.infer<typeof waCallStatusSchema>;

/**
 * The customer's answer to our call permission request, an item of `messages[]` on the
 * `messages` field. `context.id` is the request message's id, or the wacid of the customer's
 * call for a callback permission; automatic revokes (after 4 missed or rejected business calls
 * in a row: `response:"reject", response_source:"automatic"`) and permanent grants from the
 * business profile answer no request and carry no `context` (*Obtain user call permissions*).
 *
 * @example
 * const reply = waPermissionReplyMessageSchema.parse(value.messages[0]);
 * reply.interactive.call_permission_reply.response; // 'accept' | 'reject'
 */
export const waPermissionReplyMessageSchema = z.looseObject({
  context: z.looseObject({ id: z.string().min(1), from: z.string().optional() }).optional(),
  from: optionalId,
  from_user_id: optionalId,
  id: z.string().min(1),
  timestamp: unixSecondsStringSchema,
  type: z.literal('interactive'),
  interactive: z.looseObject({
    type: z.literal('call_permission_reply'),
    call_permission_reply: z.looseObject({
      response: z.enum(['accept', 'reject']),
      is_permanent: z.boolean().optional(),
      expiration_timestamp: looseNumberSchema.optional(),
      // 'user_action' | 'automatic' today; kept open since we only display it
      response_source: z.string().optional(),
    }),
  }),
});
export type WaPermissionReplyMessage = z.infer<typeof waPermissionReplyMessageSchema>;

/** An item of `statuses[]`: a call status, or a message receipt kept as it came. */
export type WaStatusItem = WaCallStatus | PassedThroughItem;

/** An item of `messages[]`: a call permission reply, or any other message kept as it came. */
export type WaMessageItem = WaPermissionReplyMessage | PassedThroughItem;

const isCallStatusItem = (item: Readonly<Record<string, unknown>>) => item.type === 'call';

const isPermissionReplyItem = (item: Readonly<Record<string, unknown>>) => {
  const interactive = item.interactive;
  return (
    item.type === 'interactive' &&
    typeof interactive === 'object' &&
    interactive !== null &&
    (interactive as { type?: unknown }).type === 'call_permission_reply'
  );
};

/**
 * True when a parsed `statuses[]` item is a call status (not a message receipt).
 *
 * @example
 * for (const status of value.statuses ?? []) if (isWaCallStatus(status)) track(status.status);
 */
export function isWaCallStatus(item: WaStatusItem): item is WaCallStatus {
  return item.type === 'call';
}

/**
 * True when a parsed `messages[]` item is a call permission reply.
 *
 * @example
 * const replies = (value.messages ?? []).filter(isWaPermissionReply);
 */
export function isWaPermissionReply(item: WaMessageItem): item is WaPermissionReplyMessage {
  return isPermissionReplyItem(item);
}

/**
 * The `value` of one change. Holds `calls[]` (connect, terminate) or `statuses[]` on the
 * `calls` field, and `messages[]` on the `messages` field. Only call statuses and permission
 * replies are validated; receipts and other messages pass through untouched.
 *
 * @example
 * const value = waChangeValueSchema.parse(change.value);
 * const callerName = value.contacts?.[0]?.profile?.name;
 */
export const waChangeValueSchema = z.looseObject({
  messaging_product: z.literal('whatsapp'),
  metadata: z.looseObject({
    display_phone_number: z.string().min(1),
    phone_number_id: z.string().min(1),
  }),
  contacts: z
    .array(
      z.looseObject({
        // a missing profile must not cost us the call: the number still identifies the caller
        profile: z
          .looseObject({ name: z.string().optional(), username: z.string().optional() })
          .optional(),
        wa_id: optionalId,
        user_id: optionalId,
        parent_user_id: optionalId,
      }),
    )
    .optional(),
  calls: z.array(waCallSchema).optional(),
  statuses: z.array(parseWhere(isCallStatusItem, waCallStatusSchema)).optional(),
  messages: z.array(parseWhere(isPermissionReplyItem, waPermissionReplyMessageSchema)).optional(),
  errors: z.array(metaErrorItemSchema).optional(),
});
export type WaChangeValue = z.infer<typeof waChangeValueSchema>;

/**
 * A WhatsApp Business Account webhook body (`object: "whatsapp_business_account"`).
 * Bodies batch many entries, changes and calls: handle every one.
 *
 * @example
 * const body = waWebhookSchema.parse(json);
 * for (const entry of body.entry) for (const change of entry.changes) handle(change.field, change.value);
 */
export const waWebhookSchema = z.looseObject({
  object: z.literal('whatsapp_business_account'),
  entry: z.array(
    z.looseObject({
      id: z.string().min(1),
      changes: z.array(z.looseObject({ field: z.string().min(1), value: waChangeValueSchema })),
    }),
  ),
});
export type WaWebhook = z.infer<typeof waWebhookSchema>;
