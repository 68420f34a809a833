import { readAudioSession, readAudioTransport, summarize } from './audio-session';
import type { AudioSdpSummary } from './audio-session';
import { requireSetup } from './dtls';
import type { SdpCheck } from './sdp-error';

/** How strict the check is about direction. */
export interface MetaOfferOptions {
  /**
   * accept an offer in which no audio section sends towards the checker (Meta's side, checking
   * a business's recvonly offer, which Meta accepts); default false: such an offer is refused
   * with `nothing-sent`, since the customer could not be heard
   */
  anyDirection?: boolean;
}

/** What an accepted Meta offer holds. */
export interface MetaOfferSummary extends AudioSdpSummary {
  /** `actpass` in every offer seen; an offer can also pick a role outright */
  setup: 'actpass' | 'active' | 'passive';
}

/**
 * Checks an offer from Meta (WhatsApp user-initiated `connect`, Messenger `sdp_renegotiation`)
 * before a browser applies it: DTLS-SRTP audio m-lines with opus, at least one of them sending
 * towards us, ICE credentials, a fingerprint, a DTLS role and at least one candidate. Several
 * audio sections pass: Messenger's renegotiation has mid 0 `recvonly` (Meta receives our voice)
 * and mid 1 `sendonly` (the customer's voice); `summary.mid` names the first section Meta sends
 * on and `summary.sections` lists them all. Video sections are left to the answerer to decline.
 *
 * @example
 * ```ts
 * const offer = validateMetaOffer(call.session.sdp);
 * if (!offer.ok) return reject(offer.error);
 * console.log(offer.summary.opusPayloadType, offer.summary.dtmfPayloadType); // 111 126
 * ```
 */
export function validateMetaOffer(
  text: unknown,
  options: MetaOfferOptions = {},
): SdpCheck<MetaOfferSummary> {
  const choice = options.anyDirection === true ? 'first-sending' : 'remote-sending';
  const session = readAudioSession(text, choice);
  if (!session.ok) return session;
  const transport = readAudioTransport(session.value);
  if (!transport.ok) return transport;
  const setup = requireSetup(
    transport.value.setup,
    ['actpass', 'active', 'passive'],
    (role) => `Meta's offer says a=setup:${role}, which gives no DTLS role`,
  );
  if (!setup.ok) return setup;
  return {
    ok: true,
    summary: { ...summarize(session.value, transport.value), setup: setup.value },
  };
}
