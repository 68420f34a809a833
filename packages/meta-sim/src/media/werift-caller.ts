import {
  RTCSessionDescription,
  RtpHeader,
  RtpPacket,
  type RTCPeerConnection,
  type RTCRtpTransceiver,
} from 'werift';
import { CallerMediaError } from './caller-media-error';
import { EchoLine } from './echo-line';
import { InboundAudio } from './inbound-audio';
import { randomInt } from 'node:crypto';
import {
  checkRemoteSdp,
  findPayloadType,
  MESSENGER_OPUS_FMTP,
  MESSENGER_TCP_PORT,
  UNREACHABLE_IPV6,
  type LocalSdpShape,
} from './local-sdp';
import type {
  CallerMedia,
  CallerMediaFactory,
  CallerMediaOptions,
  MediaStats,
} from './media-endpoint';
import { OpusCodec } from './opus-codec';
import type { RtpSlot } from './rtp-sequencer';
import { OPUS_PAYLOAD_TYPE } from './peer-config';
import { metaRenegotiation } from './renegotiation-sdp';
import { PacedRtpSender } from './rtp-sender';
import { createSpeechSource } from './speech-source';
import { CallRecorder } from './call-recorder';
import { createToneSource, type PcmFrameSource } from './tone-source';
import { applyRemote, createCallerPeer, setLocalAndGather } from './werift-peer';

const DEFAULT_HOST = '127.0.0.1';
const DEFAULT_ECHO_DELAY_MS = 300;

/**
 * The simulated caller's real WebRTC endpoint: a werift peer playing Meta's media server.
 * It is ICE-lite (the business's browser is the full, controlling agent), offers or answers
 * opus/48000/2 (111) and telephone-event/8000 (126) with Meta's host candidates (an
 * unreachable IPv6 one first, then the IPv4 one on 127.0.0.1 that really works; on Messenger also
 * TCP passive ones on 3478), sends opus encoded in JS, and measures what it receives. On
 * Messenger, `createReoffer` writes Meta's two-section renegotiation and moves the caller's voice
 * to mid 1.
 *
 * @example
 * const media = createWeriftMediaFactory();
 * const caller = await media.offer({ source: 'tone' }); // WhatsApp user-initiated
 * // …the business answers through the Graph API…
 * await caller.setRemoteAnswer(answerSdp);
 * caller.startAudio();
 * caller.stats().peakAudioLevel; // > 0 once the business's audio arrives
 * await caller.close();
 */
export function createWeriftMediaFactory(): CallerMediaFactory {
  return {
    offer: (options) => WeriftCallerMedia.offer(options),
    answer: (remoteOffer, options) => WeriftCallerMedia.answer(remoteOffer, options),
  };
}

/**
 * One call's media. With `echo` on, the caller sends back the business's own packets after
 * the delay instead of playing `source`.
 */
class WeriftCallerMedia implements CallerMedia {
  readonly #pc: RTCPeerConnection;
  readonly #transceiver: RTCRtpTransceiver;
  readonly #host: string;
  readonly #codec = new OpusCodec();
  readonly #inbound: InboundAudio;
  readonly #sender: PacedRtpSender;
  readonly #echo: EchoLine | null;
  readonly #source: PcmFrameSource | null;
  readonly #candidates: Pick<LocalSdpShape, 'ipv6Host' | 'tcpPassivePort' | 'opusFmtp'>;
  /** after a Messenger renegotiation: the caller's voice goes out as this source (mid 1) */
  #voice: { ssrc: number; payloadType: number } | null = null;
  #localDescription = '';
  /** our answer as first given, the base of every renegotiation */
  #answerText = '';
  #renegotiations = 0;
  #closed = false;
  #lastRtcpAt: number | null = null;
  /** both sides of the call, for Meta's recording when the business asked for one */
  readonly #recorder = new CallRecorder();

