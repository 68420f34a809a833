import { z } from 'zod';
import { waMediaOptInSchema } from './call-media';
import { sdpAnswerSessionSchema, sdpOfferSessionSchema } from './meta-session';

// every body and reply of the calling endpoints names its product
const messagingProduct = z.literal('whatsapp');
const callId = z.string().min(1);

/** Meta caps `biz_opaque_callback_data` at 512 characters. */
export const BIZ_OPAQUE_CALLBACK_DATA_MAX = 512;
const bizOpaqueCallbackData = z.string().max(BIZ_OPAQUE_CALLBACK_DATA_MAX);

/**
 * `pre_accept`: hand Meta our answer while the call still rings, so ICE/DTLS can finish early.
 *
 * @example
 * waPreAcceptBodySchema.parse({ messaging_product: 'whatsapp', action: 'pre_accept', call_id, session: { sdp_type: 'answer', sdp } });
 */
export const waPreAcceptBodySchema = z.looseObject({
  messaging_product: messagingProduct,
  action: z.literal('pre_accept'),
  call_id: callId,
  session: sdpAnswerSessionSchema,
});
export type WaPreAcceptBody = z.infer<typeof waPreAcceptBodySchema>;

/**
 * `accept`: connect the call; the SDP must be byte-identical to the one sent in `pre_accept`.
 *
 * @example
 * waAcceptBodySchema.parse({ messaging_product: 'whatsapp', action: 'accept', call_id, session: { sdp_type: 'answer', sdp } });
 */
export const waAcceptBodySchema = z.looseObject({
  messaging_product: messagingProduct,
  action: z.literal('accept'),
  call_id: callId,
  session: sdpAnswerSessionSchema,
  biz_opaque_callback_data: bizOpaqueCallbackData.optional(),
  /** Meta records the call's audio (*Call recording*) */
  recording: waMediaOptInSchema.optional(),
  /** Meta transcribes the call (*Call transcription*) */
  transcription: waMediaOptInSchema.optional(),
});
export type WaAcceptBody = z.infer<typeof waAcceptBodySchema>;

/**
 * `reject`: decline a ringing inbound call.
 *
 * @example
 * waRejectBodySchema.parse({ messaging_product: 'whatsapp', action: 'reject', call_id });
 */
export const waRejectBodySchema = z.looseObject({
  messaging_product: messagingProduct,
  action: z.literal('reject'),
  call_id: callId,
});
export type WaRejectBody = z.infer<typeof waRejectBodySchema>;

/**
 * `terminate`: end a call from our side (required even after an RTCP BYE).
 *
 * @example
 * waTerminateBodySchema.parse({ messaging_product: 'whatsapp', action: 'terminate', call_id });
 */
export const waTerminateBodySchema = z.looseObject({
  messaging_product: messagingProduct,
  action: z.literal('terminate'),
  call_id: callId,
});
export type WaTerminateBody = z.infer<typeof waTerminateBodySchema>;

/**
 * `connect`: place a business-initiated call with our SDP offer (needs the user's permission).
 *
 * @example
 * waConnectBodySchema.parse({ messaging_product: 'whatsapp', action: 'connect', to: '918097530000', session: { sdp_type: 'offer', sdp } });
 * waConnectBodySchema.parse({ messaging_product: 'whatsapp', action: 'connect', recipient: 'US.13491208655302741918', session: { sdp_type: 'offer', sdp } });
 */
export const waConnectBodySchema = z
  .looseObject({
    messaging_product: messagingProduct,
    action: z.literal('connect'),
    /** the customer's phone number */
    to: z.string().min(1).optional(),
    /** or their business-scoped user id, when no phone is known (*Business-scoped user IDs*) */
    recipient: z.string().min(1).optional(),
    session: sdpOfferSessionSchema,
    biz_opaque_callback_data: bizOpaqueCallbackData.optional(),
    recording: waMediaOptInSchema.optional(),
    transcription: waMediaOptInSchema.optional(),
  })
  .refine((body) => body.to !== undefined || body.recipient !== undefined, {
    message: 'connect needs `to` (a phone number) or `recipient` (a business-scoped user id)',
    path: ['to'],
  });
export type WaConnectBody = z.infer<typeof waConnectBodySchema>;

/**
 * Any body of `POST /{phone-number-id}/calls`, told apart by `action`.
 *
 * @example
 * const body = waCallActionBodySchema.parse(req.body);
 * if (body.action === 'connect') console.log(body.to);
 */
export const waCallActionBodySchema = z.discriminatedUnion('action', [
  waPreAcceptBodySchema,
  waAcceptBodySchema,
  waRejectBodySchema,
  waTerminateBodySchema,
  waConnectBodySchema,
]);
export type WaCallActionBody = z.infer<typeof waCallActionBodySchema>;

