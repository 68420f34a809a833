import { randomBytes, randomInt } from 'node:crypto';

const CRLF = '\r\n';

function fingerprint(): string {
  return [...randomBytes(32)].map((b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}

function midOf(offer: string): string {
  return /^a=mid:(\S+)/m.exec(offer)?.[1] ?? '0';
}

/**
 * An answer in the shape Chromium sends once the mic track is added (sendrecv, msid, ssrc,
 * setup:active, host candidate, opus 111 and telephone-event 126), for signaling tests that have
 * no browser. It never carries media: tests that need audio use a real browser.
 */
export function businessAnswerFor(offer: string): string {
  const mid = midOf(offer);
  const ssrc = randomInt(1, 2 ** 31);
  return [
    'v=0',
    `o=- ${randomInt(1, 2 ** 31)} 2 IN IP4 127.0.0.1`,
    's=-',
    't=0 0',
    `a=group:BUNDLE ${mid}`,
    'a=msid-semantic: WMS stream-1',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 126',
    'c=IN IP4 0.0.0.0',
    'a=rtcp:9 IN IP4 0.0.0.0',
    `a=candidate:1 1 udp 2122260223 127.0.0.1 ${randomInt(20000, 60000)} typ host generation 0`,
    `a=ice-ufrag:${randomBytes(3).toString('hex')}`,
    `a=ice-pwd:${randomBytes(12).toString('hex')}`,
    'a=ice-options:trickle',
    `a=fingerprint:sha-256 ${fingerprint()}`,
    'a=setup:active',
    `a=mid:${mid}`,
    'a=sendrecv',
    'a=msid:stream-1 mic-track-1',
    'a=rtcp-mux',
    'a=rtpmap:111 opus/48000/2',
    'a=fmtp:111 minptime=10;useinbandfec=1',
    'a=rtpmap:126 telephone-event/8000',
    `a=ssrc:${ssrc} cname:business`,
    `a=ssrc:${ssrc} msid:stream-1 mic-track-1`,
    '',
  ].join(CRLF);
}

/** the same without the mic track: what a browser makes when it answers before adding the mic */
export function recvonlyAnswerFor(offer: string): string {
  return businessAnswerFor(offer)
    .split(CRLF)
    .filter((line) => !line.startsWith('a=msid:') && !line.startsWith('a=ssrc:'))
    .join(CRLF)
    .replace('a=sendrecv', 'a=recvonly');
}

/** a Chromium-shaped offer with a mic track (Messenger accept and business-initiated connect) */
export function businessOffer(): string {
  return businessAnswerFor('a=mid:0').replace('a=setup:active', 'a=setup:actpass');
}

/** an offer made before the mic track was added: recvonly, no msid or ssrc (Meta gets no audio) */
export function recvonlyOffer(): string {
  return recvonlyAnswerFor('a=mid:0').replace('a=setup:active', 'a=setup:actpass');
}
