import type { Outcome } from '../rtc/LocalAudio';

// three rising notes, twice: easy to recognise, not mistaken for a ringtone
const NOTES = [523.25, 659.25, 783.99];
const NOTE_SEC = 0.22;
const REPEATS = 2;
export const TONE_MS = Math.round((NOTES.length * REPEATS * NOTE_SEC + 0.5) * 1000);

export interface SpeakerToneOptions {
  doc: Document;
  /** the page's AudioContext, unlocked by the click that plays the tone */
  context: () => AudioContext | undefined;
}

/**
 * Plays a short test tone on the speaker the agent chose, through an `<audio>` element of its
 * own routed with `setSinkId` as the caller's voice is, so "I heard it" means callers will be
 * heard on that device too.
 *
 * @example
 * const tone = new SpeakerTone({ doc: document, context: () => engine.context() });
 * const played = await tone.play(outputId); // resolves when the tone has finished
 */
export class SpeakerTone {
  readonly #options: SpeakerToneOptions;
  #element: HTMLAudioElement | undefined;
  #stopCurrent: (() => void) | undefined;

  constructor(options: SpeakerToneOptions) {
    this.#options = options;
  }

  async play(outputId: string): Promise<Outcome> {
    this.stop();
    const context = this.#options.context();
    if (!context) return { ok: false, message: 'This browser cannot play generated sound.' };
    if (context.state === 'suspended') await context.resume().catch(() => undefined);
    const element = this.#audioElement();
    if (typeof element.setSinkId === 'function' && element.sinkId !== outputId) {
      try {
        await element.setSinkId(outputId);
      } catch {
        return { ok: false, message: 'That speaker could not be used.' };
      }
    }
    const destination = context.createMediaStreamDestination();
    const master = context.createGain();
    master.gain.value = 0.3;
    master.connect(destination);
    let at = context.currentTime + 0.1;
    for (let r = 0; r < REPEATS; r++) {
      for (const frequency of NOTES) {
        const osc = context.createOscillator();
        const envelope = context.createGain();
        osc.frequency.value = frequency;
        envelope.gain.setValueAtTime(0, at);
        envelope.gain.linearRampToValueAtTime(1, at + 0.02);
        envelope.gain.exponentialRampToValueAtTime(0.01, at + NOTE_SEC);
        osc.connect(envelope).connect(master);
        osc.start(at);
        osc.stop(at + NOTE_SEC);
        at += NOTE_SEC;
      }
    }
    element.srcObject = destination.stream;
    try {
      await element.play();
    } catch {
      master.disconnect();
      return { ok: false, message: 'The browser did not let the page play sound.' };
    }
    await new Promise<void>((resolve) => {
      const timer = setTimeout(done, TONE_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.#stopCurrent = done;
    });
    this.#stopCurrent = undefined;
    element.pause();
    element.srcObject = null;
    master.disconnect();
    for (const track of destination.stream.getTracks()) track.stop();
    return { ok: true };
  }

  /** cuts a tone short (leaving the page) */
  stop(): void {
    this.#stopCurrent?.();
  }

  #audioElement(): HTMLAudioElement {
    if (!this.#element) {
      const element = this.#options.doc.createElement('audio');
      element.hidden = true;
      element.dataset['ringside'] = 'speaker-test';
      this.#options.doc.body.append(element);
      this.#element = element;
    }
    return this.#element;
  }
}
