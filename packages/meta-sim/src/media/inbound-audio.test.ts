import { afterEach, describe, expect, it } from 'vitest';
import { InboundAudio } from './inbound-audio';
import { OpusCodec } from './opus-codec';
import { createToneSource } from './tone-source';

const codecs: OpusCodec[] = [];
afterEach(() => {
  for (const codec of codecs.splice(0)) codec.close();
});

function setup() {
  const encoder = new OpusCodec();
  const decoder = new OpusCodec();
  codecs.push(encoder, decoder);
  const echoed: Buffer[] = [];
  const inbound = new InboundAudio(decoder, (payload) => echoed.push(payload));
  inbound.setPayloadTypes({ opus: 111, telephoneEvent: 126 });
  const tone = createToneSource({ amplitude: 0.5 });
  const opusPacket = () => encoder.encode(tone.nextFrame());
  return { inbound, echoed, opusPacket };
}

describe('InboundAudio', () => {
  it('counts opus packets and bytes, their times, and measures their level', () => {
    const { inbound, opusPacket } = setup();
    let bytes = 0;
    for (let i = 0; i < 50; i++) {
      const payload = opusPacket();
      bytes += payload.length;
      inbound.receive({ payloadType: 111, timestamp: i * 960, payload }, 10_000 + i * 20);
    }
    expect(inbound.packets).toBe(50);
    expect(inbound.bytes).toBe(bytes);
    expect(inbound.firstPacketAt).toBe(10_000);
    expect(inbound.lastPacketAt).toBe(10_980);
    expect(inbound.audioLevel(10_990)).toBeGreaterThan(0.25);
    expect(inbound.peakAudioLevel).toBeGreaterThan(0.25);
    // a second later with nothing new, the level is gone but the peak stays
    expect(inbound.audioLevel(12_000)).toBe(0);
    expect(inbound.peakAudioLevel).toBeGreaterThan(0.25);
  });

  it('reads telephone-event packets as DTMF, never as audio', () => {
    const { inbound } = setup();
    inbound.receive(
      { payloadType: 126, timestamp: 800, payload: Buffer.from([9, 0x0a, 0, 160]) },
      1,
    );
    for (let i = 0; i < 3; i++) {
      inbound.receive(
        { payloadType: 126, timestamp: 800, payload: Buffer.from([9, 0x8a, 3, 32]) },
        2,
      );
    }
    expect(inbound.dtmf).toBe('9');
    expect(inbound.packets).toBe(0);
    expect(inbound.bytes).toBe(0);
    expect(inbound.firstPacketAt).toBeNull();
  });

  it('ignores payload types that were not negotiated', () => {
    const { inbound, opusPacket } = setup();
    inbound.receive({ payloadType: 0, timestamp: 0, payload: opusPacket() }, 1);
    inbound.receive({ payloadType: 110, timestamp: 0, payload: Buffer.from([1, 0x80, 0, 1]) }, 1);
    expect(inbound.packets).toBe(0);
    expect(inbound.dtmf).toBe('');
  });

  it('counts nothing before payload types are known', () => {
    const decoder = new OpusCodec();
    codecs.push(decoder);
    const inbound = new InboundAudio(decoder);
    inbound.receive(
      { payloadType: 111, timestamp: 0, payload: Buffer.from([0xf8, 0xff, 0xfe]) },
      1,
    );
    expect(inbound.packets).toBe(0);
  });

  it('hands each audio payload on for the echo, and counts a corrupt one without a level', () => {
    const { inbound, echoed, opusPacket } = setup();
    const good = opusPacket();
    inbound.receive({ payloadType: 111, timestamp: 0, payload: good }, 1);
    inbound.receive({ payloadType: 111, timestamp: 960, payload: Buffer.from([0x03, 0x00]) }, 2);
    expect(echoed).toEqual([good, Buffer.from([0x03, 0x00])]);
    expect(inbound.packets).toBe(2);
  });
});
