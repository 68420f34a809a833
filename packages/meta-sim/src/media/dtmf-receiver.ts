/** one RFC 4733 telephone-event payload (section 2.3) */
export interface TelephoneEvent {
  /** event code: 0–9 digits, 10 `*`, 11 `#`, 12–15 `A`–`D`, others not DTMF */
  event: number;
  /** the E bit: this packet ends the event */
  end: boolean;
  /** power level in -dBm0, 0..63 */
  volume: number;
  /** duration so far, in RTP timestamp units */
  duration: number;
}

const DIGITS = '0123456789*#ABCD';

/** how many recent events are remembered to drop the end packet's retransmissions */
const REMEMBERED_EVENTS = 32;

/**
 * Reads a telephone-event payload; null when it is too short to be one. Extra bytes (several
 * events in one packet are allowed by RFC 4733 only for redundancy) are ignored.
 *
 * @example
 * parseTelephoneEvent(Uint8Array.of(11, 0x80 | 10, 0x03, 0x20));
 * // → { event: 11, end: true, volume: 10, duration: 800 }
 */
export function parseTelephoneEvent(payload: Uint8Array): TelephoneEvent | null {
  if (payload.length < 4) return null;
  const [event = 0, flags = 0, high = 0, low = 0] = payload;
  return { event, end: (flags & 0x80) !== 0, volume: flags & 0x3f, duration: (high << 8) | low };
}

/**
 * The DTMF key an event code stands for; null for codes outside 0–15 (not DTMF).
 *
 * @example
 * dtmfDigit(11); // → "#"
 * dtmfDigit(16); // → null (flash)
 */
export function dtmfDigit(event: number): string | null {
  return DIGITS[event] ?? null;
}

/**
 * Turns a stream of telephone-event packets into digits. A key press is one event: every packet
 * of it carries the same RTP timestamp (the event's start), and its end packet is sent three
 * times. A digit counts once, when the first end packet arrives; a press whose end packets are
 * all lost does not count, and packets that are not DTMF are ignored.
 *
 * @example
 * const dtmf = new DtmfReceiver();
 * dtmf.push(1600, Uint8Array.of(1, 0x0a, 0x01, 0x40)); // → null (still pressed)
 * dtmf.push(1600, Uint8Array.of(1, 0x8a, 0x03, 0x20)); // → "1"
 * dtmf.push(1600, Uint8Array.of(1, 0x8a, 0x03, 0x20)); // → null (retransmitted end)
 * dtmf.digits; // "1"
 */
export class DtmfReceiver {
  #digits = '';
  #ended: number[] = [];

  /** one telephone-event RTP packet: its RTP timestamp and payload; returns a new digit or null */
  push(rtpTimestamp: number, payload: Uint8Array): string | null {
    const parsed = parseTelephoneEvent(payload);
    if (!parsed?.end) return null;
    const digit = dtmfDigit(parsed.event);
    if (digit === null || this.#ended.includes(rtpTimestamp)) return null;
    this.#ended.push(rtpTimestamp);
    if (this.#ended.length > REMEMBERED_EVENTS) this.#ended.shift();
    this.#digits += digit;
    return digit;
  }

  /** every digit received, in order */
  get digits(): string {
    return this.#digits;
  }
}
