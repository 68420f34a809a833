import { describe, expect, it } from 'vitest';
import { AudioMeter, METER_WINDOW_MS, pcmRms } from './audio-meter';
import { createToneSource } from './tone-source';

describe('AudioMeter', () => {
  it('reads ≈ 0 on silence', () => {
    const meter = new AudioMeter();
    for (let i = 0; i < 50; i++) meter.push(new Int16Array(1920), i * 20);
    expect(meter.level(1000)).toBe(0);
    expect(meter.peak).toBe(0);
  });

  it('reads 0 before anything arrives', () => {
    expect(new AudioMeter().level(Date.now())).toBe(0);
  });

  it('reads a sine at its RMS (amplitude / √2)', () => {
    const meter = new AudioMeter();
    const tone = createToneSource({ amplitude: 0.5 });
    for (let i = 0; i < 50; i++) meter.push(tone.nextFrame(), i * 20);
    expect(meter.level(1000)).toBeCloseTo(0.5 / Math.SQRT2, 2);
  });

  it('averages over the last second only, falling to 0 once audio stops, and keeps the peak', () => {
    const meter = new AudioMeter();
    const tone = createToneSource({ amplitude: 0.8 });
    for (let i = 0; i < 50; i++) meter.push(tone.nextFrame(), i * 20);
    const loud = meter.level(1000);
    for (let i = 50; i < 100; i++) meter.push(new Int16Array(1920), i * 20);
    expect(meter.level(2000)).toBe(0);
    expect(meter.level(980 + METER_WINDOW_MS * 3)).toBe(0);
    expect(meter.peak).toBeGreaterThanOrEqual(loud);
    expect(meter.peak).toBeCloseTo(0.8 / Math.SQRT2, 2);
  });

  it('half a window of tone, half of silence, reads the RMS of the mix', () => {
    const meter = new AudioMeter();
    const tone = createToneSource({ amplitude: 0.6 });
    for (let i = 0; i < 25; i++) meter.push(tone.nextFrame(), i * 20);
    for (let i = 25; i < 50; i++) meter.push(new Int16Array(1920), i * 20);
    expect(meter.level(990)).toBeCloseTo(0.6 / Math.SQRT2 / Math.SQRT2, 2);
  });

  it('ignores empty blocks', () => {
    const meter = new AudioMeter();
    meter.push(new Int16Array(0), 0);
    expect(meter.level(0)).toBe(0);
  });
});

describe('pcmRms', () => {
  it('is 1 for a full-scale square wave and 0 for silence', () => {
    const square = Int16Array.from({ length: 960 }, (_, i) => (i % 2 ? -32768 : 32767));
    expect(pcmRms(square)).toBeCloseTo(1, 3);
    expect(pcmRms(new Int16Array(960))).toBe(0);
  });
});
