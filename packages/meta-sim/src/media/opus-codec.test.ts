import { afterEach, describe, expect, it } from 'vitest';
import { pcmRms } from './audio-meter';
import { FRAME_SAMPLES, OPUS_CHANNELS, OpusCodec } from './opus-codec';
import { createToneSource } from './tone-source';

const codecs: OpusCodec[] = [];
function newCodec(): OpusCodec {
  const codec = new OpusCodec();
  codecs.push(codec);
  return codec;
}
afterEach(() => {
  for (const codec of codecs.splice(0)) codec.close();
});

/** zero crossings upward per second on the left channel */
function frequencyOf(frames: Int16Array[]): number {
  let crossings = 0;
  let previous = 0;
  let samples = 0;
  for (const frame of frames) {
    for (let i = 0; i < frame.length; i += OPUS_CHANNELS) {
      const value = frame[i] ?? 0;
      if (previous < 0 && value >= 0) crossings++;
      previous = value;
      samples++;
    }
  }
  return crossings / (samples / 48_000);
}

describe('OpusCodec', () => {
  it('round-trips a 440 Hz tone at its level and pitch', () => {
    const codec = newCodec();
    const tone = createToneSource({ frequencyHz: 440, amplitude: 0.3 });
    const decoded: Int16Array[] = [];
    for (let i = 0; i < 100; i++) {
      const packet = codec.encode(tone.nextFrame());
      expect(packet.length).toBeGreaterThan(0);
      expect(packet.length).toBeLessThan(400);
      const pcm = codec.decode(packet);
      if (!pcm) throw new Error('a packet we encoded did not decode');
      expect(pcm.length).toBe(FRAME_SAMPLES * OPUS_CHANNELS);
      decoded.push(pcm);
    }
    // past the codec's start-up delay
    const settled = decoded.slice(10);
    const level = settled.reduce((sum, pcm) => sum + pcmRms(pcm), 0) / settled.length;
    expect(level).toBeGreaterThan(0.19);
    expect(level).toBeLessThan(0.23);
    expect(frequencyOf(settled)).toBeCloseTo(440, -1);
  });

  it('round-trips silence as silence', () => {
    const codec = newCodec();
    let loudest = 0;
    for (let i = 0; i < 20; i++) {
      const pcm = codec.decode(codec.encode(new Int16Array(FRAME_SAMPLES * OPUS_CHANNELS)));
      loudest = Math.max(loudest, pcm ? pcmRms(pcm) : 1);
    }
    expect(loudest).toBeLessThan(0.001);
  });

  it('keeps many codecs apart (each call has its own state)', () => {
    const pairs = Array.from({ length: 12 }, (_, i) => ({
      codec: newCodec(),
      tone: createToneSource({ amplitude: 0.05 + i * 0.05 }),
      level: 0,
    }));
    for (let frame = 0; frame < 30; frame++) {
      for (const pair of pairs) {
        const pcm = pair.codec.decode(pair.codec.encode(pair.tone.nextFrame()));
        pair.level = pcm ? pcmRms(pcm) : 0;
      }
    }
    pairs.forEach((pair, i) => {
      expect(pair.level).toBeCloseTo((0.05 + i * 0.05) / Math.SQRT2, 1);
    });
  });

  it('rejects a frame of the wrong length', () => {
    expect(() => newCodec().encode(new Int16Array(100))).toThrow(RangeError);
  });

  it('decodes an empty or corrupt payload to nothing instead of throwing', () => {
    const codec = newCodec();
    expect(codec.decode(new Uint8Array(0))).toBeNull();
    // TOC code 3 with a frame count of 0 is invalid (RFC 6716 §3.2.5)
    expect(codec.decode(Uint8Array.of(0x03, 0x00))).toBeNull();
  });

  it('refuses to encode after close, and hears nothing more', () => {
    const codec = newCodec();
    codec.close();
    expect(() => codec.encode(new Int16Array(FRAME_SAMPLES * OPUS_CHANNELS))).toThrow(/closed/);
    expect(codec.decode(Uint8Array.of(0xf8, 0xff, 0xfe))).toBeNull();
  });
});
