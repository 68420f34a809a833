import { describe, expect, it } from 'vitest';
import { messengerMediaUpdateSdp, whatsappConnectSdp } from './testing/meta-fixtures';
import {
  joinSdp,
  lineStartingWith,
  replaceLine,
  sdpLines,
  withLines,
  withoutLines,
} from './testing/sdp-lines';
import { validateMetaOffer } from './validate-meta-offer';

const offer = whatsappConnectSdp('connect-user-initiated');

function refusal(text: unknown): string | undefined {
  const result = validateMetaOffer(text);
  return result.ok ? undefined : result.error.code;
}

describe('validateMetaOffer on Meta fixtures', () => {
  it('accepts the WhatsApp connect offer and reports what it negotiates', () => {
    const result = validateMetaOffer(offer);
    expect(result).toEqual({
      ok: true,
      summary: {
        sdp: offer,
        opusPayloadType: 111,
        dtmfPayloadType: 126,
        iceLite: true,
        setup: 'actpass',
        candidateCount: 2,
        direction: 'sendrecv',
        mid: expect.any(String) as string,
        sections: [
          {
            mid: expect.any(String) as string,
            kind: 'audio',
            direction: 'sendrecv',
            declined: false,
          },
        ],
      },
    });
  });

  it('accepts a one-section media_update offer and refuses one where Meta sends nothing', () => {
    const v1 = validateMetaOffer(messengerMediaUpdateSdp('media-update-v1'));
    const v2 = validateMetaOffer(messengerMediaUpdateSdp('media-update-v2'));
    expect(v1).toMatchObject({
      ok: true,
      summary: { opusPayloadType: 111, direction: 'sendrecv' },
    });
    // recvonly: the customer's voice would come on no section at all
    expect(v2).toMatchObject({ ok: false, error: { code: 'nothing-sent' } });
    // these offers list no telephone-event, so no DTMF payload type is claimed
    if (v1.ok) expect(v1.summary.dtmfPayloadType).toBeUndefined();
    if (v1.ok) expect(v1.summary.candidateCount).toBe(1);
  });

  it('accepts LF-only text and hands back the CRLF form', () => {
    const result = validateMetaOffer(offer.replaceAll('\r\n', '\n'));
    expect(result.ok && result.summary.sdp).toBe(offer);
  });

  it('accepts ICE credentials, fingerprint and setup given at session level', () => {
    const transportLines = ['a=ice-ufrag:', 'a=ice-pwd:', 'a=fingerprint:', 'a=setup:'].map(
      (prefix) => lineStartingWith(offer, prefix),
    );
    const lines = sdpLines(offer).filter((line) => !transportLines.includes(line));
    lines.splice(lines.indexOf('a=ice-lite') + 1, 0, ...transportLines);
    expect(validateMetaOffer(joinSdp(lines)).ok).toBe(true);
  });

  it('reports no DTMF when telephone-event is only at 48 kHz', () => {
    const result = validateMetaOffer(
      replaceLine(offer, 'a=rtpmap:126 telephone-event/8000', 'a=rtpmap:126 telephone-event/48000'),
    );
    expect(result.ok && result.summary.dtmfPayloadType).toBeUndefined();
  });
});

describe('validateMetaOffer refusals', () => {
  it('refuses an SDP without any m-line', () => {
    expect(refusal(withoutLines(offer, 'm=audio'))).toBe('no-audio');
  });

  it('refuses a video-only SDP', () => {
    const video = lineStartingWith(offer, 'm=audio').replace('m=audio', 'm=video');
    expect(refusal(replaceLine(offer, lineStartingWith(offer, 'm=audio'), video))).toBe('no-audio');
  });

  it('refuses a rejected audio m-line (port 0)', () => {
    const mLine = lineStartingWith(offer, 'm=audio');
    expect(refusal(replaceLine(offer, mLine, mLine.replace('3484', '0')))).toBe('no-audio');
  });

  it('accepts two identical audio m-lines and reads the first', () => {
    const media = sdpLines(offer).slice(sdpLines(offer).indexOf(lineStartingWith(offer, 'm=')));
    const result = validateMetaOffer(withLines(offer, ...media));
    expect(result.ok && result.summary.sections.length).toBe(2);
  });

  it('refuses plain RTP without DTLS-SRTP', () => {
    const mLine = lineStartingWith(offer, 'm=audio');
    expect(refusal(replaceLine(offer, mLine, 'm=audio 3484 RTP/AVP 111 126'))).toBe('bad-protocol');
  });

  it('refuses an offer without opus', () => {
    expect(refusal(withoutLines(offer, 'a=rtpmap:111'))).toBe('no-opus');
  });

  it('refuses opus described by rtpmap but not listed on the m-line', () => {
    const mLine = lineStartingWith(offer, 'm=audio');
    expect(refusal(replaceLine(offer, mLine, 'm=audio 3484 UDP/TLS/RTP/SAVPF 126'))).toBe(
      'no-opus',
    );
  });

  it('refuses opus at another clock rate', () => {
    expect(
      refusal(replaceLine(offer, 'a=rtpmap:111 opus/48000/2', 'a=rtpmap:111 opus/16000/2')),
    ).toBe('no-opus');
  });

  it.each(['a=ice-ufrag:', 'a=ice-pwd:'])('refuses an offer without %s', (prefix) => {
    expect(refusal(withoutLines(offer, prefix))).toBe('missing-ice-credentials');
  });

  it('refuses an ICE password shorter than 22 characters', () => {
    const pwd = lineStartingWith(offer, 'a=ice-pwd:');
    expect(refusal(replaceLine(offer, pwd, 'a=ice-pwd:short'))).toBe('missing-ice-credentials');
  });

  it('refuses an offer without a fingerprint', () => {
    expect(refusal(withoutLines(offer, 'a=fingerprint:'))).toBe('missing-fingerprint');
  });

  it('refuses a truncated fingerprint and an unknown hash function', () => {
    const line = lineStartingWith(offer, 'a=fingerprint:');
    expect(refusal(replaceLine(offer, line, line.slice(0, -3)))).toBe('bad-fingerprint');
    expect(refusal(replaceLine(offer, line, line.replace('sha-256', 'crc-32')))).toBe(
      'bad-fingerprint',
    );
  });

  it('refuses an offer without a=setup, and one with a=setup:holdconn', () => {
    expect(refusal(withoutLines(offer, 'a=setup:'))).toBe('missing-setup');
    expect(refusal(replaceLine(offer, 'a=setup:actpass', 'a=setup:holdconn'))).toBe('bad-setup');
    expect(refusal(replaceLine(offer, 'a=setup:actpass', 'a=setup:sideways'))).toBe('bad-setup');
  });

  it('refuses an offer without candidates', () => {
    expect(refusal(withoutLines(offer, 'a=candidate:'))).toBe('no-candidates');
  });

  it('does not count malformed candidate lines', () => {
    const lines = sdpLines(withoutLines(offer, 'a=candidate:'));
    lines.splice(lines.indexOf('a=rtcp:9 IN IP4 0.0.0.0') + 1, 0, 'a=candidate:garbage');
    expect(refusal(joinSdp(lines))).toBe('no-candidates');
  });

  it('does not count candidates on port 0', () => {
    const portZero = sdpLines(offer).map((line) =>
      line.startsWith('a=candidate:') ? line.replace(' 3484 typ', ' 0 typ') : line,
    );
    expect(portZero.join('\n')).not.toContain(' 3484 typ');
    expect(refusal(joinSdp(portZero))).toBe('no-candidates');
  });
});
