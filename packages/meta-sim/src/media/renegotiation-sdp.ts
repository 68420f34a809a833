/**
 * Meta's Messenger renegotiation offer (Messenger calling *Appendix*), written from the answer
 * our caller already gave: the same ICE credentials, fingerprint, DTLS role and candidates, and
 * two audio sections bundled together. The existing section (mid 0 in Chromium's offers) turns
 * `recvonly`: Meta keeps receiving the business's voice there. A new section (mid 1) is
 * `sendonly` and carries the customer's voice, announced with its own `a=ssrc`. Both say
 * `a=x-google-flag:conference`, as Meta's do. Text in, text out: no WebRTC here.
 */

/** who speaks on the new section: its RTP source and the stream/track it is announced as */
export interface RenegotiationVoice {
  ssrc: number;
  cname: string;
  streamId: string;
  trackId: string;
}

/** what the renegotiation says, for the caller's media to act on */
export interface MetaRenegotiation {
  sdp: string;
  /** the existing section, now Meta's receiving one */
  receiveMid: string;
  /** the new section, where the customer's voice goes */
  sendMid: string;
}

const MEDIA_LEVEL_ONLY = /^a=(sendrecv|sendonly|recvonly|inactive|mid:|msid:|ssrc:|ssrc-group:)/;

/**
 * @example
 * const { sdp, sendMid } = metaRenegotiation(caller.localDescription, voice);
 * // sdp: a=group:BUNDLE 0 1, mid 0 recvonly, mid 1 sendonly with a=ssrc:<voice.ssrc>
 */
export function metaRenegotiation(
  answer: string,
  voice: RenegotiationVoice,
  /** how many offers this is after the answer: the origin's version counts up by as many */
  count = 1,
): MetaRenegotiation {
  const lines = answer.split(/\r?\n/).filter((line) => line.length > 0);
  const firstMedia = lines.findIndex((line) => line.startsWith('m='));
  if (firstMedia < 0) throw new Error('the answer has no m-section to renegotiate');
  const secondMedia = lines.findIndex((line, index) => index > firstMedia && line.startsWith('m='));
  const session = lines.slice(0, firstMedia);
  const section = lines.slice(firstMedia, secondMedia < 0 ? lines.length : secondMedia);
  const receiveMid = section.find((line) => line.startsWith('a=mid:'))?.slice(6) ?? '0';
  const sendMid = receiveMid === '1' ? '2' : '1';
  // everything but direction, mid, track and ssrc is shared: transport, codecs, rtcp-mux
  const shared = section.filter((line) => !MEDIA_LEVEL_ONLY.test(line));
  const [mLine, ...attributes] = shared;
  if (mLine === undefined) throw new Error('the answer has an empty m-section');
  const codecs = attributes.filter((line) => /^a=(rtpmap|fmtp|rtcp-fb):/.test(line));
  const transport = attributes.filter((line) => !codecs.includes(line));
  const build = (mid: string, direction: string, track: string[]) => [
    mLine,
    ...transport,
    `a=mid:${mid}`,
    `a=${direction}`,
    ...track,
    'a=x-google-flag:conference',
    ...codecs,
  ];
  const sdpLines = [
    ...session.map((line) => {
      if (line.startsWith('o=')) return bumpVersion(line, count);
      if (line.startsWith('a=group:BUNDLE')) return `a=group:BUNDLE ${receiveMid} ${sendMid}`;
      if (line.startsWith('a=msid-semantic')) return `a=msid-semantic: WMS ${voice.streamId}`;
      return line;
    }),
    ...build(receiveMid, 'recvonly', ['a=msid:- -']),
    ...build(sendMid, 'sendonly', [
      `a=msid:${voice.streamId} ${voice.trackId}`,
      `a=ssrc:${voice.ssrc} cname:${voice.cname}`,
    ]),
  ];
  return { sdp: `${sdpLines.join('\r\n')}\r\n`, receiveMid, sendMid };
}

// o=<user> <session id> <version> …: a new offer on the same session counts the version up
function bumpVersion(origin: string, count: number): string {
  const parts = origin.split(' ');
  const version = Number(parts[2]);
  if (parts.length >= 3 && Number.isSafeInteger(version)) parts[2] = String(version + count);
  return parts.join(' ');
}
