import { t } from '../i18n/i18n';
import { describe as describeError } from './errors';
import { DTMF_DURATION_MS, DTMF_GAP_MS, normalizeDtmf } from './dtmf';
import type { HoldMusic } from './hold-music';

/** the microphone as one call uses it: its own clone of the warm track, in its own stream */
export interface SessionMicrophone {
  track: MediaStreamTrack;
  stream: MediaStream;
}

/** a step's result; failures carry words for the agent */
export type Outcome = { ok: true } | { ok: false; message: string };

/**
 * Our side of a call's audio: the microphone on its `RTCRtpSender`, mute (the track disabled but
 * still sent, so RTCP keeps the call alive), hold (generated music swapped in with
 * `replaceTrack`, no renegotiation), DTMF, and switching microphone mid-call.
 *
 * @example
 * const local = new LocalAudio(microphone, () => createHoldMusic(ctx));
 * local.attach(pc); // before creating the answer or offer
 * local.setMuted(true);
 * await local.setHeld(true);
 */
export class LocalAudio {
  #mic: SessionMicrophone;
  #sender: RTCRtpSender | null = null;
  #sentStreamId: string | undefined;
  #music: HoldMusic | null = null;
  #muted = false;
  readonly #createHoldMusic: (() => HoldMusic) | undefined;

  constructor(microphone: SessionMicrophone, createHoldMusic?: () => HoldMusic) {
    this.#mic = microphone;
    this.#createHoldMusic = createHoldMusic;
  }

  get muted(): boolean {
    return this.#muted;
  }

  get held(): boolean {
    return this.#music !== null;
  }

  /**
   * the stream our SDP announces in `a=msid` (each call has its own): the one the sender was
   * added with, which a later microphone switch (replaceTrack) does not change
   */
  get streamId(): string {
    return this.#sentStreamId ?? this.#mic.stream.id;
  }

  /** adds the microphone to the connection, once */
  attach(pc: Pick<RTCPeerConnection, 'addTrack'>): RTCRtpSender {
    if (!this.#sender) {
      this.#sender = pc.addTrack(this.#mic.track, this.#mic.stream);
      this.#sentStreamId = this.#mic.stream.id;
    }
    return this.#sender;
  }

  setMuted(muted: boolean): void {
    this.#muted = muted;
    this.#mic.track.enabled = !muted;
  }

  async setHeld(held: boolean): Promise<Outcome> {
    if (!this.#sender) return { ok: false, message: t('audio.nothingToHold') };
    if (held === this.held) return { ok: true };
    try {
      if (held) {
        if (!this.#createHoldMusic) {
          return { ok: false, message: t('audio.noHoldMusic') };
        }
        const music = this.#createHoldMusic();
        await this.#sender.replaceTrack(music.track);
        this.#music = music;
      } else {
        await this.#sender.replaceTrack(this.#mic.track);
        this.#music?.stop();
        this.#music = null;
      }
      return { ok: true };
    } catch (error) {
      return {
        ok: false,
        message: `Could not ${held ? 'hold' : 'resume'}: ${describeError(error)}`,
      };
    }
  }

  /** sends keypad tones as RFC 4733 telephone-events */
  sendDtmf(input: string): Outcome & { tones?: string } {
    const tones = normalizeDtmf(input);
    if (tones === undefined) return { ok: false, message: t('audio.badTones') };
    const dtmf = this.#sender?.dtmf;
    if (!dtmf || !dtmf.canInsertDTMF) {
      return { ok: false, message: t('audio.noTones') };
    }
    // appending keeps a quick second press from cutting the first tone short
    dtmf.insertDTMF(dtmf.toneBuffer + tones, DTMF_DURATION_MS, DTMF_GAP_MS);
    return { ok: true, tones };
  }

  /** swaps in another microphone (a new clone); the old clone is stopped */
  async replaceMicrophone(next: SessionMicrophone): Promise<Outcome> {
    const previous = this.#mic;
    next.track.enabled = !this.#muted;
    this.#mic = next;
    try {
      // on hold the music keeps playing; the new microphone goes on at resume
      if (this.#sender && !this.held) await this.#sender.replaceTrack(next.track);
      previous.track.stop();
      return { ok: true };
    } catch (error) {
      this.#mic = previous;
      next.track.stop();
      return { ok: false, message: `Could not switch microphone: ${describeError(error)}` };
    }
  }

  /** stops the music and the microphone clone */
  release(): void {
    this.#music?.stop();
    this.#music = null;
    this.#mic.track.stop();
  }
}
