import { z } from 'zod';
import { sdpAnswerSessionSchema, sdpOfferSessionSchema, sdpSessionSchema } from './meta-session';

// meta's pages show the platform field on some examples and not others
const platform = z.literal('messenger').optional();
const callId = z.string().min(1);
const version = z.number().int().nonnegative();

/**
 * `accept` (within 60 s of connect): our browser's SDP offer for an inbound call.
 *
 * @example
 * msgrAcceptBodySchema.parse({ action: 'accept', call_id: 'c_1', session: { sdp_type: 'offer', sdp } });
 */
export const msgrAcceptBodySchema = z.looseObject({
  platform,
  action: z.literal('accept'),
  call_id: callId,
  session: sdpOfferSessionSchema,
});
export type MsgrAcceptBody = z.infer<typeof msgrAcceptBodySchema>;

/**
 * `reject`: decline a ringing inbound call.
 *
 * @example
 * msgrRejectBodySchema.parse({ action: 'reject', call_id: 'c_1' });
 */
export const msgrRejectBodySchema = z.looseObject({
  platform,
  action: z.literal('reject'),
  call_id: callId,
});
export type MsgrRejectBody = z.infer<typeof msgrRejectBodySchema>;

/**
 * `terminate`: end a call from our side.
 *
 * @example
 * msgrTerminateBodySchema.parse({ action: 'terminate', call_id: 'c_1' });
 */
export const msgrTerminateBodySchema = z.looseObject({
  platform,
  action: z.literal('terminate'),
  call_id: callId,
});
export type MsgrTerminateBody = z.infer<typeof msgrTerminateBodySchema>;

/**
 * `connect`: call a user (by PSID) with our SDP offer; needs their permission.
 *
 * @example
 * msgrConnectBodySchema.parse({ action: 'connect', to: '5275811702471834', session: { sdp_type: 'offer', sdp } });
 */
export const msgrConnectBodySchema = z.looseObject({
  platform,
  action: z.literal('connect'),
  to: z.string().min(1),
  session: sdpOfferSessionSchema,
});
export type MsgrConnectBody = z.infer<typeof msgrConnectBodySchema>;

/**
 * `media_update`: send a new offer or our answer to Meta's, moving from one version to the next.
 *
 * @example
 * msgrMediaUpdateBodySchema.parse({
 *   action: 'media_update', call_id: 'c_1', from_version: 1, to_version: 2,
 *   tracks: [{ msid: 'mic', label: 'audio', status: 'active' }], session: { sdp_type: 'answer', sdp },
 * });
 */
export const msgrMediaUpdateBodySchema = z.looseObject({
  platform,
  action: z.literal('media_update'),
  call_id: callId,
  from_version: version,
  to_version: version,
  tracks: z.array(
    z.looseObject({ msid: z.string().min(1), label: z.string(), status: z.string().min(1) }),
  ),
  session: sdpSessionSchema,
});
export type MsgrMediaUpdateBody = z.infer<typeof msgrMediaUpdateBodySchema>;

/**
 * Any body of `POST /{page-id}/calls`, told apart by `action`.
 *
 * @example
 * const body = msgrCallActionBodySchema.parse(req.body);
 * if (body.action === 'accept') answer(body.session.sdp);
 */
export const msgrCallActionBodySchema = z.discriminatedUnion('action', [
  msgrAcceptBodySchema,
  msgrRejectBodySchema,
  msgrTerminateBodySchema,
  msgrConnectBodySchema,
  msgrMediaUpdateBodySchema,
]);
export type MsgrCallActionBody = z.infer<typeof msgrCallActionBodySchema>;

/**
 * Meta's reply to `accept`: its answer, and sometimes a new offer we must answer locally.
 *
 * @example
 * const reply = msgrAcceptReplySchema.parse(json);
 * await pc.setRemoteDescription({ type: 'answer', sdp: reply.session.sdp_response.sdp });
 */
export const msgrAcceptReplySchema = z.looseObject({
  success: z.literal(true),
  session: z.looseObject({
    sdp_response: z.preprocess(bareSdp('answer'), sdpAnswerSessionSchema),
    sdp_renegotiation: z.preprocess(bareSdp('offer'), sdpOfferSessionSchema.optional()),
  }),
});

