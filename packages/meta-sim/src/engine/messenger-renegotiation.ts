import { msgrCallStatus, msgrMediaUpdate } from '../webhooks/messenger-events';
import type { EngineContext } from './context';
import type { SimCall } from './sim-call';

/**
 * Meta's renegotiation on a Messenger call (Messenger calling *Appendix*, *Calling webhooks*):
 * the caller's media writes the two-section offer (mid 0 `recvonly`, mid 1 `sendonly`) and from
 * then on sends the caller's voice on mid 1 only. `version` counts up with every `media_update`
 * webhook; the accept reply's `sdp_renegotiation` does not count (it is no webhook).
 * The business sends nothing back in Meta's samples; an answer it does send is only checked.
 *
 * @example
 * const sdp = await renegotiate(call); // for accept's reply
 * await sendMediaUpdate(ctx, call);     // webhook media_update, version 1, 2, …
 */
export async function renegotiate(call: SimCall): Promise<string> {
  if (!call.media) throw new Error(`call ${call.id} has no media to renegotiate`);
  const sdp = await call.media.createReoffer();
  call.pendingReoffer = sdp;
  return sdp;
}

/** a `media_update` webhook with a new renegotiation offer; resolves with its version */
export async function sendMediaUpdate(ctx: EngineContext, call: SimCall): Promise<number> {
  const sdp = await renegotiate(call);
  call.version += 1;
  ctx.send(msgrMediaUpdate(call, call.version, sdp, ctx.config.now()));
  return call.version;
}

/**
 * A business-initiated call picked up: `call_status` accepted, then `media_update` version 1
 * with the renegotiation (what Meta's business-initiated flow shows). The caller's voice moves
 * to mid 1 before this returns, so audio started right after never goes out on mid 0. It never
 * rejects: a renegotiation that cannot be written (the call ended under it) is reported as a
 * process warning with the call's id.
 */
export async function pickUpMessenger(ctx: EngineContext, call: SimCall): Promise<void> {
  ctx.send(msgrCallStatus(call, 'accepted', ctx.config.now()));
  try {
    // createReoffer switches the voice before its first await; the webhook follows
    await sendMediaUpdate(ctx, call);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    process.emitWarning(`call ${call.id}: the pickup media_update could not be written: ${why}`);
  }
}
