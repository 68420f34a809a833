import { msgrTerminate } from '../webhooks/messenger-events';
import { waTerminate } from '../webhooks/whatsapp-events';
import { makeCallMedia } from './call-media';
import { findNumber, type EngineContext } from './context';
import { grantImplicitMessengerPermission, reportAutomaticRevoke } from './permission-changes';
import { acceptedAt, type CallFailure, type EndReason, type SimCall } from './sim-call';

/**
 * Ends a call the way Meta does: the state moves to `ended`, the call's timers stop, the
 * terminate webhook goes out (not when the simulator itself is closing) and the caller's media
 * closes. A second end is a no-op. Run it inside `store.serial` for the call.
 *
 * @example
 * await store.serial(call.id, () => endCall(ctx, call, 'business-terminated'));
 */
export async function endCall(
  ctx: EngineContext,
  call: SimCall,
  reason: EndReason,
  failure: CallFailure | null = null,
): Promise<void> {
  const now = ctx.config.now();
  const moved = ctx.store.move(call, {
    state: 'ended',
    acceptedAt: acceptedAt(call.phase),
    endedAt: now,
    reason,
    failure,
  });
  if (!moved) return;
  for (const cleanup of ctx.cleanups.get(call.id) ?? []) cleanup();
  ctx.cleanups.delete(call.id);
  if (reason !== 'sim-closed') sendTerminate(ctx, call, now);
  updatePermissions(ctx, call, reason);
  const media = call.media;
  // what Meta recorded or transcribed, once the call is over (its webhooks after terminate)
  if (reason !== 'sim-closed') makeCallMedia(ctx, call);
  if (media) {
    await media.close().catch((error: unknown) => {
      ctx.config.emit({
        type: 'warning',
        message: `call ${call.id}: closing the caller's media failed: ${String(error)}`,
      });
    });
  }
}

function sendTerminate(ctx: EngineContext, call: SimCall, now: number): void {
  if (call.channel === 'messenger') {
    ctx.send(msgrTerminate(call, now));
    return;
  }
  const number = findNumber(ctx, call.businessId);
  if (number) ctx.send(waTerminate(number, call, now, ctx.config.quirks));
}

/**
 * What the end of a call does to call permissions: a connected inbound call resets the request
 * limits (the outbound ones counted at pickup); an outbound call not answered or rejected
 * counts towards the automatic revoke; a Messenger customer's connected or missed call grants
 * permission implicitly.
 */
function updatePermissions(ctx: EngineContext, call: SimCall, reason: EndReason): void {
  const connected = acceptedAt(call.phase) !== null;
  if (call.direction === 'user_initiated') {
    if (connected) {
      ctx.permissions.recordConnected(call.channel, call.businessId, call.userId, call.direction);
    }
    if (call.channel === 'messenger' && (connected || reason === 'not-answered')) {
      grantImplicitMessengerPermission(ctx, call);
    }
    return;
  }
  if (reason !== 'not-answered' && reason !== 'user-rejected') return;
  const result = ctx.permissions.recordMissed(call.channel, call.businessId, call.userId);
  if (result === 'revoked') reportAutomaticRevoke(ctx, call);
}

/** Meta's failure when no media reaches it (meta-calling.md §2.2, §2.6) */
export function mediaTimeoutFailure(limitMs: number, midCall: boolean): CallFailure {
  // "20 seconds" in life; short test timeouts read "0.15 seconds"
  const seconds = Number((limitMs / 1000).toFixed(2));
  return {
    code: 138021,
    message: 'Media receive timeout',
    details: midCall
      ? `No media received from the business for ${seconds} seconds`
      : `No media received from the business within ${seconds} seconds`,
  };
}
