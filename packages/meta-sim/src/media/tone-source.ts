import { FRAME_SAMPLES, OPUS_CHANNELS, OPUS_SAMPLE_RATE } from './opus-codec';

/** an endless supply of 20 ms frames of interleaved stereo PCM */
export interface PcmFrameSource {
  nextFrame(): Int16Array;
}

export interface ToneOptions {
  /** default 440 Hz */
  frequencyHz?: number;
  /** peak amplitude, 0..1; default 0.3 */
  amplitude?: number;
}

/**
 * A steady sine tone, the same on both channels. Its RMS level is `amplitude / √2`.
 *
 * @example
 * const tone = createToneSource({ frequencyHz: 440, amplitude: 0.3 });
 * const frame = tone.nextFrame(); // 1920 samples: 960 per channel
 */
export function createToneSource(options: ToneOptions = {}): PcmFrameSource {
  const frequencyHz = options.frequencyHz ?? 440;
  const amplitude = options.amplitude ?? 0.3;
  if (!(frequencyHz > 0 && frequencyHz < OPUS_SAMPLE_RATE / 2)) {
    throw new RangeError(`tone frequency must be within 0..${OPUS_SAMPLE_RATE / 2} Hz`);
  }
  if (!(amplitude >= 0 && amplitude <= 1)) throw new RangeError('tone amplitude must be 0..1');
  let sampleIndex = 0;
  const step = (2 * Math.PI * frequencyHz) / OPUS_SAMPLE_RATE;
  return {
    nextFrame() {
      const frame = new Int16Array(FRAME_SAMPLES * OPUS_CHANNELS);
      for (let i = 0; i < FRAME_SAMPLES; i++) {
        const value = toInt16(amplitude * Math.sin(step * sampleIndex++));
        frame[i * OPUS_CHANNELS] = value;
        frame[i * OPUS_CHANNELS + 1] = value;
      }
      return frame;
    },
  };
}

/**
 * A sample in -1..1 as 16-bit PCM, clamped.
 *
 * @example
 * toInt16(0.5); // → 16384
 */
export function toInt16(sample: number): number {
  const clamped = Math.max(-1, Math.min(1, sample));
  return Math.round(clamped * 32767);
}
