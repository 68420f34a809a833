import { FRAME_MS, FRAME_SAMPLES } from './opus-codec';
import { RtpSequencer, type RtpSlot } from './rtp-sequencer';

/** a late timer sends at most this many frames at once; older ones are skipped, as real-time audio would */
const MAX_BURST = 3;

export interface PacedRtpSenderOptions {
  /** the payload for the frame slot at `now`, or null to send nothing in it */
  nextPayload(now: number): Buffer | null;
  /** hands one packet to the transport */
  send(slot: RtpSlot, payload: Buffer): void;
  /** whether the transport can carry packets yet (ICE and DTLS up); slots before that are skipped */
  ready(): boolean;
  /** epoch ms; default Date.now */
  clock?: () => number;
}

/**
 * Sends one audio frame every 20 ms from a timer, numbering packets with an
 * {@link RtpSequencer}. The schedule follows the clock, not the timer: a late tick sends the
 * frames that are due (up to a small burst) and skips the rest, so timestamps keep pace with
 * wall-clock time.
 *
 * @example
 * const sender = new PacedRtpSender({
 *   nextPayload: () => codec.encode(tone.nextFrame()),
 *   send: (slot, payload) => transceiver.sender.sendRtp(toRtpPacket(slot, payload)),
 *   ready: () => pc.connectionState === 'connected',
 * });
 * sender.start();
 */
export class PacedRtpSender {
  readonly #options: PacedRtpSenderOptions;
  readonly #clock: () => number;
  readonly #rtp = new RtpSequencer(FRAME_SAMPLES);
  #timer: NodeJS.Timeout | null = null;
  #startedAt = 0;
  #slotsDone = 0;
  #stoppedAt: number | null = null;
  #packetsSent = 0;

  constructor(options: PacedRtpSenderOptions) {
    this.#options = options;
    this.#clock = options.clock ?? Date.now;
  }

  /** begins (or resumes) sending; a no-op while running */
  start(): void {
    if (this.#timer) return;
    const now = this.#clock();
    if (this.#stoppedAt !== null) {
      // the stream's clock ran on while stopped: its timestamps jump by the time passed
      this.#rtp.skip(Math.floor((now - this.#stoppedAt) / FRAME_MS));
    }
    this.#startedAt = now;
    this.#slotsDone = 0;
    this.#timer = setInterval(() => this.#tick(), FRAME_MS);
    this.#tick();
  }

  /** stops sending entirely; a no-op when stopped */
  stop(): void {
    if (!this.#timer) return;
    clearInterval(this.#timer);
    this.#timer = null;
    this.#stoppedAt = this.#clock();
    this.#rtp.markGap();
  }

  get running(): boolean {
    return this.#timer !== null;
  }

  get packetsSent(): number {
    return this.#packetsSent;
  }

  #tick(): void {
    const now = this.#clock();
    const due = Math.floor((now - this.#startedAt) / FRAME_MS) + 1 - this.#slotsDone;
    if (due <= 0) return;
    const late = Math.max(0, due - MAX_BURST);
    this.#rtp.skip(late);
    for (let slot = late; slot < due; slot++) this.#sendSlot(now);
    this.#slotsDone += due;
  }

  #sendSlot(now: number): void {
    const payload = this.#options.ready() ? this.#options.nextPayload(now) : null;
    if (payload === null) {
      this.#rtp.skip();
      return;
    }
    this.#options.send(this.#rtp.send(), payload);
    this.#packetsSent++;
  }
}
