/** the span `level()` averages over */
export const METER_WINDOW_MS = 1000;

interface Block {
  at: number;
  sumOfSquares: number;
  samples: number;
}

/**
 * RMS level of decoded audio over roughly the last second, 0..1 (full-scale square wave = 1,
 * full-scale sine ≈ 0.707), and the highest level seen. Time is passed in, so the meter is pure.
 * The level falls back to 0 a second after audio stops arriving.
 *
 * @example
 * const meter = new AudioMeter();
 * meter.push(pcm, Date.now());
 * meter.level(Date.now()); // e.g. 0.21
 */
export class AudioMeter {
  #blocks: Block[] = [];
  #peak = 0;

  /** add one block of 16-bit PCM (any channel layout) received at `at` (epoch ms) */
  push(pcm: Int16Array, at: number): void {
    if (pcm.length === 0) return;
    let sumOfSquares = 0;
    for (const sample of pcm) sumOfSquares += (sample / 32768) ** 2;
    this.#blocks.push({ at, sumOfSquares, samples: pcm.length });
    this.#peak = Math.max(this.#peak, this.level(at));
  }

  /** RMS over the blocks received in the last {@link METER_WINDOW_MS} before `now` */
  level(now: number): number {
    this.#drop(now);
    let sumOfSquares = 0;
    let samples = 0;
    for (const block of this.#blocks) {
      sumOfSquares += block.sumOfSquares;
      samples += block.samples;
    }
    return samples === 0 ? 0 : Math.min(1, Math.sqrt(sumOfSquares / samples));
  }

  /** the highest {@link AudioMeter.level} seen so far */
  get peak(): number {
    return this.#peak;
  }

  #drop(now: number): void {
    const oldest = now - METER_WINDOW_MS;
    let stale = 0;
    while (stale < this.#blocks.length && (this.#blocks[stale]?.at ?? Infinity) <= oldest) stale++;
    if (stale > 0) this.#blocks.splice(0, stale);
  }
}

/**
 * RMS of a block of 16-bit PCM, 0..1.
 *
 * @example
 * pcmRms(createToneSource({ amplitude: 0.5 }).nextFrame()); // ≈ 0.354
 */
export function pcmRms(pcm: Int16Array): number {
  const meter = new AudioMeter();
  meter.push(pcm, 0);
  return meter.level(0);
}
