import { AudioMeter } from './audio-meter';
import { DtmfReceiver } from './dtmf-receiver';
import type { OpusCodec } from './opus-codec';

/** the parts of an RTP packet the caller looks at */
export interface InboundRtp {
  payloadType: number;
  timestamp: number;
  payload: Buffer;
}

/** which payload types carry what, as negotiated */
export interface InboundPayloadTypes {
  opus: number | null;
  telephoneEvent: number | null;
}

/**
 * Everything the caller learns from the business's RTP: audio packet and byte counts, arrival
 * times, the decoded level, and DTMF digits. Packets of other payload types (telephone-event
 * included) never count as audio.
 *
 * @example
 * const inbound = new InboundAudio(codec, (payload, at) => echo.push(payload, at));
 * inbound.setPayloadTypes({ opus: 111, telephoneEvent: 126 });
 * track.onReceiveRtp.subscribe((rtp) => inbound.receive(rtp.header, rtp.payload, Date.now()));
 */
export class InboundAudio {
  readonly #codec: OpusCodec;
  readonly #onAudio: ((payload: Buffer, at: number) => void) | null;
  readonly #meter = new AudioMeter();
  readonly #dtmf = new DtmfReceiver();
  #types: InboundPayloadTypes = { opus: null, telephoneEvent: null };
  #packets = 0;
  #bytes = 0;
  #firstPacketAt: number | null = null;
  #lastPacketAt: number | null = null;

  constructor(codec: OpusCodec, onAudio?: (payload: Buffer, at: number) => void) {
    this.#codec = codec;
    this.#onAudio = onAudio ?? null;
  }

  setPayloadTypes(types: InboundPayloadTypes): void {
    this.#types = types;
  }

  receive(rtp: InboundRtp, at: number): void {
    if (rtp.payloadType === this.#types.telephoneEvent) {
      this.#dtmf.push(rtp.timestamp, rtp.payload);
      return;
    }
    if (rtp.payloadType !== this.#types.opus) return;
    this.#packets++;
    this.#bytes += rtp.payload.length;
    this.#firstPacketAt ??= at;
    this.#lastPacketAt = at;
    const pcm = this.#codec.decode(rtp.payload);
    if (pcm) this.#meter.push(pcm, at);
    this.#onAudio?.(rtp.payload, at);
  }

  /** audio packets received (telephone-event and unknown payload types excluded) */
  get packets(): number {
    return this.#packets;
  }

  /** their payload bytes */
  get bytes(): number {
    return this.#bytes;
  }

  /** epoch ms of the first audio packet, null before any */
  get firstPacketAt(): number | null {
    return this.#firstPacketAt;
  }

  get lastPacketAt(): number | null {
    return this.#lastPacketAt;
  }

  /** RMS of the decoded audio over roughly the last second, 0..1 */
  audioLevel(now: number): number {
    return this.#meter.level(now);
  }

  get peakAudioLevel(): number {
    return this.#meter.peak;
  }

  get dtmf(): string {
    return this.#dtmf.digits;
  }
}
