import type {
  CallerMedia,
  CallerMediaFactory,
  CallerMediaOptions,
  MediaStats,
} from '../media/media-endpoint';
import { fakeSdp, sdpDirection, sdpMid, sdpOpusPayloadType } from './fake-sdp';
import type { RtcpStats } from './media-watch';

/** the fake caller's extra controls, for tests */
export interface FakeCallerMedia extends CallerMedia {
  /** what the business's SDP (answer or offer) says it does */
  readonly remoteDescription: string | null;
  readonly audioStarted: boolean;
  readonly closed: boolean;
  /** the business stops sending (a dead peer), as if its packets stopped arriving */
  silenceBusiness(): void;
  /** the business stops sending RTP but keeps sending RTCP (by default a report a second) */
  rtcpOnly(intervalMs?: number): void;
  /** DTMF the business "sent", appended to `stats().dtmf` */
  receiveDtmf(digits: string): void;
}

export interface FakeMediaFactory extends CallerMediaFactory {
  /** every caller made so far, oldest first */
  readonly made: FakeCallerMedia[];
}

const PACKET_MS = 20;
const RTCP_MS = 1_000;

/**
 * A caller endpoint without WebRTC, for tests of Meta's rules: it produces valid SDP, and once
 * both sides are set it behaves as media would: the business's packets "arrive" every 20 ms
 * while its SDP says it sends (sendrecv/sendonly) and stop when it does not (the recvonly bug).
 *
 * @example
 * const media = createFakeMediaFactory();
 * const sim = createMetaSim({ media });
 * await sim.placeCall({ channel: 'whatsapp' });
 * media.made[0]?.silenceBusiness();
 */
export function createFakeMediaFactory(): FakeMediaFactory {
  const made: FakeCallerMedia[] = [];
  return {
    made,
    async offer(options?: CallerMediaOptions) {
      const media = fakeMedia(
        fakeSdp({ type: 'offer', mid: 'audio', iceLite: true }),
        null,
        options,
      );
      made.push(media);
      return media;
    },
    async answer(remoteOffer: string, options?: CallerMediaOptions) {
      const local = fakeSdp({
        type: 'answer',
        mid: sdpMid(remoteOffer),
        opusPayloadType: sdpOpusPayloadType(remoteOffer),
        iceLite: true,
      });
      const media = fakeMedia(local, remoteOffer, options);
      made.push(media);
      return media;
    },
  };
}

/** when the latest report of a steady RTCP stream arrived */
function lastRtcp(stream: { since: number; everyMs: number }, now: number): number {
  if (!Number.isFinite(stream.everyMs)) return stream.since;
  return stream.since + Math.floor((now - stream.since) / stream.everyMs) * stream.everyMs;
}

function fakeMedia(
  localDescription: string,
  remote: string | null,
  _options: CallerMediaOptions | undefined,
): FakeCallerMedia {
  let remoteDescription = remote;
  let connectedAt: number | null = remote === null ? null : Date.now();
  let audioStartedAt: number | null = null;
  let audioStoppedAt: number | null = null;
  let silencedAt: number | null = null;
  let rtcp: { since: number; everyMs: number } | null = null;
  let closed = false;
  let dtmf = '';
  const businessSends = () => {
    if (remoteDescription === null) return false;
    const direction = sdpDirection(remoteDescription);
    return direction === 'sendrecv' || direction === 'sendonly';
  };
  const received = (): { count: number; first: number | null; last: number | null } => {
    if (connectedAt === null || !businessSends()) return { count: 0, first: null, last: null };
    const end = Math.min(Date.now(), silencedAt ?? Infinity);
    const count = Math.max(0, Math.floor((end - connectedAt) / PACKET_MS));
    if (count === 0) return { count, first: null, last: null };
    return { count, first: connectedAt + PACKET_MS, last: connectedAt + count * PACKET_MS };
  };
  return {
    localDescription,
    get remoteDescription() {
      return remoteDescription;
    },
    get audioStarted() {
      return audioStartedAt !== null;
    },
    get closed() {
      return closed;
    },
    async setRemoteAnswer(sdp) {
      remoteDescription = sdp;
      connectedAt ??= Date.now();
    },
    async createReoffer() {
      return fakeSdp({ type: 'offer', mid: sdpMid(localDescription), iceLite: true });
    },
    async setReofferAnswer(sdp) {
      remoteDescription = sdp;
    },
    startAudio() {
      audioStartedAt ??= Date.now();
    },
    stopAudio() {
      audioStoppedAt ??= Date.now();
    },
    silenceBusiness() {
      silencedAt ??= Date.now();
      // nothing at all from now on: the last RTCP report stays the last
      if (rtcp) rtcp = { since: lastRtcp(rtcp, Date.now()), everyMs: Infinity };
    },
    rtcpOnly(intervalMs = RTCP_MS) {
      silencedAt ??= Date.now();
      rtcp ??= { since: silencedAt, everyMs: intervalMs };
    },
    receiveDtmf(digits) {
      dtmf += digits;
    },
    stats(): MediaStats & RtcpStats {
      const r = received();
      const now = Date.now();
      return {
        lastRtcpAt: rtcp === null || closed ? null : lastRtcp(rtcp, now),
        connected: connectedAt !== null && !closed,
        packetsReceived: r.count,
        bytesReceived: r.count * 80,
        firstPacketAt: r.first,
        lastPacketAt: r.last,
        audioLevel: r.count > 0 && silencedAt === null ? 0.1 : 0,
        peakAudioLevel: r.count > 0 ? 0.1 : 0,
        packetsSent:
          audioStartedAt === null
            ? 0
            : Math.floor(((audioStoppedAt ?? Date.now()) - audioStartedAt) / PACKET_MS),
        dtmf,
      };
    },
    async close() {
      closed = true;
    },
  };
}