/**
 * Meta's reply to `pre_accept`, `accept`, `reject` and `terminate`. The reference tables show
 * `messaging_product` beside `success`, the call-flow examples a bare `{"success": true}`:
 * both are accepted, `success: true` is what counts.
 *
 * @example
 * waSuccessReplySchema.parse({ messaging_product: 'whatsapp', success: true });
 * waSuccessReplySchema.parse({ success: true });
 */
export const waSuccessReplySchema = z.looseObject({
  messaging_product: messagingProduct.optional(),
  success: z.literal(true),
});
export type WaSuccessReply = z.infer<typeof waSuccessReplySchema>;

/**
 * Meta's reply to `connect`: the new call's id.
 *
 * @example
 * waConnectReplySchema.parse({ messaging_product: 'whatsapp', calls: [{ id: 'wacid.…' }] }).calls[0].id;
 */
export const waConnectReplySchema = z.looseObject({
  messaging_product: messagingProduct.optional(),
  calls: z.tuple([z.looseObject({ id: z.string().min(1) })], z.looseObject({ id: z.string() })),
});
export type WaConnectReply = z.infer<typeof waConnectReplySchema>;

/**
 * `POST /{phone-number-id}/messages`: ask a user for permission to call them.
 *
 * @example
 * waPermissionRequestMessageSchema.parse({
 *   messaging_product: 'whatsapp', to: '918097530000', type: 'interactive',
 *   interactive: { type: 'call_permission_request', action: { name: 'call_permission_request' }, body: { text: 'May we call you about your order?' } },
 * });
 */
export const waPermissionRequestMessageSchema = z.looseObject({
  messaging_product: messagingProduct,
  recipient_type: z.literal('individual').optional(),
  // a phone number, or `recipient` with a business-scoped user id (`to` wins when both are sent)
  to: z.string().min(1).optional(),
  recipient: z.string().min(1).optional(),
  type: z.literal('interactive'),
  interactive: z.looseObject({
    type: z.literal('call_permission_request'),
    action: z.looseObject({ name: z.literal('call_permission_request') }),
    // interactive message bodies are capped at 1024 characters
    body: z.looseObject({ text: z.string().min(1).max(1024) }),
  }),
});
export type WaPermissionRequestMessage = z.infer<typeof waPermissionRequestMessageSchema>;

/**
 * Meta's reply to a sent message; `messages[0].id` is what a permission reply's `context.id` names.
 *
 * @example
 * waMessageSentReplySchema.parse({ messaging_product: 'whatsapp', contacts: [{ input: '918097530000', wa_id: '918097530000' }], messages: [{ id: 'wamid.…' }] });
 */
export const waMessageSentReplySchema = z.looseObject({
  messaging_product: messagingProduct,
  // wa_id for a send by phone number, user_id for one by business-scoped user id
  contacts: z.array(
    z.looseObject({
      input: z.string(),
      wa_id: z.string().optional(),
      user_id: z.string().optional(),
    }),
  ),
  messages: z.tuple([z.looseObject({ id: z.string().min(1) })], z.looseObject({ id: z.string() })),
});
export type WaMessageSentReply = z.infer<typeof waMessageSentReplySchema>;

/**
 * `GET /{phone-number-id}/call_permissions?user_wa_id=`: whether we may call a user now.
 *
 * @example
 * const reply = waCallPermissionsReplySchema.parse(json);
 * const canCall = reply.actions.find((a) => a.action_name === 'start_call')?.can_perform_action;
 */
export const waCallPermissionsReplySchema = z.looseObject({
  messaging_product: messagingProduct.optional(),
  permission: z.looseObject({
    status: z.enum(['no_permission', 'temporary', 'permanent']),
    expiration_time: z.number().int().optional(),
  }),
  actions: z.array(
    z.looseObject({
      action_name: z.string().min(1),
      can_perform_action: z.boolean(),
      limits: z
        .array(
          z.looseObject({
            time_period: z.string(),
            max_allowed: z.number().int(),
            current_usage: z.number().int(),
            limit_expiration_time: z.number().int().optional(),
          }),
        )
        .optional(),
    }),
  ),
});
export type WaCallPermissionsReply = z.infer<typeof waCallPermissionsReplySchema>;

export {
  isTimeZone,
  MAX_HOLIDAYS,
  MAX_RANGES_PER_DAY,
  waCallingSettingsSchema,
  waSettingsBodySchema,
  WEEKDAYS,
  type WaCallingSettings,
  type WaSettingsBody,
} from './graph-whatsapp-settings';
