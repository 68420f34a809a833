import {
  RTCPeerConnection,
  RTCRtpCodecParameters,
  RtpHeader,
  RtpPacket,
  useOPUS,
  type RTCRtpTransceiver,
} from 'werift';
import { AudioProbe, FRAME_SAMPLES } from './audio-probe';

const OPUS_PT = 111;
const TELEPHONE_EVENT_PT = 126;
const GATHERING_BOUND_MS = 5000;

export interface TonePeerOptions {
  /** the IPv4 address to gather on: Janus cannot use loopback, see {@link mediaHost} */
  host: string;
  /** the tone this peer plays */
  frequencyHz: number;
  /**
   * 'meta': ICE-lite, opus/111 + telephone-event/126, a=ice-lite at session level (Meta's
   * media server); 'browser': a full ICE agent with opus only (an agent's browser)
   */
  shape: 'meta' | 'browser';
}

/**
 * A werift peer on one IPv4 address that offers one sendrecv audio section, plays a tone once connected
 * and measures the audio it receives. A test stand-in for Meta's media server (the customer) and
 * for an agent's browser.
 *
 * @example
 * const customer = new TonePeer({ host: mediaHost(), frequencyHz: 440, shape: 'meta' });
 * const { answer } = await room.addLegFromOffer('customer', await customer.offer());
 * await customer.accept(answer);
 * customer.play();
 */
export class TonePeer {
  readonly #pc: RTCPeerConnection;
  readonly #transceiver: RTCRtpTransceiver;
  readonly #probe: AudioProbe;
  readonly #shape: TonePeerOptions['shape'];
  #timer: NodeJS.Timeout | null = null;
  #sequence = 0;
  #timestamp = 0;
  #sent = 0;
  #firstSentAt: number | null = null;
  #silent = false;
  /** set by {@link TonePeer.sendFromSsrc}: our voice leaves under this SSRC, unannounced */
  #otherSsrc: number | null = null;