// Messenger's Consumer-initiated call flow page shows the reply's SDPs as bare strings, its
// Appendix and JS Integration pages as {sdp_type, sdp}: a bare string is read as the latter
function bareSdp(type: 'answer' | 'offer'): (value: unknown) => unknown {
  return (value) => (typeof value === 'string' ? { sdp_type: type, sdp: value } : value);
}
export type MsgrAcceptReply = z.infer<typeof msgrAcceptReplySchema>;

/**
 * Meta's reply to `reject` and `terminate`.
 *
 * @example
 * msgrSuccessReplySchema.parse({ success: true });
 */
export const msgrSuccessReplySchema = z.looseObject({ success: z.literal(true) });
export type MsgrSuccessReply = z.infer<typeof msgrSuccessReplySchema>;

/**
 * Meta's reply to `connect`: the call id and Meta's answer to our offer.
 *
 * @example
 * msgrConnectReplySchema.parse({ success: true, id: 'c_1', session: { sdp_response: { sdp_type: 'answer', sdp } } });
 */
export const msgrConnectReplySchema = z.looseObject({
  success: z.literal(true),
  id: z.string().min(1),
  session: z.looseObject({ sdp_response: sdpAnswerSessionSchema }),
});
export type MsgrConnectReply = z.infer<typeof msgrConnectReplySchema>;

/**
 * Meta's reply to `media_update`. A version mismatch can come back as an empty SDP: retry with
 * the current version.
 *
 * @example
 * msgrMediaUpdateReplySchema.parse({ success: true });
 */
export const msgrMediaUpdateReplySchema = z.looseObject({
  success: z.literal(true),
  session: z
    .looseObject({
      // may be empty on a version mismatch, so no min length here
      sdp_response: z.looseObject({ sdp_type: z.literal('answer'), sdp: z.string() }).optional(),
      sdp_renegotiation: sdpOfferSessionSchema.optional(),
    })
    .optional(),
});
export type MsgrMediaUpdateReply = z.infer<typeof msgrMediaUpdateReplySchema>;

// meta's example says can_perform / max_allowed; the same page's earlier text (and our fixture
// messenger/call-permissions-reply.json) can_perform_action / max_allowed_per_user: read both
const permissionLimitSchema = z.preprocess(
  (limit) => renamed(limit, 'max_allowed_per_user', 'max_allowed'),
  z.looseObject({
    time_period: z.string(),
    max_allowed: z.number().int(),
    current_usage: z.number().int(),
  }),
);

const permissionActionSchema = z.preprocess(
  (action) => renamed(action, 'can_perform_action', 'can_perform'),
  z.looseObject({
    action_name: z.string().min(1),
    can_perform: z.boolean(),
    limits: z.array(permissionLimitSchema).optional(),
  }),
);

/** copies `from` to `to` when only `from` is there */
function renamed(value: unknown, from: string, to: string): unknown {
  if (typeof value !== 'object' || value === null || to in value || !(from in value)) return value;
  return { ...value, [to]: (value as Record<string, unknown>)[from] };
}

const permissionBody = z.looseObject({
  permission: z.looseObject({
    // documented both as has_permission and HAS_PERMISSION
    status: z
      .string()
      .transform((status) => status.toLowerCase())
      .pipe(z.enum(['has_permission', 'no_permission'])),
    expiration_time: z.number().int().optional(),
  }),
  actions: z.array(permissionActionSchema).optional(),
});

// one page shows a bare object, the reference shows a Graph edge ({ data: [ … ] })
function unwrapEdge(json: unknown): unknown {
  if (typeof json !== 'object' || json === null || !('data' in json)) return json;
  const data = (json as { data: unknown }).data;
  return Array.isArray(data) ? data[0] : json;
}

/**
 * `GET /{page-id}/messenger_call_permissions?psid=`. Accepts the bare and the `{data:[…]}` forms,
 * lower-cases the status, and reads `can_perform_action` / `max_allowed_per_user` as
 * `can_perform` / `max_allowed`.
 *
 * @example
 * msgrCallPermissionsReplySchema.parse({ data: [{ permission: { status: 'HAS_PERMISSION' } }] }).permission.status;
 * // 'has_permission'
 */
export const msgrCallPermissionsReplySchema = z.preprocess(unwrapEdge, permissionBody);
export type MsgrCallPermissionsReply = z.infer<typeof msgrCallPermissionsReplySchema>;
