import type {
  MsgrConnectBody,
  MsgrConnectReply,
  WaConnectBody,
  WaConnectReply,
} from '@ringside/contracts';
import type { CallerMedia } from '../media/media-endpoint';
import { msgrCallStatus, msgrConnect } from '../webhooks/messenger-events';
import { pickUpMessenger } from './messenger-renegotiation';
import { waConnect, waStatus } from '../webhooks/whatsapp-events';
import type { SimMessengerPage, SimWhatsAppNumber } from './config';
import { calleeBehaviour, onEnd, type EngineContext } from './context';
import { optedIn } from './call-media';
import { endCall } from './end-call';
import { newMessengerCallId, newWhatsAppCallId } from './ids';
import { watchMedia } from './media-watch';
import { newCall } from './new-call';
import { refuse, succeed, type Outcome } from './outcome';
import { startRingTimer } from './ring-timer';
import { checkBusinessOffer } from './sdp-checks';
import { isLive, type Channel, type SimCall } from './sim-call';

/** the profile name Meta reports for a callee the tests did not name */
export const DEFAULT_CALLEE_NAME = 'Sim Callee';

/**
 * WhatsApp `connect`: checks calling is on, the user's permission and limits, and the offer;
 * the callee's phone answers the offer; then the connect webhook (Meta's answer), RINGING, and
 * ACCEPTED / REJECTED / nothing as the callee behaves.
 *
 * @example
 * const outcome = await connectWhatsApp(ctx, number, body);
 * if (outcome.ok) outcome.value.calls[0].id;
 */
export async function connectWhatsApp(
  ctx: EngineContext,
  number: SimWhatsAppNumber,
  body: WaConnectBody,
): Promise<Outcome<WaConnectReply>> {
  const businessId = number.phoneNumberId;
  if (!ctx.settings.callingEnabled(businessId)) {
    return refuse(138000, `calling is not enabled for phone number ${businessId}`);
  }
  // a phone number in `to` (it wins), or a business-scoped user id in `recipient`
  const userId = body.to ?? body.recipient;
  if (userId === undefined) return refuse(100, 'to or recipient is required');
  const ready = await prepare(ctx, 'whatsapp', businessId, userId, body.session.sdp);
  if (!ready.ok) return ready;
  const call = newCall({
    id: newWhatsAppCallId(),
    channel: 'whatsapp',
    direction: 'business_initiated',
    businessId,
    userId,
    userName: calleeBehaviour(ctx, userId).name ?? DEFAULT_CALLEE_NAME,
    createdAt: ctx.config.now(),
    media: ready.value,
    mediaOptions: ctx.config.callerMedia,
    bizOpaqueCallbackData: body.biz_opaque_callback_data ?? null,
  });
  call.capture = optedIn(body);
  ctx.store.add(call);
  const answer = ctx.config.quirks.actpassInAnswer
    ? ready.value.localDescription.replace(/a=setup:(active|passive)/g, 'a=setup:actpass')
    : ready.value.localDescription;
  ctx.send(waConnect(number, call, { sdp_type: 'answer', sdp: answer }, ctx.config.now()));
  ctx.send(waStatus(number, call, 'RINGING', ctx.config.now()));
  ring(ctx, call, {
    pickUp: () => ctx.send(waStatus(number, call, 'ACCEPTED', ctx.config.now())),
    decline: () => ctx.send(waStatus(number, call, 'REJECTED', ctx.config.now())),
  });
  return succeed({ messaging_product: 'whatsapp', calls: [{ id: call.id }] });
}

/**
 * Messenger `connect`: permission, offer, the callee answers; the reply carries the answer,
 * then the connect webhook, call_status ringing and, on pickup, accepted.
 *
 * @example
 * const outcome = await connectMessenger(ctx, page, body);
 * if (outcome.ok) outcome.value.session.sdp_response.sdp;
 */
export async function connectMessenger(
  ctx: EngineContext,
  page: SimMessengerPage,
  body: MsgrConnectBody,
): Promise<Outcome<MsgrConnectReply>> {
  const ready = await prepare(ctx, 'messenger', page.pageId, body.to, body.session.sdp);
  if (!ready.ok) return ready;
  const call = newCall({
    id: newMessengerCallId(),
    channel: 'messenger',
    direction: 'business_initiated',
    businessId: page.pageId,
    userId: body.to,
    userName: calleeBehaviour(ctx, body.to).name ?? DEFAULT_CALLEE_NAME,
    createdAt: ctx.config.now(),
    media: ready.value,
    mediaOptions: ctx.config.callerMedia,
  });
  ctx.store.add(call);
  ctx.send(msgrConnect(call, ctx.config.now()));
  ctx.send(msgrCallStatus(call, 'ringing', ctx.config.now()));
  ring(ctx, call, {
    // call_status accepted, then media_update v1 with Meta's renegotiation (voice on mid 1)
    pickUp: () => void pickUpMessenger(ctx, call),
    // messenger has no rejected status: the terminate (Completed) says it all
    decline: () => {},
  });
  return succeed({
    success: true,
    id: call.id,
    session: { sdp_response: { sdp_type: 'answer', sdp: ready.value.localDescription } },
  });
}

/** the checks both channels share, then the callee's endpoint answering the offer */
async function prepare(
  ctx: EngineContext,
  channel: Channel,
  businessId: string,
  userId: string,
  offer: string,
): Promise<Outcome<CallerMedia>> {
  const refusal = ctx.permissions.refuseCall(channel, businessId, userId);
  if (refusal === 138006) return refuse(138006, `user ${userId} has not granted call permission`);
  if (refusal !== null) return refuse(refusal, `call limits for user ${userId} are reached`);
  const busy = ctx.store
    .all()
    .some(
      (c) =>
        isLive(c) && c.channel === channel && c.businessId === businessId && c.userId === userId,
    );
  if (busy) return refuse(138003, `a call with user ${userId} is already ongoing`);
  const check = checkBusinessOffer(offer);
  if (!check.ok) return check;
  try {
    // with the actpass quirk the business reads Meta's actpass as active: the callee must be so
    const answerSetup = ctx.config.quirks.actpassInAnswer ? 'active' : 'passive';
    const options = { ...ctx.config.callerMedia, channel, answerSetup } as const;
    return succeed(await ctx.media.answer(offer, options));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return refuse(100, `invalid SDP: the callee could not answer the offer: ${why}`);
  }
}

/** the callee's phone rings; it picks up, declines or lets it ring out */
function ring(
  ctx: EngineContext,
  call: SimCall,
  report: { pickUp: () => void; decline: () => void },
): void {
  startRingTimer(ctx, call);
  const behaviour = calleeBehaviour(ctx, call.userId);
  if (behaviour.answer === 'none') return;
  const cancel = ctx.timers.after(behaviour.pickupDelayMs, () => {
    void ctx.store.serial(call.id, async () => {
      if (call.phase.state !== 'ringing') return;
      if (behaviour.answer === 'reject') {
        report.decline();
        await endCall(ctx, call, 'user-rejected');
        return;
      }
      ctx.store.move(call, { state: 'accepted', acceptedAt: ctx.config.now() });
      ctx.permissions.recordConnected(call.channel, call.businessId, call.userId, call.direction);
      report.pickUp();
      call.media?.startAudio();
      watchMedia(ctx, call);
    });
  });
  onEnd(ctx, call.id, cancel);
}
