import type { Outcome, SessionMicrophone } from '../rtc/LocalAudio';
import type { Failed, MediaSession } from '../rtc/MediaSession';
import type { CallContext } from './AgentCall';
import { t } from '../i18n/i18n';

/** builds the media that answers the media engine's offer of a fresh leg into a call */
export type RejoinMediaFactory = (
  callId: string,
  microphone: SessionMicrophone,
  offer: string,
) => Promise<MediaSession | { error: string }>;

export interface RejoinRequest {
  callId: string;
  context: Pick<CallContext, 'signaling' | 'microphone' | 'createRejoinMedia'>;
  /** the call still wants its audio back (not hung up, not ended): asked after every wait */
  wanted(): boolean;
  /** the agent had muted (or held) the call: the leg's microphone starts disabled */
  muted?: boolean;
}

/** the engine took our answer: the leg is the call's, connecting; or why not */
export type RejoinedLeg = { ok: true; media: MediaSession } | Failed;

// worded when read, in the language of that moment
const GONE: Failed = {
  ok: false,
  get message() {
    return t('media.closed');
  },
};

/**
 * A fresh leg into an anchored call whose customer is still connected to the media engine: the
 * microphone opens, `call:rejoin` brings the engine's offer, the media answers it as it answers
 * a WhatsApp ring (the engine's offer is Meta-shaped; the microphone goes on before the answer
 * is made, the engine's candidates go in while it is made) and `call:rejoin-answer` sends that
 * answer. Whatever fails, or a call no longer {@link RejoinRequest.wanted}, closes what was
 * opened; only a leg the engine took is returned, its audio not up yet.
 *
 * @example
 * const leg = await rejoinLeg({ callId, context, wanted: () => stillRejoining() });
 * if (leg.ok) leg.media.expectAudio();
 */
export async function rejoinLeg(request: RejoinRequest): Promise<RejoinedLeg> {
  const { callId, context, wanted } = request;
  const microphone = await context.microphone();
  if ('error' in microphone) return { ok: false, message: microphone.error };
  if (!wanted()) {
    microphone.track.stop();
    return GONE;
  }
  const offer = await context.signaling.send('call:rejoin', { callId });
  if (!offer.ok || !wanted()) {
    microphone.track.stop();
    return offer.ok ? GONE : { ok: false, message: offer.error.message };
  }
  const media = await context.createRejoinMedia(callId, microphone, offer.sdp);
  if ('error' in media) {
    microphone.track.stop();
    return { ok: false, message: media.error };
  }
  if (request.muted) media.setMuted(true);
  const answered = wanted() ? await answerOffer(media, request) : GONE;
  if (answered.ok && wanted()) return { ok: true, media };
  media.close();
  return answered.ok ? GONE : answered;
}

/** our answer to the engine's offer, made, checked and taken by the server; or why not */
async function answerOffer(media: MediaSession, request: RejoinRequest): Promise<Outcome> {
  // the call does not follow the media's failures until the leg is in place: note them
  let failure: string | undefined;
  const off = media.onEvent((event) => {
    if (event.type === 'failed') failure = event.failure.message;
  });
  try {
    const preparing = media.prepare();
    // the call is ours already: the engine's candidates go in while the answer is made
    const releasing = media.claimed();
    const prepared = await preparing;
    if (!prepared.ok) return prepared;
    const released = await releasing;
    if (!released.ok) return released;
    if (!request.wanted()) return GONE;
    media.sending();
    const sent = await request.context.signaling.send('call:rejoin-answer', {
      callId: request.callId,
      sdp: prepared.sdp,
    });
    if (!sent.ok) return { ok: false, message: sent.error.message };
    return failure === undefined ? { ok: true } : { ok: false, message: failure };
  } finally {
    off();
  }
}
