import {
  isMsgrPermissionReply,
  type MsgrCall,
  type MsgrPermissionReply,
  type MsgrWebhook,
} from '@ringside/contracts';
import type { NormalizedEvent, NormalizeResult } from './events';
import { idempotencyKey } from './idempotency';
import { toMetaErrors } from './meta-error';
import { unixSecondsToMs } from './meta-time';
import { NormalizeCollector, type Skip } from './normalize-shared';
import { compact } from './step';

/**
 * Turns a parsed Messenger (`object: "page"`) webhook into flat events: every entry, call
 * event and permission reply. Other Page events come back in `ignored`. Never throws.
 *
 * @example
 * const { events } = normalizeMessenger(msgrWebhookSchema.parse(json));
 * events.map((e) => e.idempotencyKey); // one key per distinct Meta event
 */
export function normalizeMessenger(body: MsgrWebhook): NormalizeResult {
  const out = new NormalizeCollector('messenger');
  body.entry.forEach((entry, i) => {
    const path = `entry[${i}]`;
    const calls = entry.calls ?? [];
    const messaging = entry.messaging ?? [];
    if (calls.length + messaging.length === 0) {
      out.ignore('no calls or permission replies in this entry', path, entry);
    }
    calls.forEach((call, k) => {
      out.add(fromCall(call, entry.id), `${path}.calls[${k}]`, call);
    });
    messaging.forEach((item, k) => {
      const converted = isMsgrPermissionReply(item)
        ? fromPermissionReply(item, entry.id)
        : { skip: 'a page event that is not a call permission reply' };
      out.add(converted, `${path}.messaging[${k}]`, item);
    });
  });
  return out.result();
}

function fromCall(call: MsgrCall, pageId: string): NormalizedEvent | Skip {
  const occurredAt = unixSecondsToMs(call.timestamp);
  if (occurredAt === undefined) return { skip: 'unreadable timestamp' };
  const common = { channel: 'messenger', callId: call.id, occurredAt, endpointId: pageId } as const;
  const key = (...detail: (string | number)[]) =>
    idempotencyKey(['messenger', pageId, call.id, call.event, call.timestamp, ...detail]);

  switch (call.event) {
    case 'connect':
      if (call.call_direction === 'user_initiated') {
        return {
          ...common,
          kind: 'call.offered',
          idempotencyKey: key(call.call_direction),
          caller: { id: call.from },
          called: { id: call.to },
        };
      }
      return {
        ...common,
        kind: 'call.outbound-progress',
        idempotencyKey: key(call.call_direction),
        progress: 'connected',
        callee: call.to,
      };
    case 'call_status':
      return {
        ...common,
        kind: 'call.outbound-progress',
        idempotencyKey: key(call.call_status),
        progress: call.call_status,
        callee: call.recipient_id,
      };
    case 'media_update':
      return {
        ...common,
        kind: 'call.media-offer',
        idempotencyKey: key(call.session.version),
        version: call.session.version,
        sdp: call.session.sdp_renegotiation.sdp,
      };
    case 'terminate': {
      const status = call.status === 'FAILED' ? 'failed' : 'completed';
      return compact({
        ...common,
        kind: 'call.terminated',
        idempotencyKey: key(status),
        status,
        startedAt: unixSecondsToMs(call.start_time),
        endedAt: unixSecondsToMs(call.end_time),
        durationSec: call.duration,
        errors: toMetaErrors(call.errors ?? []),
      });
    }
  }
}

function fromPermissionReply(reply: MsgrPermissionReply, pageId: string): NormalizedEvent | Skip {
  const occurredAt = unixSecondsToMs(reply.timestamp);
  if (occurredAt === undefined) return { skip: 'unreadable timestamp' };
  const response = reply.call_permission_reply.response === 'approve' ? 'granted' : 'denied';
  return compact({
    kind: 'permission.updated',
    channel: 'messenger',
    occurredAt,
    endpointId: pageId,
    idempotencyKey: idempotencyKey([
      'messenger',
      pageId,
      reply.sender.id,
      'call_permission_reply',
      reply.timestamp,
      response,
    ]),
    user: reply.sender.id,
    response,
    expiresAt: unixSecondsToMs(reply.call_permission_reply.expiration_timestamp),
  });
}
