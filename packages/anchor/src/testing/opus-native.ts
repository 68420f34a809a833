import { createRequire } from 'node:module';

// a copy of packages/meta-sim/src/media/opus-native.ts (not exported by @ringside/meta-sim)

/**
 * opusscript's wasm build, driven directly. Its JS wrapper (opusscript 0.1.1 `index.js`) makes
 * its PCM views with `HEAPU16.subarray(bytePointer)`, which indexes 16-bit elements, so it writes
 * at twice the address it allocated: with more than one codec alive that corrupts the wasm heap
 * ("memory access out of bounds"), and its views also go stale when wasm memory grows. Here the
 * same handler gets correctly addressed views, made afresh for every call.
 *
 * The handler's ABI (opusscript's `src/opusscript_encoder.cpp`): `_encode` takes PCM as one
 * byte per 16-bit element (little-endian pairs) and `_decode` returns it the same way.
 */

/** the handler class opusscript's wasm exports through embind */
interface OpusHandler {
  _encode(inputAddress: number, bytes: number, outputAddress: number, frameSize: number): number;
  _decode(inputAddress: number, bytes: number, outputAddress: number): number;
}

interface OpusWasmModule {
  HEAPU8: Uint8Array;
  HEAPU16: Uint16Array;
  _malloc(size: number): number;
  _free(address: number): void;
  OpusScriptHandler: {
    new (sampleRate: number, channels: number, application: number): OpusHandler;
    destroy_handler(handler: OpusHandler): void;
  };
}

/** opus application: tuned for speech, as a phone call is */
const OPUS_APPLICATION_VOIP = 2048;
/** the largest opus packet (RFC 6716: 1275 bytes a frame, up to 3 frames) */
const MAX_PACKET_BYTES = 1276 * 3;
/** the most samples per channel one packet decodes to (120 ms at 48 kHz) */
const MAX_DECODED_SAMPLES = 5760;

let wasm: OpusWasmModule | undefined;

function loadWasm(): OpusWasmModule {
  if (!wasm) {
    const require = createRequire(import.meta.url);
    const factory: unknown = require('opusscript/build/opusscript_native_wasm.js');
    if (typeof factory !== 'function') throw new Error('opusscript wasm build not found');
    // the emscripten factory instantiates the module synchronously in Node
    wasm = (factory as () => OpusWasmModule)();
  }
  return wasm;
}

/**
 * One opus encoder + decoder state in wasm memory. Not thread-safe; free it with `free()`.
 *
 * @example
 * const native = new NativeOpus(48000, 2, 960);
 * const packet = native.encode(pcmBytes);
 * native.free();
 */
export class NativeOpus {
  readonly #module = loadWasm();
  readonly #handler: OpusHandler;
  readonly #channels: number;
  readonly #maxInputBytes: number;
  readonly #pcmIn: number;
  readonly #packetIn: number;
  readonly #packetOut: number;
  readonly #pcmOut: number;
  #freed = false;

  constructor(sampleRate: number, channels: number, frameSamples: number) {
    this.#channels = channels;
    this.#maxInputBytes = frameSamples * channels * 2;
    this.#handler = new this.#module.OpusScriptHandler(sampleRate, channels, OPUS_APPLICATION_VOIP);
    // one 16-bit element per PCM byte, in both directions (see the ABI note above)
    this.#pcmIn = this.#module._malloc(this.#maxInputBytes * 2);
    this.#packetIn = this.#module._malloc(MAX_PACKET_BYTES);
    this.#packetOut = this.#module._malloc(MAX_PACKET_BYTES);
    this.#pcmOut = this.#module._malloc(MAX_DECODED_SAMPLES * channels * 2 * 2);
  }

  /** little-endian 16-bit PCM bytes of one frame → an opus packet */
  encode(pcmBytes: Uint8Array, frameSamples: number): Buffer {
    this.#assertLive();
    if (pcmBytes.length > this.#maxInputBytes) throw new RangeError('PCM frame too long');
    new Uint16Array(this.#module.HEAPU16.buffer, this.#pcmIn, pcmBytes.length).set(pcmBytes);
    const length = this.#handler._encode(
      this.#pcmIn,
      pcmBytes.length,
      this.#packetOut,
      frameSamples,
    );
    if (length < 0) throw new Error(`opus encode failed (${length})`);
    return Buffer.from(this.#module.HEAPU8.subarray(this.#packetOut, this.#packetOut + length));
  }

  /** an opus packet → interleaved 16-bit PCM samples */
  decode(packet: Uint8Array): Int16Array {
    this.#assertLive();
    if (packet.length > MAX_PACKET_BYTES) throw new RangeError('opus packet too long');
    this.#module.HEAPU8.set(packet, this.#packetIn);
    const samples = this.#handler._decode(this.#packetIn, packet.length, this.#pcmOut);
    if (samples < 0) throw new Error(`opus decode failed (${samples})`);
    const count = samples * this.#channels;
    const bytes = new Uint16Array(this.#module.HEAPU16.buffer, this.#pcmOut, count * 2);
    const pcm = new Int16Array(count);
    for (let i = 0; i < count; i++) {
      pcm[i] = ((bytes[2 * i + 1] ?? 0) << 8) | (bytes[2 * i] ?? 0);
    }
    return pcm;
  }

  free(): void {
    if (this.#freed) return;
    this.#freed = true;
    this.#module.OpusScriptHandler.destroy_handler(this.#handler);
    for (const address of [this.#pcmIn, this.#packetIn, this.#packetOut, this.#pcmOut]) {
      this.#module._free(address);
    }
  }

  #assertLive(): void {
    if (this.#freed) throw new Error('this opus state was freed');
  }
}
