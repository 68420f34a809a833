import {
  isWaCallStatus,
  isWaPermissionReply,
  type MetaErrorItem,
  type WaCallConnect,
  type WaCallMedia,
  type WaCallStatus,
  type WaCallTerminate,
  type WaChangeValue,
  type WaPermissionReplyMessage,
  type WaWebhook,
} from '@ringside/contracts';
import type { NormalizedEvent, NormalizeResult, OutboundProgress } from './events';
import type { Party } from './state';
import { idempotencyKey } from './idempotency';
import { toMetaErrors } from './meta-error';
import { unixSecondsToMs } from './meta-time';
import { NormalizeCollector, type Skip } from './normalize-shared';
import { compact } from './step';

/** What every item of one change shares. */
interface ChangeContext {
  readonly endpointId: string;
  readonly value: WaChangeValue;
}

/**
 * Turns a parsed WhatsApp webhook into flat events: every entry, change, call, call status and
 * permission reply. Message receipts, other messages and changes without call data come back
 * in `ignored`. Never throws.
 *
 * @example
 * const { events, ignored } = normalizeWhatsApp(waWebhookSchema.parse(json));
 * events[0]?.kind; // 'call.offered'
 */
export function normalizeWhatsApp(body: WaWebhook): NormalizeResult {
  const out = new NormalizeCollector('whatsapp');
  body.entry.forEach((entry, i) => {
    entry.changes.forEach((change, j) => {
      const path = `entry[${i}].changes[${j}].value`;
      const value = change.value;
      const ctx: ChangeContext = { endpointId: value.metadata.phone_number_id, value };
      const calls = value.calls ?? [];
      const statuses = value.statuses ?? [];
      const messages = value.messages ?? [];
      if (calls.length + statuses.length + messages.length === 0) {
        out.ignore('no calls, statuses or messages in this change', path, value);
      }
      calls.forEach((call, k) => {
        const converted =
          call.event === 'connect'
            ? fromConnect(call, ctx)
            : call.event === 'terminate'
              ? fromTerminate(call, ctx)
              : fromMedia(call, ctx);
        out.add(converted, `${path}.calls[${k}]`, call);
      });
      statuses.forEach((status, k) => {
        const converted = isWaCallStatus(status)
          ? fromStatus(status, ctx)
          : { skip: 'a message receipt, not a call status' };
        out.add(converted, `${path}.statuses[${k}]`, status);
      });
      messages.forEach((message, k) => {
        const converted = isWaPermissionReply(message)
          ? fromPermissionReply(message, ctx)
          : { skip: 'a message that is not a call permission reply' };
        out.add(converted, `${path}.messages[${k}]`, message);
      });
      if ((value.errors?.length ?? 0) > 0 && !calls.some((call) => call.event === 'terminate')) {
        out.ignore('errors with no terminate to attach them to', `${path}.errors`, value.errors);
      }
    });
  });
  return out.result();
}

function fromConnect(call: WaCallConnect, ctx: ChangeContext): NormalizedEvent | Skip {
  const occurredAt = unixSecondsToMs(call.timestamp);
  if (occurredAt === undefined) return { skip: 'unreadable timestamp' };
  const common = {
    channel: 'whatsapp',
    callId: call.id,
    occurredAt,
    endpointId: ctx.endpointId,
    idempotencyKey: keyFor(ctx, call.id, 'connect', occurredAt, call.direction),
  } as const;
  if (call.direction === 'USER_INITIATED') {
    if (call.session.sdp_type !== 'offer')
      return { skip: 'user-initiated connect without an offer' };
    const caller = customerParty(ctx.value, call.from, call.from_user_id);
    if (!caller)
      return { skip: 'user-initiated connect names no caller (no from, no from_user_id)' };
    return compact({
      ...common,
      kind: 'call.offered',
      caller,
      called: { id: call.to ?? ctx.value.metadata.display_phone_number },
      sdpOffer: call.session.sdp,
      deeplinkPayload: call.deeplink_payload,
      ctaPayload: call.cta_payload,
    });
  }
  if (call.session.sdp_type !== 'answer') {
    return { skip: 'business-initiated connect without an answer' };
  }
  return compact({
    ...common,
    kind: 'call.outbound-progress',
    progress: 'connected',
    callee: call.to ?? call.to_user_id,
    sdpAnswer: call.session.sdp,
    bizOpaqueCallbackData: call.biz_opaque_callback_data,
  });
}

function fromTerminate(call: WaCallTerminate, ctx: ChangeContext): NormalizedEvent | Skip {
  const occurredAt = unixSecondsToMs(call.timestamp);
  if (occurredAt === undefined) return { skip: 'unreadable timestamp' };
  const status = call.status === 'FAILED' ? 'failed' : 'completed';
  // meta puts errors beside the calls array or inside the call: take both
  const errorItems: MetaErrorItem[] = [...(ctx.value.errors ?? []), ...(call.errors ?? [])];
  return compact({
    kind: 'call.terminated',
    channel: 'whatsapp',
    callId: call.id,
    occurredAt,
    endpointId: ctx.endpointId,
    idempotencyKey: keyFor(ctx, call.id, 'terminate', occurredAt, status),
    status,
    startedAt: unixSecondsToMs(call.start_time),
    endedAt: unixSecondsToMs(call.end_time),
    durationSec: call.duration,
    errors: toMetaErrors(errorItems),
    bizOpaqueCallbackData: call.biz_opaque_callback_data,
  });
}

