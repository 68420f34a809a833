import { randomInt } from 'node:crypto';

/** the RTP header fields one outgoing packet takes */
export interface RtpSlot {
  sequenceNumber: number;
  timestamp: number;
  /** first packet of a talkspurt: after the start and after any frames not sent */
  marker: boolean;
}

/**
 * Numbers an outgoing audio stream (RFC 3550 §5.1, RFC 7587 §4): random start values, the
 * sequence number +1 per packet sent, the timestamp +`frameSamples` per frame of wall-clock
 * time whether sent or not, and the marker bit on the first packet after a gap.
 *
 * @example
 * const rtp = new RtpSequencer(960);
 * rtp.send(); // { sequenceNumber: 4711, timestamp: 123456, marker: true }
 * rtp.send(); // { sequenceNumber: 4712, timestamp: 124416, marker: false }
 * rtp.skip(); // a frame of silence not sent
 * rtp.send(); // { sequenceNumber: 4713, timestamp: 126336, marker: true }
 */
export class RtpSequencer {
  readonly #frameSamples: number;
  #sequenceNumber: number;
  #timestamp: number;
  #gap = true;

  constructor(frameSamples: number, start?: { sequenceNumber: number; timestamp: number }) {
    if (!Number.isInteger(frameSamples) || frameSamples <= 0) {
      throw new RangeError('frameSamples must be a positive integer');
    }
    this.#frameSamples = frameSamples;
    this.#sequenceNumber = start?.sequenceNumber ?? randomInt(0, 0x10000);
    this.#timestamp = start?.timestamp ?? randomInt(0, 0xffffffff);
  }

  /** the header fields for a packet carrying the current frame, then advance one frame */
  send(): RtpSlot {
    const slot = {
      sequenceNumber: this.#sequenceNumber,
      timestamp: this.#timestamp,
      marker: this.#gap,
    };
    this.#sequenceNumber = (this.#sequenceNumber + 1) & 0xffff;
    this.#timestamp = (this.#timestamp + this.#frameSamples) >>> 0;
    this.#gap = false;
    return slot;
  }

  /** `frames` frames of time pass unsent (silence, nothing to echo, the sender fell behind) */
  skip(frames = 1): void {
    if (!Number.isInteger(frames) || frames < 0)
      throw new RangeError('frames must be an integer ≥ 0');
    this.#timestamp = (this.#timestamp + frames * this.#frameSamples) >>> 0;
    if (frames > 0) this.#gap = true;
  }

  /** the next packet starts a new talkspurt (audio stopped, then started again) */
  markGap(): void {
    this.#gap = true;
  }
}
