import { describe, expect, it } from 'vitest';
import { pcmRms } from './audio-meter';
import { FRAME_SAMPLES, OPUS_CHANNELS } from './opus-codec';
import { createSpeechSource } from './speech-source';
import { createToneSource } from './tone-source';

/** RMS of each 20 ms frame over `seconds` */
function frameLevels(source: { nextFrame(): Int16Array }, seconds: number): number[] {
  return Array.from({ length: seconds * 50 }, () => pcmRms(source.nextFrame()));
}

describe('createSpeechSource', () => {
  it('alternates syllable-length bursts with gaps, like talking', () => {
    const levels = frameLevels(createSpeechSource({ seed: 3 }), 10);
    const voiced = levels.map((level) => level > 0.02);
    const bursts: number[] = [];
    let run = 0;
    for (const on of [...voiced, false]) {
      if (on) run++;
      else if (run > 0) {
        bursts.push(run);
        run = 0;
      }
    }
    // 10 s of speech holds many syllables of roughly 80–300 ms, and real silence between them
    expect(bursts.length).toBeGreaterThan(15);
    const meanBurstMs = (bursts.reduce((a, b) => a + b, 0) / bursts.length) * 20;
    expect(meanBurstMs).toBeGreaterThan(80);
    expect(meanBurstMs).toBeLessThan(300);
    expect(levels.filter((level) => level === 0).length).toBeGreaterThan(50);
    expect(Math.max(...levels)).toBeGreaterThan(0.1);
  });

  it('says the same thing for the same seed, and something else for another', () => {
    const a = createSpeechSource({ seed: 11 });
    const b = createSpeechSource({ seed: 11 });
    const c = createSpeechSource({ seed: 12 });
    const first = Array.from({ length: 100 }, () => a.nextFrame());
    const second = Array.from({ length: 100 }, () => b.nextFrame());
    const other = Array.from({ length: 100 }, () => c.nextFrame());
    expect(second).toEqual(first);
    expect(other).not.toEqual(first);
  });

  it('makes full 20 ms stereo frames with both channels equal', () => {
    const frame = createSpeechSource().nextFrame();
    expect(frame.length).toBe(FRAME_SAMPLES * OPUS_CHANNELS);
    for (let i = 0; i < frame.length; i += 2) expect(frame[i]).toBe(frame[i + 1]);
  });

  it('rejects an amplitude outside 0..1', () => {
    expect(() => createSpeechSource({ amplitude: 1.5 })).toThrow(RangeError);
  });
});

describe('createToneSource', () => {
  it('plays a steady tone at amplitude / √2 RMS, continuous across frames', () => {
    const tone = createToneSource({ frequencyHz: 1000, amplitude: 0.4 });
    const levels = frameLevels(tone, 1);
    for (const level of levels) expect(level).toBeCloseTo(0.4 / Math.SQRT2, 2);
  });

  it('rejects a frequency or amplitude it cannot play', () => {
    expect(() => createToneSource({ frequencyHz: 0 })).toThrow(RangeError);
    expect(() => createToneSource({ frequencyHz: 30_000 })).toThrow(RangeError);
    expect(() => createToneSource({ amplitude: -0.1 })).toThrow(RangeError);
  });
});
