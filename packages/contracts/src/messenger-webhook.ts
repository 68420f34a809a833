import { z } from 'zod';
import {
  looseNumberSchema,
  sdpOfferSessionSchema,
  terminateStatusSchema,
  unixSecondsSchema,
} from './meta-session';
import type { PassedThroughItem } from './select-items';
import { isRecord, parseWhere, reraiseIssues } from './select-items';
import { metaErrorItemSchema } from './whatsapp-webhook';

/**
 * A Messenger `connect` event. It carries no SDP: for inbound calls our browser makes the offer.
 *
 * @example
 * msgrCallConnectSchema.parse({ id: 'c_1', to: pageId, from: psid, event: 'connect', timestamp: 1671644824, call_direction: 'user_initiated' });
 */
export const msgrCallConnectSchema = z.looseObject({
  id: z.string().min(1),
  to: z.string().min(1),
  from: z.string().min(1),
  event: z.literal('connect'),
  timestamp: unixSecondsSchema,
  call_direction: z.enum(['user_initiated', 'business_initiated']),
});
export type MsgrCallConnect = z.infer<typeof msgrCallConnectSchema>;

/**
 * A business-initiated call's progress (`ringing`, then `accepted`).
 *
 * @example
 * msgrCallStatusSchema.parse({ id: 'c_1', event: 'call_status', timestamp: 1671644825, recipient_id: psid, call_status: 'ringing' });
 */
export const msgrCallStatusSchema = z.looseObject({
  id: z.string().min(1),
  event: z.literal('call_status'),
  timestamp: unixSecondsSchema,
  recipient_id: z.string().min(1),
  call_status: z.enum(['ringing', 'accepted']),
});
export type MsgrCallStatus = z.infer<typeof msgrCallStatusSchema>;

/**
 * A new offer from Meta (pickup, mute, video toggle). Apply only the highest `version` seen.
 *
 * @example
 * const update = msgrMediaUpdateSchema.parse(item);
 * if (update.session.version > lastVersion) applyOffer(update.session.sdp_renegotiation.sdp);
 */
export const msgrMediaUpdateSchema = z.looseObject({
  id: z.string().min(1),
  event: z.literal('media_update'),
  timestamp: unixSecondsSchema,
  session: z.looseObject({
    version: z.number().int().nonnegative(),
    sdp_renegotiation: sdpOfferSessionSchema,
  }),
});
export type MsgrMediaUpdate = z.infer<typeof msgrMediaUpdateSchema>;

/**
 * A Messenger `terminate` event; `status` ("Completed", "Failed", any case) is normalised to
 * `COMPLETED` or `FAILED`. Rejections count as completed on Messenger.
 *
 * @example
 * msgrCallTerminateSchema.parse({ id: 'c_1', event: 'terminate', timestamp: 1671644944, status: 'Completed' }).status; // 'COMPLETED'
 */
export const msgrCallTerminateSchema = z.looseObject({
  id: z.string().min(1),
  event: z.literal('terminate'),
  timestamp: unixSecondsSchema,
  status: terminateStatusSchema,
  start_time: unixSecondsSchema.optional(),
  end_time: unixSecondsSchema.optional(),
  duration: looseNumberSchema.optional(),
  errors: z.array(metaErrorItemSchema).optional(),
});
export type MsgrCallTerminate = z.infer<typeof msgrCallTerminateSchema>;

/**
 * Any Messenger call event, told apart by `event`.
 *
 * @example
 * const call = msgrCallSchema.parse(item);
 * if (call.event === 'media_update') console.log(call.session.version);
 */
export const msgrCallSchema = z.discriminatedUnion('event', [
  msgrCallConnectSchema,
  msgrCallStatusSchema,
  msgrMediaUpdateSchema,
  msgrCallTerminateSchema,
]);
export type MsgrCall = z.infer<typeof msgrCallSchema>;

/**
 * The user's answer to our `calling_optin` request. Meta documents it sparsely; we accept it
 * under `messaging[]`, as an item of `calls[]`, and as an entry of its own, and always hand it
 * back under `entry.messaging`.
 *
 * @example
 * const reply = msgrPermissionReplySchema.parse(item);
 * reply.call_permission_reply.response; // 'approve' | 'reject'
 */
