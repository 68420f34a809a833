/**
 * Shaping the SDP werift writes into what Meta's media servers send, and small readers for the
 * negotiated SDP. Text in, text out: no WebRTC here.
 */

export interface LocalSdpShape {
  /** the one address our candidates may use */
  host: string;
  /** we are an ICE-lite agent: say so once, at session level */
  iceLite: boolean;
  /**
   * Meta's answers list an IPv6 host candidate before the IPv4 one, with a higher priority
   * (Messenger Appendix, both channels' samples): this address is added so, on the same port.
   * It is never reachable here (2001:db8::/32 is for documentation), so the business's ICE must
   * cope with a candidate that fails. Leave it out for none.
   */
  ipv6Host?: string;
  /**
   * Messenger's answers also list TCP passive host candidates on port 3478 (IPv4 and IPv6);
   * nothing listens there in the simulator, as a TCP check to Meta is not what carries our
   * calls. Leave it out for none.
   */
  tcpPassivePort?: number;
  /** the opus `a=fmtp` parameters to announce instead of werift's (Messenger: Meta's own) */
  opusFmtp?: string;
}

/** the IPv6 address the simulator's extra candidate names: documentation space, never routed */
export const UNREACHABLE_IPV6 = '2001:db8:f231:d2:face:b00c:0:8c2';
/** the opus parameters in Meta's Messenger answers and renegotiations (Appendix) */
export const MESSENGER_OPUS_FMTP =
  'maxaveragebitrate=20000;maxplaybackrate=16000;minptime=10;usedtx=1;useinbandfec=1';
/** where Messenger's TCP passive candidates point (Meta's samples) */
export const MESSENGER_TCP_PORT = 3478;

/**
 * werift writes `a=ice-lite` inside the m-section, while RFC 8839 §5.3 and Meta's offers put
 * it at session level; it also advertises trickle, which Meta does not do, and, on a machine
 * with other interfaces, may list candidates we did not ask for. This moves ice-lite up, drops
 * the trickle option and every candidate not on `host`, puts the candidate's address and port
 * on the m= and c= lines as Meta's SDP does, and ends every line with CRLF (RFC 8866).
 *
 * @example
 * shapeLocalSdp(pc.localDescription.sdp, { host: '127.0.0.1', iceLite: true });
 */
export function shapeLocalSdp(sdp: string, shape: LocalSdpShape): string {
  const lines = sdpLines(sdp).filter(
    (line) =>
      line !== 'a=ice-lite' &&
      line !== 'a=ice-options:trickle' &&
      !(line.startsWith('a=candidate:') && candidateAddress(line) !== shape.host),
  );
  const firstMedia = lines.findIndex((line) => line.startsWith('m='));
  if (shape.iceLite && firstMedia >= 0) lines.splice(firstMedia, 0, 'a=ice-lite');
  const port = firstCandidatePort(lines);
  addMetaCandidates(lines, shape);
  if (shape.opusFmtp !== undefined) setOpusFmtp(lines, shape.opusFmtp);
  const shaped = lines.map((line) => {
    if (port === null) return line;
    if (line.startsWith('m=audio ')) return line.replace(/^m=audio \d+ /, `m=audio ${port} `);
    if (line.startsWith('c=IN IP4 ')) return `c=IN IP4 ${shape.host}`;
    return line;
  });
  return `${shaped.join('\r\n')}\r\n`;
}

// one a=fmtp line for opus with `parameters`, after its rtpmap (replacing any werift wrote)
function setOpusFmtp(lines: string[], parameters: string): void {
  const rtpmap = lines.findIndex((line) => /^a=rtpmap:\d+ opus\/48000/i.test(line));
  const payloadType = /^a=rtpmap:(\d+)/.exec(lines[rtpmap] ?? '')?.[1];
  if (payloadType === undefined) return;
  const existing = lines.findIndex((line) => line.startsWith(`a=fmtp:${payloadType} `));
  const fmtp = `a=fmtp:${payloadType} ${parameters}`;
  if (existing >= 0) lines[existing] = fmtp;
  else lines.splice(rtpmap + 1, 0, fmtp);
}

