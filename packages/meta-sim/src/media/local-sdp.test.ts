import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkRemoteSdp, findPayloadType, shapeLocalSdp } from './local-sdp';

/** the offer from a real WhatsApp call, in the shared fixtures (/work/shared/fixtures) */
const whatsappOffer: string = (() => {
  const path = new URL(
    '../../../../../shared/fixtures/whatsapp/connect-user-initiated.json',
    import.meta.url,
  );
  const fixture = JSON.parse(readFileSync(path, 'utf8')) as {
    entry: { changes: { value: { calls: { session: { sdp: string } }[] } }[] }[];
  };
  const sdp = fixture.entry[0]?.changes[0]?.value.calls[0]?.session.sdp;
  if (!sdp) throw new Error('fixture has no SDP');
  return sdp;
})();

/** what werift 0.24 writes for an ICE-lite offer, on a machine with a second interface */
const weriftOffer = [
  'v=0',
  'o=- 27109142 0 IN IP4 0.0.0.0',
  's=-',
  't=0 0',
  'a=group:BUNDLE 0',
  'a=msid-semantic:WMS *',
  'm=audio 9 UDP/TLS/RTP/SAVPF 111 126',
  'c=IN IP4 0.0.0.0',
  'a=candidate:1 1 udp 2116026367 127.0.0.1 53829 typ host generation 0 ufrag eed4',
  'a=candidate:2 1 udp 2116026111 192.0.2.2 53830 typ host generation 0 ufrag eed4',
  'a=end-of-candidates',
  'a=ice-ufrag:eed4',
  'a=ice-pwd:0f7f669c0758e1d3d4edba',
  'a=ice-lite',
  'a=ice-options:trickle',
  'a=fingerprint:sha-256 66:D3:F5:F2:7B:42:31:00:D7:C0:90:90:DA:17:2B:20:1C:CE:10:39:44:2C:B6:74:74:34:40:FE:F4:74:03:0E',
  'a=setup:actpass',
  'a=sendrecv',
  'a=mid:0',
  'a=rtcp-mux',
  'a=rtpmap:111 OPUS/48000/2',
  'a=rtpmap:126 telephone-event/8000',
  '',
].join('\n');

describe('shapeLocalSdp', () => {
  const shaped = shapeLocalSdp(weriftOffer, { host: '127.0.0.1', iceLite: true });
  const lines = shaped.split('\r\n');

  it('says ice-lite once, at session level (before the first m= line)', () => {
    expect(lines.filter((line) => line === 'a=ice-lite')).toHaveLength(1);
    expect(lines.indexOf('a=ice-lite')).toBeLessThan(lines.findIndex((l) => l.startsWith('m=')));
  });

  it('keeps only candidates on the pinned host, and drops the trickle option', () => {
    const candidates = lines.filter((line) => line.startsWith('a=candidate:'));
    expect(candidates).toHaveLength(1);
    expect(candidates[0]).toContain(' 127.0.0.1 53829 typ host');
    expect(shaped).not.toContain('192.0.2.2');
    expect(shaped).not.toContain('a=ice-options:trickle');
    expect(shaped).toContain('a=end-of-candidates');
  });

  it("puts the candidate's address and port on the m= and c= lines, as Meta's SDP does", () => {
    expect(lines).toContain('m=audio 53829 UDP/TLS/RTP/SAVPF 111 126');
    expect(lines).toContain('c=IN IP4 127.0.0.1');
  });

  it('ends every line with CRLF', () => {
    expect(shaped.endsWith('\r\n')).toBe(true);
    expect(shaped.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
  });

  it('leaves ice-lite out for a full agent', () => {
    expect(shapeLocalSdp(weriftOffer, { host: '127.0.0.1', iceLite: false })).not.toContain(
      'a=ice-lite',
    );
  });
});

describe('findPayloadType', () => {
  it("finds opus and telephone-event in WhatsApp's real offer", () => {
    expect(findPayloadType(whatsappOffer, 'opus', 48000)).toBe(111);
    expect(findPayloadType(whatsappOffer, 'telephone-event', 8000)).toBe(126);
  });

  it('matches the encoding name case-insensitively and the clock rate exactly', () => {
    expect(findPayloadType(weriftOffer, 'opus', 48000)).toBe(111);
    expect(findPayloadType(weriftOffer, 'telephone-event', 48000)).toBeNull();
    expect(findPayloadType('v=0\r\n', 'opus', 48000)).toBeNull();
  });
});

describe('checkRemoteSdp', () => {
  it("accepts WhatsApp's real offer", () => {
    expect(checkRemoteSdp(whatsappOffer)).toBeNull();
  });

  it('says what is wrong with unusable SDP', () => {
    expect(checkRemoteSdp('')).toBe('not an SDP: no v=0 line');
    expect(checkRemoteSdp('hello')).toBe('not an SDP: no v=0 line');
    expect(checkRemoteSdp(whatsappOffer.replace(/m=audio/, 'm=video'))).toBe('no audio m-line');
    expect(checkRemoteSdp(whatsappOffer.replace(/a=rtpmap:111 opus/, 'a=rtpmap:111 PCMU'))).toBe(
      'audio does not offer opus/48000',
    );
    expect(checkRemoteSdp(whatsappOffer.replace(/a=ice-ufrag:.*\r\n/, ''))).toBe('no a=ice-ufrag');
    expect(checkRemoteSdp(whatsappOffer.replace(/a=ice-pwd:.*\r\n/, ''))).toBe('no a=ice-pwd');
    expect(checkRemoteSdp(whatsappOffer.replace(/a=fingerprint:.*\r\n/, ''))).toBe(
      'no a=fingerprint',
    );
  });
});
