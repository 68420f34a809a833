import { acceptedAt, type SimCall } from '../engine/sim-call';
import { msgrSeconds, type MetaItem, type WebhookEvent } from './webhook-event';

/**
 * The `connect` webhook (no SDP on Messenger).
 *
 * @example
 * sender.enqueue(msgrConnect(call, Date.now()));
 */
export function msgrConnect(call: SimCall, now: number): WebhookEvent {
  const inbound = call.direction === 'user_initiated';
  return callsEvent(call, 'connect', now, {
    to: inbound ? call.businessId : call.userId,
    from: inbound ? call.userId : call.businessId,
    event: 'connect',
    timestamp: msgrSeconds(now),
    call_direction: call.direction,
  });
}

/**
 * A business-initiated call's progress.
 *
 * @example
 * sender.enqueue(msgrCallStatus(call, 'ringing', Date.now()));
 */
export function msgrCallStatus(
  call: SimCall,
  status: 'ringing' | 'accepted',
  now: number,
): WebhookEvent {
  return callsEvent(call, `call_status:${status}`, now, {
    event: 'call_status',
    timestamp: msgrSeconds(now),
    recipient_id: call.userId,
    call_status: status,
  });
}

/**
 * A new offer from the user's side; `version` grows with each one.
 *
 * @example
 * sender.enqueue(msgrMediaUpdate(call, 2, offerSdp, Date.now()));
 */
export function msgrMediaUpdate(
  call: SimCall,
  version: number,
  sdp: string,
  now: number,
): WebhookEvent {
  return callsEvent(call, 'media_update', now, {
    event: 'media_update',
    timestamp: msgrSeconds(now),
    session: { version, sdp_renegotiation: { sdp_type: 'offer', sdp } },
  });
}

/**
 * The `terminate` webhook: "Completed" (rejections included) or "Failed"; times when the
 * business had connected.
 *
 * @example
 * sender.enqueue(msgrTerminate(call, Date.now()));
 */
export function msgrTerminate(call: SimCall, now: number): WebhookEvent {
  const { phase } = call;
  const failed = phase.state === 'ended' && phase.failure !== null;
  const start = acceptedAt(phase);
  const end = phase.state === 'ended' ? phase.endedAt : now;
  return callsEvent(call, 'terminate', now, {
    event: 'terminate',
    timestamp: msgrSeconds(now),
    status: failed ? 'Failed' : 'Completed',
    ...(start === null
      ? {}
      : {
          start_time: msgrSeconds(start),
          end_time: msgrSeconds(end),
          duration: Math.max(0, Math.round((end - start) / 1000)),
        }),
  });
}

/**
 * The user's answer to a calling opt-in request, as Meta's *Business-initiated call flow* page
 * shows it: an entry of its own (`sender`, `recipient`, `timestamp`, `call_permission_reply`),
 * with `expiration_timestamp` only when approved.
 *
 * @example
 * sender.enqueue(msgrPermissionReply(pageId, psid, 'approve', expiresAt, Date.now()));
 */
export function msgrPermissionReply(
  pageId: string,
  psid: string,
  response: 'approve' | 'reject',
  expiresAt: number | null,
  now: number,
): WebhookEvent {
  return {
    channel: 'messenger',
    kind: 'permission_reply',
    callId: null,
    body: {
      object: 'page',
      entry: [
        {
          sender: { id: psid },
          recipient: { id: pageId },
          timestamp: msgrSeconds(now),
          call_permission_reply: {
            response,
            ...(expiresAt === null ? {} : { expiration_timestamp: msgrSeconds(expiresAt) }),
          },
        },
      ],
    },
  };
}

function callsEvent(call: SimCall, kind: string, now: number, item: MetaItem): WebhookEvent {
  return {
    channel: 'messenger',
    kind,
    callId: call.id,
    body: {
      object: 'page',
      entry: [{ id: call.businessId, time: msgrSeconds(now), calls: [{ id: call.id, ...item }] }],
    },
  };
}