// Meta's order and priorities: UDP IPv6 (priority +2560), UDP IPv4, then TCP passive v4 and v6
function addMetaCandidates(lines: string[], shape: LocalSdpShape): void {
  const at = lines.findIndex((line) => line.startsWith('a=candidate:'));
  const udp4 = lines[at];
  if (udp4 === undefined) return;
  const fields = udp4.slice('a=candidate:'.length).split(' ');
  const [, component, , priority, , port] = fields;
  const candidate = (foundation: string, transport: string, prio: number, ip: string, p: string) =>
    `a=candidate:${foundation} ${component} ${transport} ${prio} ${ip} ${p} typ host` +
    (transport === 'tcp' ? ' tcptype passive' : '') +
    ' generation 0';
  const udpPriority = Number(priority);
  if (shape.ipv6Host !== undefined && port !== undefined) {
    lines.splice(at, 0, candidate('716810591', 'udp', udpPriority + 2560, shape.ipv6Host, port));
  }
  if (shape.tcpPassivePort !== undefined) {
    const last = lines.findLastIndex((line) => line.startsWith('a=candidate:'));
    const tcpPort = String(shape.tcpPassivePort);
    const tcp = [candidate('4276087827', 'tcp', 1518280448, shape.host, tcpPort)];
    if (shape.ipv6Host !== undefined) {
      tcp.push(candidate('1681544623', 'tcp', 1518283008, shape.ipv6Host, tcpPort));
    }
    lines.splice(last + 1, 0, ...tcp);
  }
}

/**
 * The payload type an SDP maps to `encoding/clockRate` (case-insensitive), e.g. opus/48000 or
 * telephone-event/8000; null when it has none.
 *
 * @example
 * findPayloadType(answer, 'telephone-event', 8000); // → 126
 */
export function findPayloadType(sdp: string, encoding: string, clockRate: number): number | null {
  for (const line of sdpLines(sdp)) {
    const match = /^a=rtpmap:(\d+) ([^/\s]+)\/(\d+)/.exec(line);
    if (match?.[2]?.toLowerCase() === encoding.toLowerCase() && Number(match[3]) === clockRate) {
      return Number(match[1]);
    }
  }
  return null;
}

/**
 * What stops a remote SDP from setting up an audio call with us, or null when it can: it must
 * be SDP with an audio m-section carrying opus, ICE credentials and a DTLS fingerprint.
 *
 * @example
 * checkRemoteSdp('hello'); // → 'not an SDP: no v=0 line'
 */
export function checkRemoteSdp(sdp: string): string | null {
  const lines = sdpLines(sdp);
  if (lines[0] !== 'v=0') return 'not an SDP: no v=0 line';
  if (!lines.some((line) => line.startsWith('m=audio '))) return 'no audio m-line';
  if (findPayloadType(sdp, 'opus', 48000) === null) return 'audio does not offer opus/48000';
  if (!lines.some((line) => line.startsWith('a=ice-ufrag:'))) return 'no a=ice-ufrag';
  if (!lines.some((line) => line.startsWith('a=ice-pwd:'))) return 'no a=ice-pwd';
  if (!lines.some((line) => line.startsWith('a=fingerprint:'))) return 'no a=fingerprint';
  return null;
}

/** the SDP's lines, whatever their endings, without blank ones */
function sdpLines(sdp: string): string[] {
  return sdp.split(/\r?\n/).filter((line) => line.length > 0);
}

/** `a=candidate:<foundation> <component> <transport> <priority> <address> <port> typ …` */
function candidateAddress(line: string): string | undefined {
  return line.split(' ')[4];
}

function firstCandidatePort(lines: string[]): string | null {
  const candidate = lines.find((line) => line.startsWith('a=candidate:'));
  return candidate?.split(' ')[5] ?? null;
}
