import { FRAME_SAMPLES, OPUS_CHANNELS, OPUS_SAMPLE_RATE } from './opus-codec';
import { toInt16, type PcmFrameSource } from './tone-source';

export interface SpeechOptions {
  /** peak amplitude of a syllable, 0..1; default 0.4 */
  amplitude?: number;
  /** the same seed gives the same "sentence"; default 1 */
  seed?: number;
}

interface Segment {
  /** samples left in this syllable or pause */
  remaining: number;
  length: number;
  /** null for a pause */
  voice: { f0: number; f1: number; f2: number } | null;
}

/**
 * Something that sounds like talking to a level meter and a jitter buffer: syllable-length
 * bursts (120–280 ms) of a few mixed tones (a pitch and two formant-like partials) under a
 * smooth envelope, separated by short gaps and the odd longer pause between "words".
 *
 * @example
 * const speech = createSpeechSource({ seed: 7 });
 * const frame = speech.nextFrame();
 */
export function createSpeechSource(options: SpeechOptions = {}): PcmFrameSource {
  const amplitude = options.amplitude ?? 0.4;
  if (!(amplitude >= 0 && amplitude <= 1)) throw new RangeError('speech amplitude must be 0..1');
  const random = mulberry32(options.seed ?? 1);
  const ms = (value: number) => Math.round((value * OPUS_SAMPLE_RATE) / 1000);
  const between = (low: number, high: number) => low + random() * (high - low);
  let syllablesInWord = 0;
  const nextSegment = (previous: Segment | null): Segment => {
    if (previous?.voice) {
      // after a syllable: a short gap, or a longer pause once a word is done
      const endOfWord = --syllablesInWord <= 0;
      const length = endOfWord ? ms(between(300, 600)) : ms(between(60, 200));
      return { remaining: length, length, voice: null };
    }
    if (syllablesInWord <= 0) syllablesInWord = 1 + Math.floor(random() * 4);
    const length = ms(between(120, 280));
    const voice = { f0: between(110, 220), f1: between(450, 900), f2: between(1100, 2400) };
    return { remaining: length, length, voice };
  };

  let segment = nextSegment(null);
  // running phases of the three partials, kept across frames so nothing clicks
  const phase = { pitch: 0, low: 0, high: 0 };
  const advance = (value: number, frequencyHz: number) =>
    (value + (2 * Math.PI * frequencyHz) / OPUS_SAMPLE_RATE) % (2 * Math.PI);
  return {
    nextFrame() {
      const frame = new Int16Array(FRAME_SAMPLES * OPUS_CHANNELS);
      for (let i = 0; i < FRAME_SAMPLES; i++) {
        if (segment.remaining <= 0) segment = nextSegment(segment);
        let sample = 0;
        if (segment.voice) {
          const { f0, f1, f2 } = segment.voice;
          const progress = 1 - segment.remaining / segment.length;
          // a slight fall in pitch across the syllable, as in speech
          phase.pitch = advance(phase.pitch, f0 * (1.1 - 0.2 * progress));
          phase.low = advance(phase.low, f1);
          phase.high = advance(phase.high, f2);
          const mix =
            0.55 * Math.sin(phase.pitch) + 0.3 * Math.sin(phase.low) + 0.15 * Math.sin(phase.high);
          sample = amplitude * Math.sin(Math.PI * progress) * mix;
        }
        segment.remaining--;
        const value = toInt16(sample);
        frame[i * OPUS_CHANNELS] = value;
        frame[i * OPUS_CHANNELS + 1] = value;
      }
      return frame;
    },
  };
}

/** a tiny seeded PRNG (mulberry32), so a given seed always says the same thing */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
