import { validateMetaOffer } from '@ringside/sdp';
import { describe, expect, it } from 'vitest';
import { shapeLocalSdp, UNREACHABLE_IPV6 } from './local-sdp';
import { metaRenegotiation } from './renegotiation-sdp';

/** what werift 0.24 answers to Chromium's offer, shaped as the simulator sends it */
const answer = shapeLocalSdp(
  [
    'v=0',
    'o=- 27109142 2 IN IP4 0.0.0.0',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0',
    'a=msid-semantic:WMS *',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111 126',
    'c=IN IP4 0.0.0.0',
    'a=candidate:1 1 udp 2116026367 127.0.0.1 53829 typ host generation 0 ufrag eed4',
    'a=ice-ufrag:eed4',
    'a=ice-pwd:0f7f669c0758e1d3d4edba',
    'a=fingerprint:sha-256 66:D3:F5:F2:7B:42:31:00:D7:C0:90:90:DA:17:2B:20:1C:CE:10:39:44:2C:B6:74:74:34:40:FE:F4:74:03:0E',
    'a=setup:passive',
    'a=sendrecv',
    'a=mid:0',
    'a=msid:werift-stream werift-track',
    'a=rtcp-mux',
    'a=rtpmap:111 OPUS/48000/2',
    'a=rtpmap:126 telephone-event/8000',
    'a=ssrc:111222333 cname:werift',
  ].join('\n'),
  { host: '127.0.0.1', iceLite: true, ipv6Host: UNREACHABLE_IPV6, tcpPassivePort: 3478 },
);

const voice = { ssrc: 424242, cname: 'caller', streamId: 'caller-stream', trackId: 'caller-voice' };

function sections(sdp: string): string[][] {
  const lines = sdp.split('\r\n').filter((line) => line !== '');
  const starts = lines.flatMap((line, index) => (line.startsWith('m=') ? [index] : []));
  return starts.map((start, n) => lines.slice(start, starts[n + 1] ?? lines.length));
}

describe('metaRenegotiation', () => {
  const { sdp, receiveMid, sendMid } = metaRenegotiation(answer, voice);
  const [mid0, mid1] = sections(sdp);

  it("has Meta's shape: BUNDLE 0 1, mid 0 recvonly, mid 1 sendonly, conference flag on both", () => {
    expect([receiveMid, sendMid]).toEqual(['0', '1']);
    expect(sdp).toContain('a=group:BUNDLE 0 1\r\n');
    expect(sections(sdp)).toHaveLength(2);
    expect(mid0).toEqual(expect.arrayContaining(['a=mid:0', 'a=recvonly']));
    expect(mid1).toEqual(expect.arrayContaining(['a=mid:1', 'a=sendonly']));
    for (const section of [mid0, mid1]) {
      expect(section).toContain('a=x-google-flag:conference');
      expect(section).toContain('a=setup:passive');
    }
  });

  it('announces the caller on mid 1 only, with its own ssrc; mid 0 carries no source', () => {
    expect(mid1).toContain('a=ssrc:424242 cname:caller');
    expect(mid1).toContain('a=msid:caller-stream caller-voice');
    expect(mid0?.some((line) => line.startsWith('a=ssrc:'))).toBe(false);
    expect(sdp).not.toContain('111222333');
  });

  it("keeps the answer's transport: credentials, fingerprint, IPv6 then IPv4 candidates, TCP passive", () => {
    for (const section of [mid0, mid1]) {
      expect(section).toContain('a=ice-ufrag:eed4');
      const candidates = (section ?? []).filter((line) => line.startsWith('a=candidate:'));
      expect(candidates[0]).toContain(` udp 2116028927 ${UNREACHABLE_IPV6} 53829 typ host`);
      expect(candidates[1]).toContain(' udp 2116026367 127.0.0.1 53829 typ host');
      expect(
        candidates
          .slice(2)
          .every((c) => c.includes(' tcp ') && c.includes(' 3478 typ host tcptype passive')),
      ).toBe(true);
    }
  });

  it('counts the origin version up, and passes the console’s check naming mid 1', () => {
    expect(sdp).toContain('o=- 27109142 3 IN IP4 0.0.0.0');
    expect(validateMetaOffer(sdp)).toMatchObject({
      ok: true,
      summary: { mid: '1', direction: 'sendonly', setup: 'passive', candidateCount: 4 },
    });
  });

  it('refuses an answer with no m-section', () => {
    expect(() => metaRenegotiation('v=0\r\ns=-\r\n', voice)).toThrow(/no m-section/);
  });
});