  private constructor(options: CallerMediaOptions) {
    // options first: a bad one must fail before any socket is opened
    this.#echo = echoLine(options.echo);
    this.#source = frameSource(options.source);
    this.#host = options.host ?? DEFAULT_HOST;
    this.#candidates = {
      ...(options.ipv6Candidate === false ? {} : { ipv6Host: UNREACHABLE_IPV6 }),
      ...(options.channel === 'messenger'
        ? { tcpPassivePort: MESSENGER_TCP_PORT, opusFmtp: MESSENGER_OPUS_FMTP }
        : {}),
    };
    this.#pc = createCallerPeer(this.#host);
    this.#transceiver = this.#pc.addTransceiver('audio', { direction: 'sendrecv' });
    this.#inbound = new InboundAudio(this.#codec, (payload, at) => {
      this.#recorder.heard(payload, at);
      this.#echo?.push(payload, at);
    });
    this.#sender = new PacedRtpSender({
      ready: () => this.#canSend(),
      nextPayload: (now) => this.#nextPayload(now),
      send: (slot, payload) => this.#send(slot, payload),
    });
    // the business's RTCP keeps a silent call up (media-watch.ts)
    this.#transceiver.receiver.onRtcp.subscribe(() => {
      this.#lastRtcpAt = Date.now();
    });
    this.#transceiver.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((rtp) => {
        const { payloadType, timestamp } = rtp.header;
        this.#inbound.receive({ payloadType, timestamp, payload: rtp.payload }, Date.now());
      });
    });
  }

  static async offer(options: CallerMediaOptions = {}): Promise<WeriftCallerMedia> {
    const media = new WeriftCallerMedia(options);
    try {
      const offer = await media.#pc.createOffer();
      media.#localDescription = await setLocalAndGather(
        media.#pc,
        offer,
        media.#host,
        media.#candidates,
      );
      return media;
    } catch (error) {
      await media.close();
      throw asCallerMediaError(error);
    }
  }

  static async answer(
    remoteOffer: string,
    options: CallerMediaOptions = {},
  ): Promise<WeriftCallerMedia> {
    assertUsableSdp(remoteOffer, 'offer');
    const media = new WeriftCallerMedia(options);
    try {
      await applyRemote(media.#pc, { type: 'offer', sdp: remoteOffer });
      // Meta's answers say a=setup:passive (Messenger Appendix, WhatsApp business-initiated
      // connect): Meta's media server is the DTLS server, the business the client. werift would
      // pick client; the role it takes is the one its local answer says
      const created = await media.#pc.createAnswer();
      const setup = options.answerSetup ?? 'passive';
      const answer = new RTCSessionDescription(
        created.sdp.replace(/^a=setup:(active|passive)(?=\r?$)/gm, `a=setup:${setup}`),
        'answer',
      );
      media.#localDescription = await setLocalAndGather(
        media.#pc,
        answer,
        media.#host,
        media.#candidates,
      );
      media.#learnPayloadTypes(media.#localDescription);
      return media;
    } catch (error) {
      await media.close();
      throw asCallerMediaError(error);
    }
  }

  /** the latest local SDP: the first offer or answer, then any re-offer */
  get localDescription(): string {
    return this.#localDescription;
  }

  async setRemoteAnswer(sdp: string): Promise<void> {
    this.#assertOpen();
    if (this.#pc.signalingState !== 'have-local-offer') {
      throw new CallerMediaError(
        'wrong_state',
        `no offer of ours awaits an answer (signaling state ${this.#pc.signalingState})`,
      );
    }
    assertUsableSdp(sdp, 'answer');
    await applyRemote(this.#pc, { type: 'answer', sdp });
    this.#learnPayloadTypes(sdp);
  }

  /**
   * Meta's renegotiation, written from our answer (same ICE, DTLS and candidates). werift's own
   * negotiation stays as it was: mid 0 goes on receiving the business's packets, and the
   * caller's voice leaves through the same DTLS-SRTP transport under the new section's SSRC,
   * which the business's browser routes to mid 1. Later re-offers (mute, video) keep that SSRC.
   */
  async createReoffer(): Promise<string> {
    this.#assertOpen();
    if (this.#pc.signalingState !== 'stable' || !this.#pc.remoteDescription) {
      throw new CallerMediaError(
        'wrong_state',
        `a re-offer needs an established call (signaling state ${this.#pc.signalingState})`,
      );
    }
    if (this.#pc.localDescription?.type !== 'answer') {
      throw new CallerMediaError(
        'wrong_state',
        "Meta's renegotiation follows Meta's answer; this caller made the offer",
      );
    }
    const answer = this.#voice === null ? this.#localDescription : this.#answerText;
    this.#answerText = answer;
    this.#voice ??= {
      ssrc: randomInt(1, 2 ** 31),
      payloadType: findPayloadType(answer, 'opus', 48000) ?? OPUS_PAYLOAD_TYPE,
    };
    this.#renegotiations += 1;
    const voice = {
      ssrc: this.#voice.ssrc,
      cname: 'ringside-sim-caller',
      streamId: 'ringside-sim:caller',
      trackId: 'caller-voice',
    };
    const { sdp } = metaRenegotiation(answer, voice, this.#renegotiations);
    this.#localDescription = sdp;
    return sdp;
  }

  async setReofferAnswer(sdp: string): Promise<void> {
    this.#assertOpen();
    // Meta's media server sends and receives as it offered: the answer is checked, not applied
    assertUsableSdp(sdp, 'answer');
  }

  startAudio(): void {
    if (!this.#closed) this.#sender.start();
  }

  stopAudio(): void {
    this.#sender.stop();
  }

  stats(): MediaStats {
    const now = Date.now();
    return {
      lastRtcpAt: this.#lastRtcpAt,
      connected: !this.#closed && this.#pc.connectionState === 'connected',
      packetsReceived: this.#inbound.packets,
      bytesReceived: this.#inbound.bytes,
      firstPacketAt: this.#inbound.firstPacketAt,
      lastPacketAt: this.#inbound.lastPacketAt,
      audioLevel: this.#inbound.audioLevel(now),
      peakAudioLevel: this.#inbound.peakAudioLevel,
      packetsSent: this.#sender.packetsSent,
      dtmf: this.#inbound.dtmf,
    };
  }

  recording(): Buffer {
    return this.#recorder.toOggOpus();
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#sender.stop();
    this.#echo?.clear();
    await this.#pc.close();
    this.#codec.close();
  }

  #learnPayloadTypes(negotiatedSdp: string): void {
    this.#inbound.setPayloadTypes({
      opus: findPayloadType(negotiatedSdp, 'opus', 48000),
      telephoneEvent: findPayloadType(negotiatedSdp, 'telephone-event', 8000),
    });
  }

  #canSend(): boolean {
    if (this.#voice !== null) {
      return (
        this.#pc.connectionState === 'connected' && this.#transceiver.sender.codec !== undefined
      );
    }
    const direction = this.#transceiver.currentDirection;
    return (
      this.#pc.connectionState === 'connected' &&
      this.#transceiver.sender.codec !== undefined &&
      (direction === 'sendrecv' || direction === 'sendonly')
    );
  }

  #nextPayload(now: number): Buffer | null {
    if (this.#echo) return this.#echo.take(now);
    return this.#source ? this.#codec.encode(this.#source.nextFrame()) : null;
  }

  #send(slot: RtpSlot, payload: Buffer): void {
    this.#recorder.sent(payload, Date.now());
    if (this.#voice !== null) {
      this.#sendVoice(this.#voice, slot, payload);
      return;
    }
    // werift fills in our ssrc and the negotiated opus payload type
    const header = new RtpHeader({
      sequenceNumber: slot.sequenceNumber,
      timestamp: slot.timestamp,
      marker: slot.marker,
    });
    this.#transceiver.sender.sendRtp(new RtpPacket(header, payload)).catch(() => {
      // the transport closed under a packet in flight: the call is ending anyway
    });
  }

  // the new section's source: our own header, straight through the bundle's DTLS-SRTP transport
  #sendVoice(voice: { ssrc: number; payloadType: number }, slot: RtpSlot, payload: Buffer): void {
    const header = new RtpHeader({
      sequenceNumber: slot.sequenceNumber,
      timestamp: slot.timestamp,
      marker: slot.marker,
      payloadType: voice.payloadType,
      ssrc: voice.ssrc,
    });
    this.#transceiver.sender.dtlsTransport.sendRtp(payload, header).catch(() => {
      // the transport closed under a packet in flight: the call is ending anyway
    });
  }

  #assertOpen(): void {
    if (this.#closed) throw new CallerMediaError('closed', 'this call media is closed');
  }
}

