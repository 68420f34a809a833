import type {
  WaAcceptBody,
  WaCallActionBody,
  WaPreAcceptBody,
  WaSuccessReply,
} from '@ringside/contracts';
import type { SimWhatsAppNumber } from './config';
import type { EngineContext } from './context';
import { optedIn } from './call-media';
import { endCall } from './end-call';
import { watchMedia } from './media-watch';
import { refuse, succeed, type Outcome } from './outcome';
import { connectWhatsApp } from './outbound';
import { checkBusinessAnswer, firstDifference } from './sdp-checks';
import type { SimCall } from './sim-call';
import { unknownCall, wrongDirection, wrongState } from './state-errors';

const SUCCESS: WaSuccessReply = { messaging_product: 'whatsapp', success: true };

/** meta's reply to a call action: the reference tables' shape, or the bare one when asked */
function success(ctx: EngineContext): Outcome<object> {
  return succeed(ctx.config.quirks.bareSuccess ? { success: true } : SUCCESS);
}

/**
 * `POST /{phone-number-id}/calls` with a body already validated: Meta's rules for each action.
 *
 * @example
 * const outcome = await whatsappCallAction(ctx, number, body);
 * if (outcome.ok) res.json(outcome.value);
 */
export async function whatsappCallAction(
  ctx: EngineContext,
  number: SimWhatsAppNumber,
  body: WaCallActionBody,
): Promise<Outcome<object>> {
  const id = number.phoneNumberId;
  if (ctx.settings.sipEnabled(id)) {
    return refuse(131055, 'Graph calling is off for this number while SIP is enabled');
  }
  if (body.action === 'connect') return connectWhatsApp(ctx, number, body);
  const call = ctx.store.get(body.call_id);
  if (!call || call.channel !== 'whatsapp' || call.businessId !== id) {
    return unknownCall(body.call_id, id);
  }
  return ctx.store.serial(call.id, async (): Promise<Outcome<object>> => {
    switch (body.action) {
      case 'pre_accept':
        return preAccept(ctx, call, body);
      case 'accept':
        return accept(ctx, call, body);
      case 'reject':
        if (call.direction !== 'user_initiated') return wrongDirection(call, 'reject');
        if (call.phase.state !== 'ringing' && call.phase.state !== 'pre-accepted') {
          return wrongState(call, 'reject');
        }
        await endCall(ctx, call, 'business-rejected');
        return success(ctx);
      case 'terminate':
        if (call.phase.state === 'ended') return wrongState(call, 'terminate');
        await endCall(ctx, call, 'business-terminated');
        return success(ctx);
    }
  });
}

async function preAccept(
  ctx: EngineContext,
  call: SimCall,
  body: WaPreAcceptBody,
): Promise<Outcome<object>> {
  if (call.direction !== 'user_initiated') return wrongDirection(call, 'pre_accept');
  const sdp = body.session.sdp;
  if (call.phase.state === 'pre-accepted') {
    // the same pre_accept again changes nothing; another answer cannot replace the first
    if (call.phase.answerSdp === sdp) return success(ctx);
    return refuse(
      100,
      'the call is already pre-accepted with another answer; WhatsApp cannot renegotiate',
    );
  }
  if (call.phase.state !== 'ringing') return wrongState(call, 'pre_accept');
  const applied = await applyAnswer(call, sdp);
  if (!applied.ok) return applied;
  ctx.store.move(call, { state: 'pre-accepted', answerSdp: sdp });
  return success(ctx);
}

async function accept(
  ctx: EngineContext,
  call: SimCall,
  body: WaAcceptBody,
): Promise<Outcome<object>> {
  if (call.direction !== 'user_initiated') return wrongDirection(call, 'accept');
  const sdp = body.session.sdp;
  const { phase } = call;
  if (phase.state === 'pre-accepted') {
    if (phase.answerSdp !== sdp) {
      return refuse(
        100,
        `the accept SDP must be byte-identical to the pre_accept SDP (${firstDifference(phase.answerSdp, sdp)})`,
      );
    }
  } else if (phase.state === 'ringing') {
    const applied = await applyAnswer(call, sdp);
    if (!applied.ok) return applied;
  } else {
    return wrongState(call, 'accept');
  }
  if (body.biz_opaque_callback_data !== undefined) {
    call.bizOpaqueCallbackData = body.biz_opaque_callback_data;
  }
  call.capture = optedIn(body);
  ctx.store.move(call, { state: 'accepted', acceptedAt: ctx.config.now() });
  // media flows once accept returns: the caller starts talking
  call.media?.startAudio();
  watchMedia(ctx, call);
  return success(ctx);
}

/** checks the business's answer against the caller's offer, then applies it */
async function applyAnswer(call: SimCall, sdp: string): Promise<Outcome<void>> {
  const media = call.media;
  if (!media) return refuse(100, `call ${call.id} has no caller media to answer`);
  const check = checkBusinessAnswer(sdp, media.localDescription);
  if (!check.ok) return check;
  try {
    await media.setRemoteAnswer(sdp);
  } catch (error) {
    return refuse(100, `invalid SDP: the answer could not be applied: ${describe(error)}`);
  }
  return succeed(undefined);
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
