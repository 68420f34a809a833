import { describe, expect, it } from 'vitest';
import { DtmfReceiver, dtmfDigit, parseTelephoneEvent } from './dtmf-receiver';

/** an RFC 4733 payload: event, E bit, volume, duration */
function event(code: number, options: { end?: boolean; volume?: number; duration?: number } = {}) {
  const duration = options.duration ?? 160;
  const flags = (options.end ? 0x80 : 0) | (options.volume ?? 10);
  return Uint8Array.of(code, flags, duration >> 8, duration & 0xff);
}

/** one key press as RTCDTMFSender sends it: progress packets, then the end packet three times */
function press(receiver: DtmfReceiver, code: number, timestamp: number): void {
  receiver.push(timestamp, event(code, { duration: 160 }));
  receiver.push(timestamp, event(code, { duration: 320 }));
  for (let i = 0; i < 3; i++) receiver.push(timestamp, event(code, { end: true, duration: 800 }));
}

describe('parseTelephoneEvent', () => {
  it('reads event, end bit, volume and duration', () => {
    expect(parseTelephoneEvent(Uint8Array.of(11, 0x80 | 10, 0x03, 0x20))).toEqual({
      event: 11,
      end: true,
      volume: 10,
      duration: 800,
    });
    expect(parseTelephoneEvent(Uint8Array.of(5, 0x3f, 0x00, 0xa0))).toEqual({
      event: 5,
      end: false,
      volume: 63,
      duration: 160,
    });
  });

  it('ignores the reserved bit', () => {
    expect(parseTelephoneEvent(Uint8Array.of(1, 0x80 | 0x40 | 7, 0, 160))?.volume).toBe(7);
  });

  it('returns null for a payload shorter than 4 bytes', () => {
    expect(parseTelephoneEvent(Uint8Array.of(1, 0x80, 0))).toBeNull();
    expect(parseTelephoneEvent(new Uint8Array(0))).toBeNull();
  });
});

describe('dtmfDigit', () => {
  it('maps events 0–15 to 0–9, *, #, A–D', () => {
    const digits = Array.from({ length: 16 }, (_, code) => dtmfDigit(code)).join('');
    expect(digits).toBe('0123456789*#ABCD');
  });

  it('has no digit for other events (e.g. 16 flash, 32+ tones)', () => {
    expect(dtmfDigit(16)).toBeNull();
    expect(dtmfDigit(70)).toBeNull();
    expect(dtmfDigit(-1)).toBeNull();
  });
});

describe('DtmfReceiver', () => {
  it('counts a press once, on its first end packet', () => {
    const receiver = new DtmfReceiver();
    expect(receiver.push(1000, event(1))).toBeNull();
    expect(receiver.push(1000, event(1, { duration: 480 }))).toBeNull();
    expect(receiver.digits).toBe('');
    expect(receiver.push(1000, event(1, { end: true }))).toBe('1');
    expect(receiver.push(1000, event(1, { end: true }))).toBeNull();
    expect(receiver.push(1000, event(1, { end: true }))).toBeNull();
    expect(receiver.digits).toBe('1');
  });

  it('turns a sequence of presses into "12#"', () => {
    const receiver = new DtmfReceiver();
    press(receiver, 1, 8000);
    press(receiver, 2, 9600);
    press(receiver, 11, 11200);
    expect(receiver.digits).toBe('12#');
  });

  it('counts the same key pressed twice (a new RTP timestamp each time)', () => {
    const receiver = new DtmfReceiver();
    press(receiver, 5, 100);
    press(receiver, 5, 2000);
    expect(receiver.digits).toBe('55');
  });

  it('ignores events that are not DTMF keys, and payloads too short to parse', () => {
    const receiver = new DtmfReceiver();
    expect(receiver.push(100, event(16, { end: true }))).toBeNull();
    expect(receiver.push(200, event(40, { end: true }))).toBeNull();
    expect(receiver.push(300, Uint8Array.of(1, 0x80))).toBeNull();
    press(receiver, 0, 400);
    expect(receiver.digits).toBe('0');
  });

  it('does not count a press whose end packets were all lost', () => {
    const receiver = new DtmfReceiver();
    receiver.push(100, event(3));
    receiver.push(100, event(3, { duration: 320 }));
    press(receiver, 4, 2000);
    expect(receiver.digits).toBe('4');
  });

  it('keeps deduplicating across RTP timestamp wrap-around', () => {
    const receiver = new DtmfReceiver();
    press(receiver, 7, 0xffffff00);
    press(receiver, 8, 0x00000010);
    expect(receiver.digits).toBe('78');
  });
});
