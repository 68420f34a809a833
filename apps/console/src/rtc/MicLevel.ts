import { rmsToLevel, SpeechGate, type SpeechGateOptions } from './speech-gate';

/** one reading of the microphone */
export interface MicReading {
  /** root mean square of the last samples, 0..1 of full scale */
  rms: number;
  /** what a meter shows, 0..1: rises at once, falls back slowly so it is readable */
  level: number;
  /** someone is speaking (with hysteresis, see SpeechGate) */
  speaking: boolean;
}

// the shown level falls by this factor per second, as a VU meter's needle does
const FALL_PER_SECOND = 0.1;

/**
 * Turns successive RMS readings into what the agent sees: a meter level that rises at once and
 * falls back gently, and whether they are speaking.
 *
 * @example
 * const mic = new MicLevel();
 * mic.feed(0.1, 0); // { rms: 0.1, level: 0.67, speaking: false }
 */
export class MicLevel {
  readonly #gate: SpeechGate;
  #level = 0;
  #lastAt: number | null = null;

  constructor(options: SpeechGateOptions = {}) {
    this.#gate = new SpeechGate(options);
  }

  feed(rms: number, atMs: number): MicReading {
    const elapsed = this.#lastAt === null ? 0 : Math.max(0, atMs - this.#lastAt) / 1000;
    this.#lastAt = atMs;
    this.#level = Math.max(rmsToLevel(rms), this.#level * FALL_PER_SECOND ** elapsed);
    return { rms, level: this.#level, speaking: this.#gate.feed(rms, atMs) };
  }

  reset(): void {
    this.#gate.reset();
    this.#level = 0;
    this.#lastAt = null;
  }
}

/** a running analysis of one track; `stop` disconnects it */
export interface TrackAnalysis {
  stop(): void;
}

/**
 * Reads a microphone track's RMS every `intervalMs` through a Web Audio `AnalyserNode` (not
 * connected to the speakers: nothing is heard). The track is the caller's to stop.
 *
 * @example
 * const analysis = analyseTrack(audioContext, clone, (rms) => meter.feed(rms, performance.now()));
 * analysis.stop();
 */
export function analyseTrack(
  context: AudioContext,
  track: MediaStreamTrack,
  onRms: (rms: number) => void,
  intervalMs = 50,
): TrackAnalysis {
  const source = context.createMediaStreamSource(new MediaStream([track]));
  const analyser = context.createAnalyser();
  analyser.fftSize = 2048; // ~43 ms at 48 kHz: longer than the gap between two syllables' peaks
  source.connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  const timer = setInterval(() => {
    analyser.getFloatTimeDomainData(samples);
    let sum = 0;
    for (const sample of samples) sum += sample * sample;
    onRms(Math.sqrt(sum / samples.length));
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      source.disconnect();
    },
  };
}
