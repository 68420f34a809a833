import type {
  MsgrAcceptBody,
  MsgrAcceptReply,
  MsgrCallActionBody,
  MsgrMediaUpdateBody,
  MsgrSuccessReply,
} from '@ringside/contracts';
import type { SimMessengerPage } from './config';
import type { EngineContext } from './context';
import { endCall } from './end-call';
import { watchMedia } from './media-watch';
import { refuse, succeed, type Outcome } from './outcome';
import { renegotiate } from './messenger-renegotiation';
import { connectMessenger } from './outbound';
import { checkBusinessAnswer, checkBusinessOffer } from './sdp-checks';
import type { SimCall } from './sim-call';
import { unknownCall, wrongDirection, wrongState } from './state-errors';

const SUCCESS: MsgrSuccessReply = { success: true };

/**
 * `POST /{page-id}/calls` with a body already validated: Meta's rules for each action.
 *
 * @example
 * const outcome = await messengerCallAction(ctx, page, body);
 * if (outcome.ok) res.json(outcome.value);
 */
export async function messengerCallAction(
  ctx: EngineContext,
  page: SimMessengerPage,
  body: MsgrCallActionBody,
): Promise<Outcome<object>> {
  if (body.action === 'connect') return connectMessenger(ctx, page, body);
  const call = ctx.store.get(body.call_id);
  if (!call || call.channel !== 'messenger' || call.businessId !== page.pageId) {
    return unknownCall(body.call_id, page.pageId);
  }
  return ctx.store.serial(call.id, async (): Promise<Outcome<object>> => {
    switch (body.action) {
      case 'accept':
        return accept(ctx, call, body);
      case 'reject':
        if (call.direction !== 'user_initiated') return wrongDirection(call, 'reject');
        if (call.phase.state !== 'ringing') return wrongState(call, 'reject');
        await endCall(ctx, call, 'business-rejected');
        return succeed(SUCCESS);
      case 'terminate':
        if (call.phase.state === 'ended') return wrongState(call, 'terminate');
        await endCall(ctx, call, 'business-terminated');
        return succeed(SUCCESS);
      case 'media_update':
        return mediaUpdate(call, body);
    }
  });
}

/**
 * the business's offer; the caller answers it, and Meta's reply carries the answer and the
 * renegotiation offer (two audio sections, the caller's voice on mid 1), then the caller talks
 */
async function accept(
  ctx: EngineContext,
  call: SimCall,
  body: MsgrAcceptBody,
): Promise<Outcome<MsgrAcceptReply>> {
  if (call.direction !== 'user_initiated') return wrongDirection(call, 'accept');
  if (call.phase.state !== 'ringing') return wrongState(call, 'accept');
  const offer = body.session.sdp;
  const check = checkBusinessOffer(offer);
  if (!check.ok) return check;
  try {
    call.media = await ctx.media.answer(offer, { ...call.mediaOptions, channel: 'messenger' });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return refuse(100, `invalid SDP: the caller could not answer the offer: ${why}`);
  }
  const answer = call.media.localDescription;
  const renegotiation = await renegotiate(call);
  ctx.store.move(call, { state: 'accepted', acceptedAt: ctx.config.now() });
  call.media.startAudio();
  watchMedia(ctx, call);
  return succeed({
    success: true,
    session: {
      sdp_response: { sdp_type: 'answer', sdp: answer },
      sdp_renegotiation: { sdp_type: 'offer', sdp: renegotiation },
    },
  });
}

// versions: every re-offer from the user's side raises `call.version`; the business answers
// it by moving from that version to a higher one (meta-calling.md §3.3, unconfirmed details)
async function mediaUpdate(call: SimCall, body: MsgrMediaUpdateBody): Promise<Outcome<object>> {
  if (call.phase.state !== 'accepted' || !call.media) return wrongState(call, 'media_update');
  if (body.session.sdp_type === 'offer') {
    return refuse(100, 'the simulated caller cannot answer a re-offer from the business');
  }
  const reoffer = call.pendingReoffer;
  if (reoffer === null)
    return refuse(100, `no media_update offer awaits an answer on call ${call.id}`);
  if (body.from_version !== call.version || body.to_version <= body.from_version) {
    return refuse(
      100,
      `version mismatch: call ${call.id} is at version ${call.version}; ` +
        `send from_version ${call.version} and a higher to_version`,
    );
  }
  const check = checkBusinessAnswer(body.session.sdp, reoffer);
  if (!check.ok) return check;
  try {
    await call.media.setReofferAnswer(body.session.sdp);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return refuse(100, `invalid SDP: the answer could not be applied: ${why}`);
  }
  call.version = body.to_version;
  call.pendingReoffer = null;
  return succeed(SUCCESS);
}
