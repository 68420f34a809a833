import { NativeOpus } from '@ringside/meta-sim/testing';

export const SAMPLE_RATE = 48_000;
export const CHANNELS = 2;
export const FRAME_SAMPLES = 960;
/** the span a level is averaged over */
const WINDOW_MS = 500;
/** a packet this loud (RMS) counts as the tone's arrival, for mouth-to-ear timing */
const ONSET_LEVEL = 0.05;

/**
 * A sine tone as 20 ms stereo opus packets, and the other way round: decoded RMS of what
 * arrives, over the last {@link WINDOW_MS}. The level is 0..1 (a sine of amplitude a has a/√2).
 *
 * @example
 * const probe = new AudioProbe(440);
 * const packet = probe.nextPacket();
 * probe.receive(packet, Date.now());
 * probe.level(Date.now()); // ≈ 0.21 for the default amplitude
 */
export class AudioProbe {
  readonly #opus = new NativeOpus(SAMPLE_RATE, CHANNELS, FRAME_SAMPLES);
  readonly #step: number;
  readonly #amplitude: number;
  #sample = 0;
  #blocks: { at: number; sumOfSquares: number; samples: number }[] = [];
  #packets = 0;
  #firstLoudAt: number | null = null;

  constructor(frequencyHz: number, amplitude = 0.3) {
    this.#step = (2 * Math.PI * frequencyHz) / SAMPLE_RATE;
    this.#amplitude = amplitude;
  }

  /** the next 20 ms of the tone (or of silence), opus-encoded */
  nextPacket(silent = false): Buffer {
    const pcm = new Int16Array(FRAME_SAMPLES * CHANNELS);
    for (let i = 0; i < FRAME_SAMPLES; i++) {
      const sine = Math.sin(this.#step * this.#sample++);
      const value = silent ? 0 : Math.round(32767 * this.#amplitude * sine);
      pcm[2 * i] = value;
      pcm[2 * i + 1] = value;
    }
    return this.#opus.encode(new Uint8Array(pcm.buffer), FRAME_SAMPLES);
  }

  /** one received opus payload */
  receive(payload: Buffer, at: number): void {
    this.#packets++;
    let pcm: Int16Array;
    try {
      pcm = this.#opus.decode(payload);
    } catch {
      return;
    }
    let sumOfSquares = 0;
    for (const sample of pcm) sumOfSquares += (sample / 32768) ** 2;
    this.#blocks.push({ at, sumOfSquares, samples: pcm.length });
    if (this.#firstLoudAt === null && Math.sqrt(sumOfSquares / pcm.length) > ONSET_LEVEL) {
      this.#firstLoudAt = at;
    }
  }

  /** when the first packet louder than the onset level arrived (epoch ms), null before */
  get firstLoudAt(): number | null {
    return this.#firstLoudAt;
  }

  get packets(): number {
    return this.#packets;
  }

  /** RMS of what arrived in the last half second before `now`; 0 if nothing did */
  level(now: number): number {
    this.#blocks = this.#blocks.filter((block) => block.at > now - WINDOW_MS);
    let sum = 0;
    let samples = 0;
    for (const block of this.#blocks) {
      sum += block.sumOfSquares;
      samples += block.samples;
    }
    return samples === 0 ? 0 : Math.sqrt(sum / samples);
  }

  close(): void {
    this.#opus.free();
  }
}
