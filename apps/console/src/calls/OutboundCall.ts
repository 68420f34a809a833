import { t } from '../i18n/i18n';
import type { CallRemoteSdpPayload, CallView, DialableChannel } from '@ringside/contracts';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import type { MediaSession, SessionFailure } from '../rtc/MediaSession';
import type { CurrentCall } from '../state/types';
import { AgentCall } from './AgentCall';
import { placedCall } from './call-records';
import { readDialTarget } from './dial-target';
import { dialRefusal } from './dial-words';
import { EarlyCallEvents } from './EarlyCallEvents';
import { outboundProgress } from './server-view';

/** what an outbound call's media is built from: a local id until the server names the call */
export interface OutboundRequest {
  callId: string;
  from: DialableChannel;
  to: string;
}

/** builds the media for a call the agent places */
export type OutboundMediaFactory = (
  request: OutboundRequest,
  microphone: SessionMicrophone,
) => Promise<MediaSession | { error: string }>;

/**
 * A call the agent places, from Call: what was typed is checked, the media builds and checks our
 * offer (a failure is explained and nothing is sent), `call:dial` sends it, and the server's
 * acknowledgement names the call. Meta's answer comes in that acknowledgement (Messenger) or as
 * `call:remote-sdp` (WhatsApp), which may come before it: until the call has its id, events
 * about calls unknown here are held ({@link early}) and replayed once it has. The customer's
 * phone rings, they pick up (the server's `call:updated`), and only once both the answer is
 * applied and they picked up must audio flow. What stops the call before it rings is shown as
 * the dial notice.
 *
 * @example
 * await new OutboundCall(context, 'local-1').dial('ch_1', '+44 7700 900123', createMedia);
 */
export class OutboundCall extends AgentCall {
  /** what the server said about calls unknown here while `call:dial` awaited its ack */
  readonly early = new EarlyCallEvents();
  #awaitingId = false;
  #answered = false;
  #pickedUp = false;

  /** `call:dial` awaits its acknowledgement: events about unknown calls may be about this one */
  get awaitingId(): boolean {
    return this.#awaitingId;
  }

  async dial(channelId: string, typed: string, createMedia: OutboundMediaFactory): Promise<void> {
    const { store } = this.context;
    if (store.getState().current) return;
    const from = store.getState().me?.channels.find((c) => c.id === channelId);
    if (!from) {
      store.getState().dialNoticed('refused', t('dial.notYourChannel'));
      return;
    }
    const target = readDialTarget(from.channel, typed);
    if (!target.ok) {
      store.getState().dialNoticed('invalid', target.message);
      return;
    }
    const microphone = await this.context.microphone();
    if ('error' in microphone) {
      store.getState().dialNoticed('refused', microphone.error);
      return;
    }
    const media = await createMedia({ callId: this.callId, from, to: target.to }, microphone);
    if ('error' in media) {
      microphone.track.stop();
      store.getState().dialNoticed('refused', media.error);
      return;
    }
    // a call rang and was accepted while the microphone opened
    if (store.getState().current) {
      media.close();
      return;
    }
    const { dialNotice } = store.getState();
    if (dialNotice) store.getState().dialNoticeDismissed(dialNotice.id);
    this.begin(media, placedCall(this.callId, from, target.to, this.context.now()));
    await this.#place(media, from.id, target.to);
  }

  override updated(view: CallView): void {
    super.updated(view);
    // the customer's phone rings, then they pick up: the server's states drive the card
    const current = this.current();
    const step = current && outboundProgress(current, view, this.context.now());
    if (!step) return;
    this.context.store.getState().callPatched(this.callId, step.patch);
    // may make the media active at once (its audio is up already): that phase comes last
    if (step.pickedUp) {
      this.#pickedUp = true;
      this.#expectAudioWhenReady();
    }
  }

  override remoteSdp(payload: CallRemoteSdpPayload): void {
    if (payload.sdpType === 'answer') void this.#applyAnswer(payload.sdp);
    else super.remoteSdp(payload);
  }

  protected override async giveUp(_failure: SessionFailure, current: CurrentCall): Promise<void> {
    // while placing, the server has no id for it yet: the dial ends it if the ack brings one
    if (current.phase !== 'placing') await this.sendHangup();
  }

  async #place(media: MediaSession, channelId: string, to: string): Promise<void> {
    const prepared = await media.prepare();
    // the media's failed event has ended the call and said why; nothing was sent
    if (!prepared.ok) return;
    this.#awaitingId = true;
    const placed = await this.context.signaling.send('call:dial', {
      channelId,
      to,
      sdp: prepared.sdp,
    });
    this.#awaitingId = false;
    if (!this.live) {
      this.early.clear();
      // hung up (or failed) while the dial was in flight: end the call the server just placed
      if (placed.ok) await this.sendHangup(placed.callId);
      return;
    }
    if (!placed.ok) {
      this.early.clear();
      this.drop();
      const notice = dialRefusal(placed.error);
      this.context.store.getState().dialNoticed(notice.kind, notice.message);
      return;
    }
    this.rename(placed.callId);
    media.sending();
    if (placed.sdpResponse) await this.#applyAnswer(placed.sdpResponse);
    this.#replayEarly();
  }

  /** the newest state first (it may say the customer picked up), then Meta's answer, the end */
  #replayEarly(): void {
    const early = this.early.take(this.callId);
    if (early.view) this.updated(early.view);
    for (const payload of early.remoteSdp) this.remoteSdp(payload);
    if (early.ended) this.ended(early.ended);
  }

  async #applyAnswer(sdp: string): Promise<void> {
    const media = this.media;
    if (!media || !(await media.applyAnswer(sdp)).ok) return;
    this.#answered = true;
    this.#expectAudioWhenReady();
  }

  #expectAudioWhenReady(): void {
    if (this.#answered && this.#pickedUp) this.media?.expectAudio();
  }
}
