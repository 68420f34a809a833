import { FRAME_MS, FRAME_SAMPLES, OPUS_CHANNELS, OpusCodec } from './opus-codec';
import { writeOggOpus } from './ogg-opus';

/** a call longer than this is recorded up to here (the simulator keeps packets in memory) */
export const RECORDING_MAX_MS = 15 * 60_000;
const MAX_SLOTS = RECORDING_MAX_MS / FRAME_MS;

/**
 * What Meta would record of a call, seen from the simulated caller: the Opus packets it sent
 * and those it heard, each placed on a 20 ms slot by when it passed. `toOggOpus()` decodes both,
 * puts what the caller said on the left channel and what it heard on the right, and encodes the
 * result as a two-channel Ogg Opus file.
 *
 * @example
 * recorder.sent(payload, Date.now()); recorder.heard(rtp.payload, Date.now());
 * const ogg = recorder.toOggOpus();
 */
export class CallRecorder {
  #startedAt: number | null = null;
  readonly #sent = new Map<number, Uint8Array>();
  readonly #heard = new Map<number, Uint8Array>();

  sent(packet: Uint8Array, at: number): void {
    this.#place(this.#sent, packet, at);
  }

  heard(packet: Uint8Array, at: number): void {
    this.#place(this.#heard, packet, at);
  }

  /** how many 20 ms slots the recording spans */
  get slots(): number {
    const last = Math.max(-1, ...this.#sent.keys(), ...this.#heard.keys());
    return last + 1;
  }

  toOggOpus(): Buffer {
    const sentDecoder = new OpusCodec();
    const heardDecoder = new OpusCodec();
    const encoder = new OpusCodec();
    try {
      const packets: Buffer[] = [];
      const slots = Math.max(1, this.slots);
      for (let slot = 0; slot < slots; slot++) {
        const said = this.#decode(sentDecoder, this.#sent.get(slot));
        const heard = this.#decode(heardDecoder, this.#heard.get(slot));
        const frame = new Int16Array(FRAME_SAMPLES * OPUS_CHANNELS);
        for (let i = 0; i < FRAME_SAMPLES; i++) {
          // left: the caller; right: the business (each source's left channel)
          frame[i * 2] = said?.[i * OPUS_CHANNELS] ?? 0;
          frame[i * 2 + 1] = heard?.[i * OPUS_CHANNELS] ?? 0;
        }
        packets.push(encoder.encode(frame));
      }
      return writeOggOpus(packets, {
        channels: 2,
        serial: 0x52534e47,
        comments: [
          'TITLE=Ringside simulator call recording',
          'CHANNELS=left caller, right business',
        ],
      });
    } finally {
      sentDecoder.close();
      heardDecoder.close();
      encoder.close();
    }
  }

  #decode(codec: OpusCodec, packet: Uint8Array | undefined): Int16Array | null {
    return packet ? codec.decode(packet) : null;
  }

  #place(track: Map<number, Uint8Array>, packet: Uint8Array, at: number): void {
    this.#startedAt ??= at;
    let slot = Math.max(0, Math.round((at - this.#startedAt) / FRAME_MS));
    // two packets in one slot (jitter): the later one takes the next free slot
    while (track.has(slot)) slot++;
    if (slot >= MAX_SLOTS) return;
    track.set(slot, Buffer.from(packet));
  }
}