/** a recording or transcript webhook: a media id to fetch, or Meta's failure */
function fromMedia(call: WaCallMedia, ctx: ChangeContext): NormalizedEvent | Skip {
  const occurredAt = unixSecondsToMs(call.timestamp);
  if (occurredAt === undefined) return { skip: 'unreadable timestamp' };
  const failed = call.status === 'FAILED' || call.media_id === undefined;
  if (failed && call.status !== 'FAILED' && (call.errors?.length ?? 0) === 0) {
    return { skip: `${call.event} event with neither a media id nor a failure` };
  }
  const media = call.event === 'recording' ? 'recording' : 'transcript';
  return compact({
    kind: 'media.ready',
    channel: 'whatsapp',
    callId: call.id,
    occurredAt,
    endpointId: ctx.endpointId,
    // one recording (one transcript) per call: a redelivery is the same event
    idempotencyKey: keyFor(ctx, call.id, call.event, 0, failed ? 'failed' : 'available'),
    media,
    mediaId: failed ? undefined : call.media_id,
    status: failed ? 'failed' : 'available',
    errors: toMetaErrors(call.errors ?? []),
  });
}

const progressOf: Record<WaCallStatus['status'], OutboundProgress> = {
  RINGING: 'ringing',
  ACCEPTED: 'accepted',
  REJECTED: 'rejected',
};

function fromStatus(status: WaCallStatus, ctx: ChangeContext): NormalizedEvent | Skip {
  const occurredAt = unixSecondsToMs(status.timestamp);
  if (occurredAt === undefined) return { skip: 'unreadable timestamp' };
  const progress = progressOf[status.status];
  return compact({
    kind: 'call.outbound-progress',
    channel: 'whatsapp',
    callId: status.id,
    occurredAt,
    endpointId: ctx.endpointId,
    idempotencyKey: keyFor(ctx, status.id, 'status', occurredAt, progress),
    progress,
    callee: status.recipient_id ?? status.recipient_user_id,
    bizOpaqueCallbackData: status.biz_opaque_callback_data,
  });
}

function fromPermissionReply(
  message: WaPermissionReplyMessage,
  ctx: ChangeContext,
): NormalizedEvent | Skip {
  const occurredAt = unixSecondsToMs(message.timestamp);
  if (occurredAt === undefined) return { skip: 'unreadable timestamp' };
  const reply = message.interactive.call_permission_reply;
  const response = reply.response === 'accept' ? 'granted' : 'denied';
  const user = customerParty(ctx.value, message.from, message.from_user_id);
  if (!user) return { skip: 'permission reply names no customer (no from, no from_user_id)' };
  return compact({
    kind: 'permission.updated',
    channel: 'whatsapp',
    occurredAt,
    endpointId: ctx.endpointId,
    idempotencyKey: keyFor(ctx, user.id, 'call_permission_reply', occurredAt, response),
    user: user.id,
    userId: user.userId,
    userName: user.name,
    response,
    permanent: reply.is_permanent,
    expiresAt: unixSecondsToMs(reply.expiration_timestamp),
    source: reply.response_source,
    contextId: message.context?.id,
  });
}

/**
 * The customer as Meta names them (*Business-scoped user IDs*): a phone number, a BSUID, or both.
 * `id` is the phone when sent, else the BSUID; name and `@username` come from `contacts`, matched
 * by wa_id or user_id. Meta's wa_id can be written differently from `from` (some countries'
 * numbers are rewritten), so when the change has one contact and every connect in it comes from
 * one customer, that contact is theirs.
 */
function customerParty(
  value: WaChangeValue,
  phone: string | undefined,
  userId: string | undefined,
): Party | undefined {
  const contact = contactOf(value, phone, userId);
  const bsuid = userId ?? contact?.user_id;
  const id = phone ?? bsuid;
  if (id === undefined) return undefined;
  return compact({
    id,
    name: contact?.profile?.name,
    userId: bsuid,
    username: contact?.profile?.username,
  });
}

type WaContact = NonNullable<WaChangeValue['contacts']>[number];

function contactOf(
  value: WaChangeValue,
  phone: string | undefined,
  userId: string | undefined,
): WaContact | undefined {
  const contacts = value.contacts ?? [];
  const exact = contacts.find(
    (contact) =>
      (phone !== undefined && contact.wa_id === phone) ||
      (userId !== undefined && contact.user_id === userId),
  );
  if (exact) return exact;
  const only = contacts.length === 1 ? contacts[0] : undefined;
  const callers = new Set(
    (value.calls ?? [])
      .filter((call) => call.event === 'connect')
      .map((call) => call.from ?? call.from_user_id),
  );
  return only && callers.size === 1 ? only : undefined;
}

function keyFor(
  ctx: ChangeContext,
  subject: string,
  event: string,
  occurredAt: number,
  detail?: string,
): string {
  const parts = ['whatsapp', ctx.endpointId, subject, event, occurredAt / 1000];
  return idempotencyKey(detail === undefined ? parts : [...parts, detail]);
}
