import type { CallerMediaOptions } from '../media/media-endpoint';
import { msgrConnect } from '../webhooks/messenger-events';
import { waConnect } from '../webhooks/whatsapp-events';
import { createCallHandle, type CallHandle } from './call-handle';
import { findNumber, findPage, type EngineContext } from './context';
import { isBsuid } from '@ringside/contracts';
import { newBsuid, newCallerNumber, newMessengerCallId, newPsid, newWhatsAppCallId } from './ids';
import { newCall } from './new-call';
import { grantCallbackPermission } from './permission-changes';
import { startRingTimer } from './ring-timer';

/** a call the user places to the business */
export interface PlaceCallOptions {
  channel: 'whatsapp' | 'messenger';
  /** the caller: a wa_id (digits) or a PSID; random when left out */
  from?: string;
  /** the caller's WhatsApp profile name (Messenger webhooks carry no name) */
  name?: string;
  /**
   * WhatsApp: `username` for a caller who set a username and whose number Meta leaves out of
   * the webhooks (*Business-scoped user IDs*): the connect carries `from_user_id` and
   * `contacts[].user_id` with `profile.username`, no `from` and no `wa_id`; `from` is then
   * their BSUID (random when left out). Off by default: Meta still sends the number for most
   * businesses today (contact book, 30-day window).
   */
  knownBy?: 'phone' | 'username';
  /** the caller's `@username`, with `knownBy: 'username'`; `@sim.caller` when left out */
  username?: string;
  /** the phone number id (or display number) or page id called; the first configured one when left out */
  to?: string;
  /** overrides the simulator's caller media defaults for this call */
  media?: CallerMediaOptions;
  /**
   * WhatsApp: the user taps a calling deep link, `https://wa.me/call/<number>?biz_payload=<tag>`
   * (*Call Button Messages and Deep Links*): the number called is the link's and its
   * `biz_payload` comes back as the call's `deeplink_payload`. Overrides `to`.
   */
  link?: string;
  /**
   * WhatsApp: the user taps a call button whose `payload` was this; it comes back as the call's
   * `cta_payload`. At most 512 characters, as Meta takes for the button.
   */
  ctaPayload?: string;
}

/** the longest call button `payload` Meta takes (*Call Button Messages and Deep Links*) */
export const CTA_PAYLOAD_MAX = 512;

/**
 * The number and `biz_payload` of a calling deep link; throws on anything else.
 *
 * @example
 * parseCallLink('https://wa.me/call/15550100100?biz_payload=spring'); // { number: '15550100100', payload: 'spring' }
 */
