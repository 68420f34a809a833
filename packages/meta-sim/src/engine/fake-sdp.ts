import { randomBytes, randomInt } from 'node:crypto';

// realistic SDP text for the fake caller and for tests: every check in @ringside/sdp passes
// (one DTLS-SRTP audio line, opus, ICE credentials, a fingerprint, a role, a candidate)

export type SdpDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface FakeSdpOptions {
  /** `offer` says actpass; an answer says active */
  type: 'offer' | 'answer';
  direction?: SdpDirection;
  /** the m-line's mid; answers must copy the offer's */
  mid?: string;
  opusPayloadType?: number;
  /** meta's side is ICE-lite */
  iceLite?: boolean;
}

/**
 * SDP text in the shape browsers and Meta produce, CRLF-terminated.
 *
 * @example
 * const answer = fakeSdp({ type: 'answer', mid: 'audio', direction: 'recvonly' });
 */
export function fakeSdp(options: FakeSdpOptions): string {
  const pt = options.opusPayloadType ?? 111;
  const mid = options.mid ?? '0';
  const direction = options.direction ?? 'sendrecv';
  const sends = direction === 'sendrecv' || direction === 'sendonly';
  const stream = randomBytes(8).toString('hex');
  const lines = [
    'v=0',
    `o=- ${randomInt(1, 2 ** 47)} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    `a=group:BUNDLE ${mid}`,
    `a=msid-semantic: WMS ${sends ? stream : ''}`.trimEnd(),
    ...(options.iceLite ? ['a=ice-lite'] : []),
    `m=audio ${randomInt(20_000, 60_000)} UDP/TLS/RTP/SAVPF ${pt} 126`,
    'c=IN IP4 127.0.0.1',
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=candidate:${randomInt(1, 2 ** 31)} 1 udp 2122260223 127.0.0.1 ${randomInt(20_000, 60_000)} typ host generation 0`,
    `a=ice-ufrag:${randomBytes(3).toString('hex')}`,
    `a=ice-pwd:${randomBytes(12).toString('hex')}`,
    `a=fingerprint:sha-256 ${fingerprint()}`,
    `a=setup:${options.type === 'offer' ? 'actpass' : 'active'}`,
    `a=mid:${mid}`,
    `a=${direction}`,
    ...(sends ? [`a=msid:${stream} ${randomBytes(8).toString('hex')}`] : []),
    'a=rtcp-mux',
    `a=rtpmap:${pt} opus/48000/2`,
    `a=fmtp:${pt} minptime=10;useinbandfec=1`,
    'a=rtpmap:126 telephone-event/8000',
    ...(sends ? [`a=ssrc:${randomInt(1, 2 ** 31)} cname:${randomBytes(6).toString('hex')}`] : []),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

/** the direction an SDP gives its audio, sendrecv when unsaid */
export function sdpDirection(sdp: string): SdpDirection {
  const found = /^a=(sendrecv|sendonly|recvonly|inactive)\r?$/m.exec(sdp);
  return (found?.[1] as SdpDirection | undefined) ?? 'sendrecv';
}

/** the mid of the first m-line, for answering */
export function sdpMid(sdp: string): string {
  return /^a=mid:(\S+)\r?$/m.exec(sdp)?.[1] ?? '0';
}

/** the opus payload type an SDP gives */
export function sdpOpusPayloadType(sdp: string): number {
  return Number(/^a=rtpmap:(\d+) opus\/48000/m.exec(sdp)?.[1] ?? 111);
}

function fingerprint(): string {
  return [...randomBytes(32)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
