const METER_FLOOR_DB = 60;

/**
 * The microphone's loudness as a meter shows it, 0..1: -60 dBFS and below is empty, 0 dBFS full
 * (a linear scale would show ordinary speech as a sliver).
 *
 * @example
 * rmsToLevel(0.1); // 0.67 (-20 dBFS)
 */
export function rmsToLevel(rms: number): number {
  if (!(rms > 0)) return 0;
  const db = 20 * Math.log10(rms);
  return Math.min(1, Math.max(0, (db + METER_FLOOR_DB) / METER_FLOOR_DB));
}

/**
 * RMS thresholds (0..1 of full scale) for "the agent is speaking". A voice into a headset sits
 * around -30..-15 dBFS after the browser's gain control; a quiet room after noise suppression
 * well under -50 dBFS. Speech starts above -40 dBFS and ends below -48, so a level hovering at
 * one threshold does not flicker.
 */
export const SPEECH_ON_RMS = 0.01;
export const SPEECH_OFF_RMS = 0.004;
/** below this (-80 dBFS) the microphone gives nothing at all: muted at the headset, or dead */
export const SILENT_RMS = 0.0001;

export interface SpeechGateOptions {
  /** how long the level must stay above {@link SPEECH_ON_RMS} before it counts as speech */
  attackMs?: number;
  /** how long it must stay below {@link SPEECH_OFF_RMS} before speech has ended (gaps between words) */
  releaseMs?: number;
}

/**
 * Decides from successive RMS readings whether someone is speaking, with hysteresis: two
 * thresholds and two delays, so a click does not count as speech and the pause between two words
 * does not end it.
 *
 * @example
 * const gate = new SpeechGate();
 * gate.feed(0.05, 0); gate.feed(0.05, 100); // true: speaking
 * gate.feed(0.001, 200); // still true until 700 ms of quiet
 */
export class SpeechGate {
  readonly #attackMs: number;
  readonly #releaseMs: number;
  #speaking = false;
  #loudSince: number | null = null;
  #quietSince: number | null = null;

  constructor(options: SpeechGateOptions = {}) {
    this.#attackMs = options.attackMs ?? 100;
    this.#releaseMs = options.releaseMs ?? 700;
  }

  get speaking(): boolean {
    return this.#speaking;
  }

  /** one reading at `atMs` (any monotonic clock); returns whether speech is on now */
  feed(rms: number, atMs: number): boolean {
    if (this.#speaking) {
      if (rms >= SPEECH_OFF_RMS) this.#quietSince = null;
      else {
        this.#quietSince ??= atMs;
        if (atMs - this.#quietSince >= this.#releaseMs) {
          this.#speaking = false;
          this.#quietSince = null;
        }
      }
    } else if (rms >= SPEECH_ON_RMS) {
      this.#loudSince ??= atMs;
      if (atMs - this.#loudSince >= this.#attackMs) {
        this.#speaking = true;
        this.#loudSince = null;
      }
    } else this.#loudSince = null;
    return this.#speaking;
  }

  reset(): void {
    this.#speaking = false;
    this.#loudSince = null;
    this.#quietSince = null;
  }
}
