import { silentLogger, type Logger } from '../log';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import type { AudioSink, MediaSession } from '../rtc/MediaSession';
import type { AppState, AppStore } from '../state/store';
import type { RingingCall } from '../state/types';

/** builds a ringing call's media over `audio` (the call's own sink, see {@link HeldAudio}) */
export type PreparedMediaFactory = (
  card: RingingCall,
  microphone: SessionMicrophone,
  /** WhatsApp's offer; a Messenger call has none (we offer) */
  offer: string | undefined,
  audio: AudioSink,
) => Promise<MediaSession | { error: string }>;

export interface PreparedAnswersOptions {
  store: AppStore;
  /** a clone of the warm microphone (only asked for while the microphone is ready) */
  microphone: () => Promise<SessionMicrophone | { error: string }>;
  /** WhatsApp's offer for a ringing call, left in place for an Accept without preparation */
  offerFor: (callId: string) => string | undefined;
  createMedia: PreparedMediaFactory;
  /** where the caller's voice plays once the call is taken */
  speaker: AudioSink;
  log?: Logger;
}

/**
 * Plays nothing until the call is taken: a call prepared while it rings must not take the
 * speaker from another, nor silence it when it is dropped.
 */
class HeldAudio implements AudioSink {
  readonly #speaker: AudioSink;
  #stream: MediaStream | undefined;
  #live = false;

  constructor(speaker: AudioSink) {
    this.#speaker = speaker;
  }

  attach(stream: MediaStream): void {
    this.#stream = stream;
    if (this.#live) this.#speaker.attach(stream);
  }

  detach(): void {
    this.#stream = undefined;
    if (this.#live) this.#speaker.detach();
  }

  play(): void {
    this.#live = true;
    if (this.#stream) this.#speaker.attach(this.#stream);
  }
}

interface Prepared {
  media: MediaSession;
  audio: HeldAudio;
}

/**
 * Answers prepared while a call rings (issue #13): the microphone clone on a peer connection,
 * on WhatsApp Meta's offer applied without its candidates and our answer created, on Messenger
 * our offer created; ICE gathered and the SDP checked, so that Accept costs only the claim,
 * Meta's accept and the DTLS handshake. Nothing reaches Meta before the claim is won (WhatsApp's
 * candidates stay held, {@link AnswerMetaOffer}). One call at a time, the one ringing longest,
 * and only while the agent is on no call and the microphone is ready; a card that stops ringing
 * (declined, answered elsewhere, caller gone, timed out), a call taken, or sign-out releases
 * what was prepared.
 *
 * @example
 * const prepared = new PreparedAnswers({ store, microphone, offerFor, createMedia, speaker });
 * prepared.start();
 * const media = await prepared.take(callId); // on Accept: the session, or undefined
 */
export class PreparedAnswers {
  readonly #options: PreparedAnswersOptions;
  readonly #log: Logger;
  readonly #entries = new Map<string, Promise<Prepared | undefined>>();
  /** calls taken by an Accept: not prepared again while their card is still on its way out */
  readonly #taken = new Set<string>();
  #unsubscribe: (() => void) | undefined;

  constructor(options: PreparedAnswersOptions) {
    this.#options = options;
    this.#log = options.log ?? silentLogger;
  }

  start(): void {
    if (this.#unsubscribe) return;
    const { store } = this.#options;
    this.#unsubscribe = store.subscribe((state) => this.#follow(state));
    this.#follow(store.getState());
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    for (const callId of [...this.#entries.keys()]) this.#release(callId);
    this.#taken.clear();
  }

  /**
   * The session prepared for a call, now the caller's to run and close (its audio plays from
   * now on); undefined when none was prepared or its preparation failed (the call then builds
   * its media as before, and meets the same failure in its own words).
   */
  async take(callId: string): Promise<MediaSession | undefined> {
    const entry = this.#entries.get(callId);
    if (!entry) return undefined;
    this.#entries.delete(callId);
    this.#taken.add(callId);
    const prepared = await entry;
    if (!prepared) return undefined;
    if (prepared.media.over) {
      prepared.media.close();
      return undefined;
    }
    prepared.audio.play();
    return prepared.media;
  }

  #follow(state: AppState): void {
    for (const callId of this.#taken) if (!state.ringing[callId]) this.#taken.delete(callId);
    const ready = state.current === null && state.mic === 'ready';
    // the longest-ringing card still ringing: the one most likely to be taken
    const card = ready
      ? Object.values(state.ringing)
          .filter((c) => !c.notice && !this.#taken.has(c.callId))
          .sort((a, b) => a.ringingSince - b.ringingSince)[0]
      : undefined;
    for (const callId of [...this.#entries.keys()]) {
      if (callId !== card?.callId) this.#release(callId);
    }
    if (card && !this.#entries.has(card.callId)) this.#prepare(card);
  }

  #prepare(card: RingingCall): void {
    const offer = card.channel === 'whatsapp' ? this.#options.offerFor(card.callId) : undefined;
    // a WhatsApp ring without an offer cannot be answered: Accept says so
    if (card.channel === 'whatsapp' && !offer) return;
    this.#log.info(`call ${card.callId}: preparing the answer while it rings`);
    this.#entries.set(card.callId, this.#build(card, offer));
  }

  async #build(card: RingingCall, offer: string | undefined): Promise<Prepared | undefined> {
    try {
      const microphone = await this.#options.microphone();
      if ('error' in microphone) return undefined;
      const audio = new HeldAudio(this.#options.speaker);
      const media = await this.#options.createMedia(card, microphone, offer, audio);
      if ('error' in media) {
        microphone.track.stop();
        return undefined;
      }
      // the answer is built and checked now; its failure, if any, is met again on Accept
      void media.prepare();
      return { media, audio };
    } catch (error) {
      this.#log.warn(`call ${card.callId}: could not prepare the answer`, { error: String(error) });
      return undefined;
    }
  }

  #release(callId: string): void {
    const entry = this.#entries.get(callId);
    this.#entries.delete(callId);
    void entry?.then((prepared) => prepared?.media.close());
  }
}
