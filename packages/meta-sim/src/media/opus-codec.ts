import { NativeOpus } from './opus-native';

/** opus as WhatsApp and browsers carry it: 48 kHz, two channels, 20 ms frames */
export const OPUS_SAMPLE_RATE = 48_000;
export const OPUS_CHANNELS = 2;
export const FRAME_MS = 20;
/** samples per channel in one 20 ms frame, and so the RTP timestamp step per packet */
export const FRAME_SAMPLES = (OPUS_SAMPLE_RATE * FRAME_MS) / 1000;

/**
 * One call's opus encoder and decoder, in JS (opusscript's wasm build), working on interleaved
 * stereo 16-bit PCM of {@link FRAME_SAMPLES} samples per channel.
 *
 * Call {@link OpusCodec.close} when done: wasm memory is not garbage collected.
 *
 * @example
 * const codec = new OpusCodec();
 * const packet = codec.encode(createToneSource().nextFrame());
 * const pcm = codec.decode(packet);
 * codec.close();
 */
export class OpusCodec {
  #native: NativeOpus | null = null;
  #closed = false;

  /** one frame of interleaved stereo PCM → one opus packet */
  encode(pcm: Int16Array): Buffer {
    if (pcm.length !== FRAME_SAMPLES * OPUS_CHANNELS) {
      throw new RangeError(
        `an opus frame is ${FRAME_SAMPLES * OPUS_CHANNELS} interleaved samples, got ${pcm.length}`,
      );
    }
    // little-endian bytes, as the wasm handler takes them (x64 and arm64 are little-endian)
    const bytes = new Uint8Array(pcm.buffer, pcm.byteOffset, pcm.byteLength);
    return this.#nativeOrCreate().encode(bytes, FRAME_SAMPLES);
  }

  /** one opus packet → interleaved stereo PCM; null for a packet opus rejects, or once closed */
  decode(packet: Uint8Array): Int16Array | null {
    // a packet can still arrive while the call closes: it is simply not heard
    if (packet.length === 0 || this.#closed) return null;
    const native = this.#nativeOrCreate();
    try {
      return native.decode(packet);
    } catch {
      // a corrupt or non-opus payload: no audio from it, as a real decoder would play none
      return null;
    }
  }

  /** frees the wasm state; encode/decode afterwards throw */
  close(): void {
    this.#closed = true;
    this.#native?.free();
    this.#native = null;
  }

  #nativeOrCreate(): NativeOpus {
    if (this.#closed) throw new Error('the opus codec is closed');
    this.#native ??= new NativeOpus(OPUS_SAMPLE_RATE, OPUS_CHANNELS, FRAME_SAMPLES);
    return this.#native;
  }
}
