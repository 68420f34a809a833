import { describe, expect, it } from 'vitest';
import { CallRecorder } from './call-recorder';
import { OPUS_PRE_SKIP, oggCrc, readOggPages, writeOggOpus } from './ogg-opus';
import { OpusCodec } from './opus-codec';
import { createToneSource } from './tone-source';

describe('Ogg Opus files', () => {
  it('uses Ogg’s CRC (polynomial 0x04c11db7, unreflected, from 0)', () => {
    expect(oggCrc(Buffer.from('OggS'))).toBe(0x5fb0a94f);
    expect(oggCrc(Buffer.alloc(0))).toBe(0);
  });

  it('writes OpusHead, OpusTags, then the audio pages with granules in 48 kHz samples', () => {
    const packets = Array.from({ length: 120 }, (_, i) => Buffer.from([0xfc, i]));
    const file = writeOggOpus(packets, { channels: 2, serial: 7 });
    const pages = readOggPages(file);
    expect(pages.every((p) => p.crcOk)).toBe(true);
    expect(pages[0]?.packets[0]?.toString('ascii', 0, 8)).toBe('OpusHead');
    expect(pages[0]?.packets[0]?.readUInt8(9)).toBe(2);
    expect(pages[0]?.flags).toBe(0x02);
    expect(pages[1]?.packets[0]?.toString('ascii', 0, 8)).toBe('OpusTags');
    const audio = pages.slice(2);
    expect(audio.flatMap((p) => p.packets)).toHaveLength(120);
    expect(audio.map((p) => p.sequence)).toEqual([2, 3, 4]);
    expect(audio.at(-1)?.granule).toBe(BigInt(OPUS_PRE_SKIP + 120 * 960));
    expect(audio.at(-1)?.flags).toBe(0x04);
  });

  it('lays a packet of 255 bytes or more over several lacing values', () => {
    const big = Buffer.alloc(600, 1);
    const pages = readOggPages(writeOggOpus([big, Buffer.from([1])], { channels: 1, serial: 1 }));
    expect(pages[2]?.packets.map((p) => p.length)).toEqual([600, 1]);
  });

  it('records both sides of a call as a stereo file a decoder plays back', () => {
    const tone = createToneSource();
    const codec = new OpusCodec();
    const recorder = new CallRecorder();
    for (let i = 0; i < 100; i++) {
      const packet = codec.encode(tone.nextFrame());
      recorder.sent(packet, 1_000 + i * 20);
      if (i >= 50) recorder.heard(packet, 1_005 + i * 20);
    }
    codec.close();
    const pages = readOggPages(recorder.toOggOpus());
    expect(pages.every((p) => p.crcOk)).toBe(true);
    const audio = pages.slice(2).flatMap((p) => p.packets);
    expect(audio).toHaveLength(100);
    const decoder = new OpusCodec();
    const decoded = audio.map((packet) => decoder.decode(packet));
    decoder.close();
    const level = (pcm: Int16Array | null, channel: number) => {
      let peak = 0;
      for (let i = channel; i < (pcm?.length ?? 0); i += 2)
        peak = Math.max(peak, Math.abs(pcm![i]!));
      return peak;
    };
    // the caller talks throughout (left); the business is heard only in the second half (right)
    expect(level(decoded[20]!, 0)).toBeGreaterThan(1000);
    expect(level(decoded[20]!, 1)).toBeLessThan(200);
    expect(level(decoded[80]!, 1)).toBeGreaterThan(1000);
  });
});