export function parseCallLink(link: string): { number: string; payload?: string } {
  let url: URL;
  try {
    url = new URL(/^https?:\/\//.test(link) ? link : `https://${link}`);
  } catch {
    throw new Error(`"${link}" is not a calling deep link (https://wa.me/call/<number>)`);
  }
  const match = /^\/call\/(\d{6,15})\/?$/.exec(url.pathname);
  if (url.hostname !== 'wa.me' || !match?.[1]) {
    throw new Error(`"${link}" is not a calling deep link (https://wa.me/call/<number>)`);
  }
  const payload = url.searchParams.get('biz_payload');
  return { number: match[1], ...(payload ? { payload } : {}) };
}

export const DEFAULT_CALLER_NAME = 'Sim Caller';
export const DEFAULT_CALLER_USERNAME = '@sim.caller';

/**
 * A user calls the business. WhatsApp: the caller makes its offer, the connect webhook carries
 * it with the caller's profile name. Messenger: the connect webhook carries no SDP. Either way
 * the call rings until the business acts or the ring timeout passes. Throws when the call
 * cannot be placed at all (unknown number or page, calling disabled, outside the number's call
 * hours, a Page whose calls ring in Meta's apps): the user's call never reaches the business,
 * so there is no Meta reply to give.
 *
 * @example
 * const call = await placeCall(ctx, { channel: 'whatsapp', name: 'Rahul', from: '918097530000' });
 */
export async function placeCall(
  ctx: EngineContext,
  options: PlaceCallOptions,
): Promise<CallHandle> {
  return options.channel === 'whatsapp'
    ? placeWhatsAppCall(ctx, options)
    : placeMessengerCall(ctx, options);
}

async function placeWhatsAppCall(
  ctx: EngineContext,
  options: PlaceCallOptions,
): Promise<CallHandle> {
  const link = options.link === undefined ? undefined : parseCallLink(options.link);
  const to = link?.number ?? options.to;
  const number =
    to === undefined
      ? ctx.config.numbers[0]
      : (findNumber(ctx, to) ??
        // a link names the number by its digits
        ctx.config.numbers.find((n) => n.displayPhoneNumber.replace(/\D/g, '') === to));
  if (options.ctaPayload !== undefined && options.ctaPayload.length > CTA_PAYLOAD_MAX) {
    throw new Error(`a call button payload takes at most ${CTA_PAYLOAD_MAX} characters`);
  }
  if (!number)
    throw new Error(`no WhatsApp number "${to ?? '(none configured)'}" in the simulator`);
  const id = number.phoneNumberId;
  if (!ctx.settings.callingEnabled(id) || ctx.settings.sipEnabled(id)) {
    throw new Error(
      `calling over the Graph API is not enabled for ${id}; see its calling settings`,
    );
  }
  // outside call hours or on a holiday the user's call does not reach the business (*Configure
  // Call Settings*, *User-initiated calls*): no connect webhook, nothing rings
  if (!ctx.settings.withinCallHours(id, ctx.config.now())) {
    throw new Error(
      `${id} is outside its call hours (or on a holiday) now: the call does not reach the business`,
    );
  }
  const byUsername = options.knownBy === 'username';
  const userId = options.from ?? (byUsername ? newBsuid() : newCallerNumber());
  if (byUsername ? !isBsuid(userId) : !/^\d{6,15}$/.test(userId)) {
    throw new Error(
      byUsername
        ? `"from" must be a BSUID (e.g. US.13491208655302741918), got "${userId}"`
        : `"from" must be a wa_id (6 to 15 digits), got "${userId}"`,
    );
  }
  const mediaOptions = { ...ctx.config.callerMedia, ...options.media };
  const media = await ctx.media.offer(mediaOptions);
  const call = newCall({
    id: newWhatsAppCallId(),
    channel: 'whatsapp',
    direction: 'user_initiated',
    businessId: id,
    userId,
    userName: options.name ?? DEFAULT_CALLER_NAME,
    username: byUsername ? (options.username ?? DEFAULT_CALLER_USERNAME) : null,
    createdAt: ctx.config.now(),
    media,
    mediaOptions,
    ...(link?.payload === undefined ? {} : { deeplinkPayload: link.payload }),
    ...(options.ctaPayload === undefined ? {} : { ctaPayload: options.ctaPayload }),
  });
  ctx.store.add(call);
  // a call from the user opens (or renews) the customer service window (*Service messages*)
  ctx.serviceWindows.userReached(id, userId);
  ctx.send(
    waConnect(number, call, { sdp_type: 'offer', sdp: media.localDescription }, ctx.config.now()),
  );
  // a user who calls grants call-back permission when the number asks for it
  if (ctx.settings.callbackPermissionEnabled(id)) grantCallbackPermission(ctx, call);
  startRingTimer(ctx, call);
  return createCallHandle(ctx, call);
}

async function placeMessengerCall(
  ctx: EngineContext,
  options: PlaceCallOptions,
): Promise<CallHandle> {
  const page = options.to === undefined ? ctx.config.pages[0] : findPage(ctx, options.to);
  if (!page)
    throw new Error(`no Messenger page "${options.to ?? '(none configured)'}" in the simulator`);
  // only a Page routed to partner apps rings the app (meta-calling.md §3.4)
  if (!ctx.messengerSettings.reachesPartners(page.pageId)) {
    throw new Error(
      `calls to Page ${page.pageId} ring in Meta's apps (call_routing.ring_target is not PARTNERS): the call does not reach the app`,
    );
  }
  const userId = options.from ?? newPsid();
  if (!/^\d{6,20}$/.test(userId))
    throw new Error(`"from" must be a PSID (digits), got "${userId}"`);
  const call = newCall({
    id: newMessengerCallId(),
    channel: 'messenger',
    direction: 'user_initiated',
    businessId: page.pageId,
    userId,
    userName: options.name ?? DEFAULT_CALLER_NAME,
    createdAt: ctx.config.now(),
    // the caller answers the business's offer on accept; until then there is no media
    media: null,
    mediaOptions: { ...ctx.config.callerMedia, ...options.media },
  });
  ctx.store.add(call);
  ctx.send(msgrConnect(call, ctx.config.now()));
  startRingTimer(ctx, call);
  return createCallHandle(ctx, call);
}
