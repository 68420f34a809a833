import type { SdpCheck } from './sdp-error';
import { validateLocalSdp } from './validate-local-sdp';
import type { LocalSdpKind, LocalSdpOptions, LocalSdpSummary } from './validate-local-sdp';

/** What an accepted local offer holds. */
export type LocalOfferSummary = LocalSdpSummary<'actpass'>;

const OFFER: LocalSdpKind<'actpass'> = {
  kind: 'offer',
  setup: ['actpass'],
  explainSetup: (role) => `our offer says a=setup:${role}; an offer must say a=setup:actpass`,
};

/**
 * Checks our own offer (Messenger accept, business-initiated WhatsApp or Messenger `connect`)
 * before it leaves the browser: the microphone track is sent (`sendrecv`/`sendonly` with
 * `a=ssrc` and `a=msid`, else code `missing-track`, "microphone track missing from the
 * offer"), `a=setup:actpass`, a fingerprint, ICE credentials, candidates and opus.
 *
 * @example
 * ```ts
 * const offer = validateLocalOffer(pc.localDescription.sdp, {
 *   expectTrack: { trackId: micTrack.id },
 * });
 * if (offer.ok) socket.emit('call:answer', { callId, sdp: offer.summary.sdp });
 * ```
 */
export function validateLocalOffer(
  text: unknown,
  options: LocalSdpOptions = {},
): SdpCheck<LocalOfferSummary> {
  return validateLocalSdp(text, options, OFFER);
}
