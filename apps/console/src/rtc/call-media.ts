import type { Channel } from '@ringside/contracts';
import { AnswerMetaOffer } from './AnswerMetaOffer';
import { MediaSession, type MediaSessionOptions } from './MediaSession';
import { OfferToMeta } from './OfferToMeta';

/** what every call's media gets, whichever way its SDP goes */
export type MediaParts = Omit<MediaSessionOptions, 'sdp' | 'farEnd'>;

/**
 * The media for a call the customer placed: WhatsApp's ring carries Meta's offer, which we
 * answer; a Messenger call comes without one, so we offer.
 *
 * @example
 * const media = inboundMedia({ callId, microphone, audio }, 'whatsapp', ringing.sdpOffer);
 */
export function inboundMedia(
  parts: MediaParts,
  channel: Channel,
  offer: string | undefined,
): MediaSession | { error: string } {
  if (channel === 'messenger') {
    return new MediaSession({ ...parts, sdp: (peer) => new OfferToMeta(peer, channel) });
  }
  if (!offer) {
    return {
      error: 'This WhatsApp call arrived without an SDP offer, so it cannot be answered here.',
    };
  }
  return new MediaSession({ ...parts, sdp: (peer) => new AnswerMetaOffer(peer, offer) });
}

/**
 * The media for a call the agent places: we offer, on either channel.
 *
 * @example
 * const media = outboundMedia({ callId: 'local-1', microphone, audio }, 'messenger');
 */
export function outboundMedia(parts: MediaParts, channel: Channel): MediaSession {
  return new MediaSession({
    ...parts,
    farEnd: 'the customer',
    sdp: (peer) => new OfferToMeta(peer, channel),
  });
}
