import type { Outcome, SessionMicrophone } from '../rtc/LocalAudio';
import type { MediaSession } from '../rtc/MediaSession';
import type { CurrentCall } from '../state/types';
import { AgentCall } from './AgentCall';
import { t } from '../i18n/i18n';

/** builds the media that answers the media engine's offer of a fresh leg into a call */
export type RejoinMediaFactory = (
  callId: string,
  microphone: SessionMicrophone,
  offer: string,
) => Promise<MediaSession | { error: string }>;

/**
 * An anchored call this page has no audio for (it was reloaded mid-call), taken back: the
 * customer is still connected to the media engine, so the call is shown at once (Hang up works
 * from the start), the microphone opens, `call:rejoin` brings the engine's offer of a fresh leg,
 * the media answers it as it answers a WhatsApp ring (the engine's offer is Meta-shaped) and
 * `call:rejoin-answer` sends that answer; from then on it is an ordinary call. If any step
 * fails before the answer is taken, whatever was opened is closed and the call is offered to be
 * ended, as a call this page cannot take back is, with the reason shown; one after that (the
 * leg does not connect, no audio comes) ends the call as it ends any call.
 *
 * @example
 * const shown = rejoiningCall(view, Date.now());
 * if (shown) await new RejoinedCall(context, view.id).rejoin(shown, createRejoinMedia);
 */
export class RejoinedCall extends AgentCall {
  async rejoin(call: CurrentCall, createMedia: RejoinMediaFactory): Promise<void> {
    this.show(call);
    const media = await this.#newLeg(createMedia);
    if (!media) return;
    const answered = await this.#answer(media);
    const current = this.#rejoining();
    if (!current || !answered.ok) {
      media.close();
      // (hung up, or ended by the customer, meanwhile: that ended the call here already)
      if (current && !answered.ok) this.#fallBack(answered.message);
      return;
    }
    this.begin(media, current);
    // reconnecting your audio… until audio flows, then connected
    media.expectAudio();
  }

  /** the microphone, the engine's offer of a fresh leg, and the media to answer it on */
  async #newLeg(createMedia: RejoinMediaFactory): Promise<MediaSession | undefined> {
    const microphone = await this.context.microphone();
    if ('error' in microphone) return this.#fallBack(microphone.error);
    if (!this.#rejoining()) {
      microphone.track.stop();
      return undefined;
    }
    const offer = await this.context.signaling.send('call:rejoin', { callId: this.callId });
    // a refusal of a call that ended meanwhile is not shown: #fallBack says nothing then
    if (!offer.ok || !this.#rejoining()) {
      microphone.track.stop();
      return offer.ok ? undefined : this.#fallBack(offer.error.message);
    }
    const media = await createMedia(this.callId, microphone, offer.sdp);
    if ('error' in media) {
      microphone.track.stop();
      return this.#fallBack(media.error);
    }
    if (this.#rejoining()) return media;
    media.close();
    return undefined;
  }

  /** our answer to the engine's offer, made, checked and taken by the server; or why not */
  async #answer(media: MediaSession): Promise<Outcome> {
    // the call is not followed for the media's failures until the leg is in place: note them
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
      if (!this.#rejoining()) return { ok: false, message: t('media.closed') };
      media.sending();
      const sent = await this.context.signaling.send('call:rejoin-answer', {
        callId: this.callId,
        sdp: prepared.sdp,
      });
      if (!sent.ok) return { ok: false, message: sent.error.message };
      return failure === undefined ? { ok: true } : { ok: false, message: failure };
    } finally {
      off();
    }
  }

  /** the call while it is still being rejoined (not hung up, not ended), or null */
  #rejoining(): CurrentCall | null {
    const current = this.current();
    return this.live && current?.phase === 'rejoining' ? current : null;
  }

  /** the audio cannot come back: the call is offered to be ended, saying why (if still ours) */
  #fallBack(reason: string): undefined {
    if (!this.#rejoining()) return undefined;
    const { store } = this.context;
    store.getState().callPatched(this.callId, { phase: 'orphaned' });
    store.getState().problemShown(t('call.rejoin.failed', { reason }));
    return undefined;
  }
}