  constructor(options: TonePeerOptions) {
    this.#shape = options.shape;
    this.#probe = new AudioProbe(options.frequencyHz);
    const audio = [useOPUS({ payloadType: OPUS_PT, parameters: 'minptime=10;useinbandfec=1' })];
    if (options.shape === 'meta') {
      audio.push(
        new RTCRtpCodecParameters({
          mimeType: 'audio/telephone-event',
          clockRate: 8000,
          payloadType: TELEPHONE_EVENT_PT,
        }),
      );
    }
    this.#pc = new RTCPeerConnection({
      iceLite: options.shape === 'meta',
      iceServers: [],
      // werift lists the machine's other interfaces only with these on: loopback only here
      iceUseIpv4: false,
      iceUseIpv6: false,
      iceAdditionalHostAddresses: [options.host],
      iceInterfaceAddresses: { udp4: options.host },
      codecs: { audio },
      headerExtensions: { audio: [] },
    });
    this.#transceiver = this.#pc.addTransceiver('audio', { direction: 'sendrecv' });
    // a browser's SDP names its microphone's stream and track (a=msid), as the server's check of
    // an agent's answer requires; werift writes the line once the sender has a stream id
    if (options.shape === 'browser') this.#transceiver.sender.streamId = 'microphone';
    this.#transceiver.onTrack.subscribe((track) => {
      track.onReceiveRtp.subscribe((rtp) => {
        if (rtp.header.payloadType === OPUS_PT) this.#probe.receive(rtp.payload, Date.now());
      });
    });
  }

  /** our offer, complete with candidates (no trickle) */
  async offer(): Promise<string> {
    await this.#pc.setLocalDescription(await this.#pc.createOffer());
    await this.#gathered();
    const sdp = this.#pc.localDescription?.sdp ?? '';
    return this.#shape === 'meta' ? metaShape(sdp) : sdp;
  }

  /** our answer to the engine's offer, complete with candidates */
  async answer(offerSdp: string): Promise<string> {
    await this.#pc.setRemoteDescription({ type: 'offer', sdp: offerSdp });
    await this.#pc.setLocalDescription(await this.#pc.createAnswer());
    await this.#gathered();
    return this.#pc.localDescription?.sdp ?? '';
  }

  /** our current local description (offer or answer) as werift holds it */
  get localSdp(): string {
    return this.#pc.localDescription?.sdp ?? '';
  }

  async accept(answerSdp: string): Promise<void> {
    await this.#pc.setRemoteDescription({ type: 'answer', sdp: answerSdp });
  }

  /** resolves once ICE and DTLS are up */
  connected(): Promise<void> {
    if (this.#pc.connectionState === 'connected') return Promise.resolve();
    return new Promise((resolve) => {
      const subscription = this.#pc.connectionStateChange.subscribe((state) => {
        if (state !== 'connected') return;
        subscription.unSubscribe();
        resolve();
      });
    });
  }

  /**
   * starts sending, one packet every 20 ms: the tone, or silence until {@link TonePeer.toneOn}
   * (to time the tone's onset on a stream the far end has already settled on)
   */
  play(options: { silentFirst?: boolean } = {}): void {
    if (options.silentFirst) this.#silent = true;
    this.#timer ??= setInterval(() => this.#sendFrame(), 20);
  }

  /**
   * From now on sends under `ssrc`, a source the far end was never told about, as Meta does
   * after Messenger's renegotiation (the customer's voice on mid 1)
   */
  sendFromSsrc(ssrc: number): void {
    this.#otherSsrc = ssrc;
  }

  /** switches a stream started with `silentFirst` to the tone */
  toneOn(): void {
    this.#silent = false;
  }

  /** stops sending entirely */
  silence(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  get packetsSent(): number {
    return this.#sent;
  }

  /** when the first tone (not silence) packet left (epoch ms), null before */
  get firstSentAt(): number | null {
    return this.#firstSentAt;
  }

  /** when the first loud packet arrived (epoch ms), null before */
  get firstHeardAt(): number | null {
    return this.#probe.firstLoudAt;
  }

  get packetsReceived(): number {
    return this.#probe.packets;
  }

  /** RMS of the audio received over the last half second, 0..1 */
  level(): number {
    return this.#probe.level(Date.now());
  }

  async close(): Promise<void> {
    this.silence();
    await this.#pc.close();
    this.#probe.close();
  }

  #sendFrame(): void {
    if (this.#pc.connectionState !== 'connected') return;
    const header = new RtpHeader({
      sequenceNumber: this.#sequence,
      timestamp: this.#timestamp,
      marker: this.#sent === 0,
    });
    this.#sequence = (this.#sequence + 1) & 0xffff;
    this.#timestamp = (this.#timestamp + FRAME_SAMPLES) >>> 0;
    this.#sent++;
    if (!this.#silent) this.#firstSentAt ??= Date.now();
    const payload = this.#probe.nextPacket(this.#silent);
    if (this.#otherSsrc !== null) {
      header.ssrc = this.#otherSsrc;
      header.payloadType = OPUS_PT;
      this.#transceiver.sender.dtlsTransport.sendRtp(payload, header).catch(() => undefined);
      return;
    }
    this.#transceiver.sender.sendRtp(new RtpPacket(header, payload)).catch(() => {
      // the transport closed under a packet in flight: the test is ending
    });
  }

  #gathered(): Promise<void> {
    if (this.#pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, GATHERING_BOUND_MS);
      const subscription = this.#pc.iceGatheringStateChange.subscribe((state) => {
        if (state === 'complete') done();
      });
      function done() {
        clearTimeout(timer);
        subscription.unSubscribe();
        resolve();
      }
    });
  }
}

/**
 * werift's SDP in Meta's shape: a=ice-lite at session level (werift writes it in the m-section),
 * no trickle option, CRLF line ends.
 */
function metaShape(sdp: string): string {
  const lines = sdp
    .split(/\r?\n/)
    .filter((line) => line !== '' && line !== 'a=ice-lite' && line !== 'a=ice-options:trickle');
  const firstMedia = lines.findIndex((line) => line.startsWith('m='));
  lines.splice(firstMedia, 0, 'a=ice-lite');
  return `${lines.join('\r\n')}\r\n`;
}