function frameSource(source: CallerMediaOptions['source']): PcmFrameSource | null {
  switch (source ?? 'tone') {
    case 'tone':
      return createToneSource();
    case 'speech':
      return createSpeechSource();
    case 'silence':
      return null;
    default:
      // options can come from a CLI or JSON, past the type system
      throw new CallerMediaError('invalid_options', `unknown audio source "${String(source)}"`);
  }
}

function echoLine(echo: CallerMediaOptions['echo']): EchoLine | null {
  if (!echo) return null;
  const delayMs = echo === true ? DEFAULT_ECHO_DELAY_MS : echo.delayMs;
  if (!(Number.isFinite(delayMs) && delayMs >= 0)) {
    throw new CallerMediaError(
      'invalid_options',
      `echo delayMs must be a number ≥ 0, got ${delayMs}`,
    );
  }
  return new EchoLine(delayMs);
}

function assertUsableSdp(sdp: string, type: 'offer' | 'answer'): void {
  const problem = checkRemoteSdp(sdp);
  if (problem)
    throw new CallerMediaError('invalid_sdp', `the remote ${type} is unusable: ${problem}`);
}

function asCallerMediaError(error: unknown): CallerMediaError {
  if (error instanceof CallerMediaError) return error;
  const reason = error instanceof Error ? error.message : String(error);
  return new CallerMediaError('negotiation_failed', reason, { cause: error });
}
