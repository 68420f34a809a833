import type { CallAnswerAck } from '@ringside/contracts';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import type { MediaSession, SessionFailure } from '../rtc/MediaSession';
import type { RingingCall } from '../state/types';
import { AgentCall } from './AgentCall';
import { startedCall } from './call-records';
import { t } from '../i18n/i18n';

/** builds the media for a ringing call's channel (WhatsApp gets Meta's offer) */
export type InboundMediaFactory = (
  card: RingingCall,
  microphone: SessionMicrophone,
  offer: string | undefined,
) => Promise<MediaSession | { error: string }>;

// failures before our SDP left the browser: nothing reached Meta, so give the call back
const BEFORE_SENDING: ReadonlySet<SessionFailure['reason']> = new Set([
  'bad-offer',
  'sdp-invalid',
  'rtc-error',
]);

/**
 * A call the customer placed, from Accept: the claim (`call:accept`) races the media building
 * and checking its SDP; once the claim is won, what the media held back is let go and the SDP
 * goes with `call:answer`; Meta's reply (its answer, on Messenger) completes the setup and audio
 * must then arrive. Nothing reaches Meta before the claim succeeded and the SDP passed its check.
 *
 * @example
 * await new InboundCall(context, card.callId).accept(card, createMedia, takeOffer(card.callId));
 */
export class InboundCall extends AgentCall {
  /** `preparedMedia`: the media made while the call rang (calls/PreparedAnswers), if any */
  async accept(
    card: RingingCall,
    createMedia: InboundMediaFactory,
    offer: string | undefined,
    preparedMedia?: MediaSession,
  ): Promise<void> {
    const { store, signaling } = this.context;
    const media = preparedMedia ?? (await this.#newMedia(card, createMedia, offer));
    if (!media) return;
    // another call started while the microphone opened (a second Accept, a dial)
    if (store.getState().current) {
      media.close();
      return;
    }
    this.begin(media, startedCall(card, this.context.now()));

    const preparing = media.prepare();
    const claim = await signaling.send('call:accept', { callId: this.callId });
    if (!claim.ok) {
      media.close();
      if (this.live) {
        this.drop();
        store.getState().problemShown(claim.error.message);
      }
      return;
    }
    // hung up while the claim was in flight: that hang-up may have reached the server before
    // the claim, so end the call now (a failed media has given the call back already)
    if (!this.live) {
      if (this.endedByAgent) await this.sendHangup();
      return;
    }
    // ours: Meta's candidates go to the connection now, while the SDP may still be in the making
    void media.claimed();
    // a failure from here on ends the call through the media's failed event
    const prepared = await preparing;
    if (!prepared.ok || !(await media.claimed()).ok) return;
    media.sending();
    const reply = await signaling.send('call:answer', { callId: this.callId, sdp: prepared.sdp });
    if (media.over) return;
    if (!reply.ok) {
      media.fail({ reason: 'answer-refused', message: reply.error.message });
      return;
    }
    if (!(await this.#applyReply(media, card, reply)).ok) return;
    media.expectAudio();
  }

  async #newMedia(
    card: RingingCall,
    createMedia: InboundMediaFactory,
    offer: string | undefined,
  ): Promise<MediaSession | undefined> {
    const { store, signaling } = this.context;
    const microphone = await this.context.microphone();
    if ('error' in microphone) {
      store.getState().problemShown(microphone.error);
      return undefined;
    }
    const media = await createMedia(card, microphone, offer);
    if ('error' in media) {
      microphone.track.stop();
      store.getState().problemShown(media.error);
      void signaling.send('call:decline', { callId: this.callId });
      return undefined;
    }
    return media;
  }

  protected override async giveUp(failure: SessionFailure): Promise<void> {
    // nothing reached Meta: decline, so the call is not left claimed by a browser that cannot take it
    if (BEFORE_SENDING.has(failure.reason)) {
      await this.context.signaling.send('call:decline', { callId: this.callId });
    } else {
      await this.sendHangup();
    }
  }

  /** Meta's accept returns no SDP on WhatsApp; on Messenger it answers our offer */
  async #applyReply(
    media: MediaSession,
    card: RingingCall,
    reply: CallAnswerAck,
  ): Promise<{ ok: boolean }> {
    if (card.channel !== 'messenger') return { ok: true };
    if (!reply.sdpResponse) {
      return media.fail({
        reason: 'bad-reply',
        message: t('end.noSdp'),
      });
    }
    const answered = await media.applyAnswer(reply.sdpResponse);
    if (!answered.ok || !reply.sdpRenegotiation) return answered;
    return media.answerOffer(reply.sdpRenegotiation);
  }
}
