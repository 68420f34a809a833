import { t } from '../i18n/i18n';
import { silentLogger, type Logger } from '../log';
import type { Outcome, SessionMicrophone } from '../rtc/LocalAudio';
import type { AudioSink } from '../rtc/media-types';
import type { IcePaths } from '../session/IceServers';
import type { SignalingClient } from '../signaling/SignalingClient';
import { answerEngineOffer, openEngineLeg } from './engine-leg';

export interface ConsultLegOptions {
  signaling: Pick<SignalingClient, 'send'>;
  /** where the colleague's voice plays (an `<audio>` element of its own) */
  audio: AudioSink;
  /** STUN and TURN (and relay-only, when the workspace wants it) for the engine's connection */
  icePaths: () => Promise<IcePaths>;
  /** a clone of the warm microphone, opening it first if needed */
  microphone: () => Promise<SessionMicrophone | { error: string }>;
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
  log?: Logger;
}

export interface ConsultRequest {
  callId: string;
  /** the media engine's offer of the consult leg (`call:transfer-accept`'s acknowledgement) */
  offer: string;
  /** the connection to the engine failed after the line was up */
  lost: () => void;
}

/**
 * The receiving agent's line with the colleague handing them a call (a warm transfer), while the
 * customer hears hold music: the media engine offers a leg, this answers it with the microphone
 * (it sends and receives, as a barging supervisor's leg does), sends the answer
 * (`call:transfer-answer`) and plays the colleague. One line at a time; `close` ends it, and a
 * `join` that `close` overtook closes what it opened.
 *
 * @example
 * const consult = new ConsultLeg({ signaling, audio: new RemoteAudio(document), icePaths, microphone });
 * const joined = await consult.join({ callId, offer: ack.sdp, lost: () => leave() });
 * consult.close();
 */
export class ConsultLeg {
  readonly #options: ConsultLegOptions;
  readonly #log: Logger;
  #pc: RTCPeerConnection | undefined;
  #microphone: SessionMicrophone | undefined;
  /** bumped by every join and every close: an overtaken join's late steps do nothing */
  #attempt = 0;

  constructor(options: ConsultLegOptions) {
    this.#options = options;
    this.#log = options.log ?? silentLogger;
  }

  /** answers the engine's offer with the microphone; the words of what went wrong, if it did */
  async join({ callId, offer, lost }: ConsultRequest): Promise<Outcome> {
    this.close();
    const attempt = ++this.#attempt;
    const live = () => attempt === this.#attempt;
    const microphone = await this.#options.microphone();
    if ('error' in microphone) return live() ? this.#fail(microphone.error) : GONE;
    if (!live()) {
      microphone.track.stop();
      return GONE;
    }
    this.#microphone = microphone;
    const icePaths = await this.#options.icePaths();
    if (!live()) return GONE;
    const pc = openEngineLeg({
      icePaths,
      audio: this.#options.audio,
      onFailed: () => {
        if (!live()) return;
        this.#log.warn('consult: the connection to the media server failed', { callId });
        this.close();
        lost();
      },
      createPeerConnection: this.#options.createPeerConnection,
    });
    this.#pc = pc;
    let answer: string;
    try {
      answer = await answerEngineOffer(pc, offer, microphone.stream);
    } catch (error) {
      this.#log.warn('consult: this browser could not use the offer', { cause: String(error) });
      return live() ? this.#fail(t('transfer.consult.audioFailed')) : GONE;
    }
    if (!live()) return GONE;
    const sent = await this.#options.signaling.send('call:transfer-answer', {
      callId,
      sdp: answer,
    });
    if (!live()) return GONE;
    if (!sent.ok) return this.#fail(sent.error.message);
    return { ok: true };
  }

  /** hangs up the line (the microphone stops); a join under way stops at its next step */
  close(): void {
    this.#attempt++;
    if (this.#pc) {
      this.#pc.close();
      this.#pc = undefined;
      this.#options.audio.detach();
    }
    this.#microphone?.track.stop();
    this.#microphone = undefined;
  }

  #fail(message: string): Outcome {
    this.close();
    return { ok: false, message };
  }
}

// worded when read, in the language of that moment
const GONE: Outcome = {
  ok: false,
  get message() {
    return t('media.closed');
  },
};