export const msgrPermissionReplySchema = z.looseObject({
  sender: z.looseObject({ id: z.string().min(1) }),
  recipient: z.looseObject({ id: z.string().min(1) }),
  timestamp: unixSecondsSchema,
  call_permission_reply: z.looseObject({
    response: z.enum(['approve', 'reject']),
    expiration_timestamp: looseNumberSchema.optional(),
  }),
});
export type MsgrPermissionReply = z.infer<typeof msgrPermissionReplySchema>;

/** An item of `entry.messaging`: a permission reply, or any other Page event kept as it came. */
export type MsgrMessagingItem = MsgrPermissionReply | PassedThroughItem;

const looksLikePermissionReply = (item: Readonly<Record<string, unknown>>) =>
  'call_permission_reply' in item || item.event === 'call_permission_reply';

/**
 * True when an `entry.messaging` item is a call permission reply.
 *
 * @example
 * const replies = (entry.messaging ?? []).filter(isMsgrPermissionReply);
 */
export function isMsgrPermissionReply(item: MsgrMessagingItem): item is MsgrPermissionReply {
  return looksLikePermissionReply(item);
}

const callsItemSchema = z.unknown().transform((item, ctx): MsgrCall | MsgrPermissionReply => {
  const schema =
    isRecord(item) && looksLikePermissionReply(item) ? msgrPermissionReplySchema : msgrCallSchema;
  const result = schema.safeParse(item);
  if (result.success) return result.data;
  reraiseIssues(ctx, result.error, item);
  return z.NEVER;
});

const rawEntrySchema = z.looseObject({
  id: z.string().min(1),
  time: unixSecondsSchema,
  calls: z.array(callsItemSchema).optional(),
  messaging: z.array(parseWhere(looksLikePermissionReply, msgrPermissionReplySchema)).optional(),
});

// meta's own example delivers the reply as a bare entry; wrap it as a normal entry
function wrapBareReply(entry: unknown): unknown {
  if (!isRecord(entry) || !('call_permission_reply' in entry) || 'id' in entry) return entry;
  const recipient = entry.recipient;
  return {
    id: isRecord(recipient) ? recipient.id : undefined,
    time: entry.timestamp,
    messaging: [entry],
  };
}

// written out because Omit<> on a loose object drops its named keys
type MsgrEntryShape = {
  id: string;
  time: number;
  calls?: MsgrCall[];
  messaging?: MsgrMessagingItem[];
  [key: string]: unknown;
};

const isCallEvent = (item: MsgrCall | MsgrPermissionReply): item is MsgrCall =>
  !looksLikePermissionReply(item);

/**
 * One Page entry. Permission replies that arrive in `calls[]` (or as a bare entry) are moved
 * to `messaging`, so `calls` holds call events only.
 *
 * @example
 * const entry = msgrEntrySchema.parse(raw);
 * for (const call of entry.calls ?? []) handle(call.event);
 */
export const msgrEntrySchema = z.preprocess(
  wrapBareReply,
  rawEntrySchema.transform(({ calls: items, ...entry }): MsgrEntryShape => {
    if (!items) return entry;
    const calls: MsgrCall[] = [];
    const replies: MsgrPermissionReply[] = [];
    for (const item of items) {
      if (isCallEvent(item)) calls.push(item);
      else replies.push(item);
    }
    if (replies.length === 0) return { ...entry, calls };
    return { ...entry, calls, messaging: [...(entry.messaging ?? []), ...replies] };
  }),
);
export type MsgrEntry = z.infer<typeof msgrEntrySchema>;

/**
 * A Messenger Platform webhook body (`object: "page"`). Timestamps are integers.
 *
 * @example
 * const body = msgrWebhookSchema.parse(json);
 * for (const entry of body.entry) for (const call of entry.calls ?? []) handle(entry.id, call);
 */
export const msgrWebhookSchema = z.looseObject({
  object: z.literal('page'),
  entry: z.array(msgrEntrySchema),
});
export type MsgrWebhook = z.infer<typeof msgrWebhookSchema>;
