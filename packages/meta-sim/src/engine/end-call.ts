import { msgrTerminate } from '../webhooks/messenger-events';
import { waTerminate } from '../webhooks/whatsapp-events';
import { findNumber, type EngineContext } from './context';
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
  if (call.direction === 'business_initiated' && reason === 'not-answered') {
    countUnanswered(ctx, call);
  }
  const media = call.media;
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

function countUnanswered(ctx: EngineContext, call: SimCall): void {
  const result = ctx.permissions.recordUnanswered(call.channel, call.businessId, call.userId);
  if (result === 'revoked') {
    ctx.config.emit({
      type: 'permission',
      channel: call.channel,
      businessId: call.businessId,
      userId: call.userId,
      status: 'no_permission',
    });
  }
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
