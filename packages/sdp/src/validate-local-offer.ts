import { readAudioSession, readAudioTransport, summarize } from './audio-session';
import type { AudioSdpSummary } from './audio-session';
import { requireSetup } from './dtls';
import type { SdpCheck } from './sdp-error';
import { readSendingTrack } from './track';
import type { SdpTrack } from './track';
import type { LocalSdpOptions } from './validate-local-answer';

/** What an accepted local offer holds. */
export interface LocalOfferSummary extends AudioSdpSummary {
  setup: 'actpass';
  direction: 'sendrecv' | 'sendonly';
  track: SdpTrack;
  ssrc: number;
}

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
  const session = readAudioSession(text);
  if (!session.ok) return session;
  const sending = readSendingTrack(
    session.value.audio,
    session.value.direction,
    'offer',
    options.expectTrack,
  );
  if (!sending.ok) return sending;
  const transport = readAudioTransport(session.value);
  if (!transport.ok) return transport;
  const setup = requireSetup(
    transport.value.setup,
    ['actpass'],
    (role) => `our offer says a=setup:${role}; an offer must say a=setup:actpass`,
  );
  if (!setup.ok) return setup;
  return {
    ok: true,
    summary: {
      ...summarize(session.value, transport.value),
      ...sending.value,
      setup: setup.value,
    },
  };
}
