// test fakes for the browser's media and WebRTC objects, just as far as the console uses them
import { chromiumSdp } from './sdp-samples';

let nextId = 1;

export class FakeTrack extends EventTarget {
  readonly kind = 'audio';
  readonly id = `track-${nextId++}`;
  enabled = true;
  readyState: 'live' | 'ended' = 'live';
  stop(): void {
    this.readyState = 'ended';
  }
  clone(): FakeTrack {
    return new FakeTrack();
  }
  /** the device went away: the browser ends the track and fires `ended` */
  unplug(): void {
    this.readyState = 'ended';
    this.dispatchEvent(new Event('ended'));
  }
}

export class FakeStream {
  readonly id = `stream-${nextId++}`;
  constructor(readonly tracks: FakeTrack[]) {}
  getAudioTracks(): FakeTrack[] {
    return this.tracks;
  }
}

export class FakeDtmf {
  canInsertDTMF = true;
  toneBuffer = '';
  inserted: { tones: string; duration: number; gap: number }[] = [];
  insertDTMF(tones: string, duration: number, gap: number): void {
    this.toneBuffer = tones;
    this.inserted.push({ tones, duration, gap });
  }
}

export class FakeSender {
  readonly dtmf = new FakeDtmf();
  constructor(public track: FakeTrack | null) {}
  replaced: (FakeTrack | null)[] = [];
  async replaceTrack(track: FakeTrack | null): Promise<void> {
    this.track = track;
    this.replaced.push(track);
  }
}

type Description = { type: 'offer' | 'answer'; sdp: string };

/** a transceiver as the console sees it: its mid, and whether it was stopped */
export class FakeTransceiver {
  stopped = false;
  currentDirection: RTCRtpTransceiverDirection | null = null;
  constructor(readonly mid: string | null) {}
  stop(): void {
    this.stopped = true;
    this.currentDirection = 'stopped';
  }
}

/**
 * A peer connection that records what was called in which order and, like a browser, makes a
 * recvonly answer or offer when no track was added before it was created.
 */
export class FakePeerConnection extends EventTarget {
  readonly calls: string[] = [];
  localDescription: Description | null = null;
  remoteDescription: Description | null = null;
  signalingState: RTCSignalingState = 'stable';
  connectionState: RTCPeerConnectionState = 'new';
  iceGatheringState: RTCIceGatheringState = 'new';
  /** what setLocalDescription leaves the gathering state at */
  gatheringAfterLocal: RTCIceGatheringState = 'complete';
  senders: FakeSender[] = [];
  /** one per m-section a remote offer brought (by mid), like the browser's */
  transceivers: FakeTransceiver[] = [];
  /** what the next createAnswer returns instead of Chromium's one-section answer */
  nextAnswerSdp: string | undefined;
  stream: FakeStream | undefined;
  closed = false;
  stats: () => Map<string, unknown> = () => new Map();
  failNext: string | undefined;

  constructor(readonly config?: RTCConfiguration) {
    super();
  }

  async setRemoteDescription(description: Description): Promise<void> {
    this.calls.push(`setRemoteDescription:${description.type}`);
    this.#maybeFail('setRemoteDescription');
    this.remoteDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-remote-offer' : 'stable';
    for (const [, mid] of description.sdp.matchAll(/^a=mid:(\S+)\r?$/gm)) {
      if (mid !== undefined && !this.transceivers.some((t) => t.mid === mid)) {
        this.transceivers.push(new FakeTransceiver(mid));
      }
    }
  }

  getTransceivers(): FakeTransceiver[] {
    return this.transceivers;
  }

  addTrack(track: FakeTrack, stream: FakeStream): FakeSender {
    this.calls.push('addTrack');
    this.stream = stream;
    const sender = new FakeSender(track);
    this.senders.push(sender);
    return sender;
  }

  async createAnswer(): Promise<Description> {
    this.calls.push('createAnswer');
    const sdp = this.nextAnswerSdp ?? chromiumSdp('answer', this.stream?.id);
    this.nextAnswerSdp = undefined;
    return { type: 'answer', sdp };
  }

  async createOffer(): Promise<Description> {
    this.calls.push('createOffer');
    return { type: 'offer', sdp: chromiumSdp('offer', this.stream?.id) };
  }

  readonly candidates: RTCIceCandidateInit[] = [];

  async addIceCandidate(candidate: RTCIceCandidateInit): Promise<void> {
    this.calls.push('addIceCandidate');
    this.#maybeFail('addIceCandidate');
    this.candidates.push(candidate);
  }

  async setLocalDescription(description: Description): Promise<void> {
    this.calls.push(`setLocalDescription:${description.type}`);
    this.localDescription = description;
    this.signalingState = description.type === 'offer' ? 'have-local-offer' : 'stable';
    this.iceGatheringState = this.gatheringAfterLocal;
  }

  async getStats(): Promise<Map<string, unknown>> {
    if (this.closed) throw new Error('closed');
    return this.stats();
  }

  close(): void {
    this.closed = true;
    this.connectionState = 'closed';
  }

  /** the transport changed state, as ICE/DTLS would make it */
  moveTo(state: RTCPeerConnectionState): void {
    this.connectionState = state;
    this.dispatchEvent(new Event('connectionstatechange'));
  }

  #maybeFail(method: string): void {
    if (this.failNext === method) {
      this.failNext = undefined;
      throw new Error(`${method} failed`);
    }
  }
}

/** stats a call reports after `packets` inbound and outbound packets */
export function audioStats(
  received: number,
  sent: number,
  extra: Record<string, unknown> = {},
): Map<string, unknown> {
  return new Map<string, unknown>([
    [
      'in',
      {
        type: 'inbound-rtp',
        kind: 'audio',
        packetsReceived: received,
        packetsLost: 0,
        bytesReceived: received * 100,
        jitter: 0.002,
        ...extra,
      },
    ],
    ['out', { type: 'outbound-rtp', kind: 'audio', packetsSent: sent, bytesSent: sent * 100 }],
    ['rin', { type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.04 }],
  ]);
}
