import { describe, expect, it } from 'vitest';
import { CHROMIUM_ANSWER, MIC_STREAM_ID, MIC_TRACK_ID } from './testing/chromium-sdp';
import { whatsappConnectSdp } from './testing/meta-fixtures';
import { lineStartingWith, replaceLine, withoutLines } from './testing/sdp-lines';
import { validateLocalAnswer } from './validate-local-answer';

const MIC_MISSING = 'microphone track missing from the answer';
const msidLine = `a=msid:${MIC_STREAM_ID} ${MIC_TRACK_ID}`;

// what Chromium produces when createAnswer runs before the mic track is added
const recvonlyAnswer = replaceLine(
  withoutLines(withoutLines(CHROMIUM_ANSWER, 'a=msid:'), 'a=ssrc:'),
  'a=sendrecv',
  'a=recvonly',
);

describe('validateLocalAnswer accepts', () => {
  it("Chromium's answer with the mic track", () => {
    expect(validateLocalAnswer(CHROMIUM_ANSWER)).toEqual({
      ok: true,
      summary: {
        sdp: CHROMIUM_ANSWER,
        opusPayloadType: 111,
        dtmfPayloadType: 126,
        direction: 'sendrecv',
        iceLite: false,
        candidateCount: 3,
        setup: 'active',
        track: { msid: MIC_STREAM_ID, trackId: MIC_TRACK_ID },
        ssrc: 1938475621,
        mid: 'audio',
        sections: [{ mid: 'audio', kind: 'audio', direction: 'sendrecv', declined: false }],
      },
    });
  });

  it('the same answer when it names the expected track', () => {
    const result = validateLocalAnswer(CHROMIUM_ANSWER, {
      expectTrack: { msid: MIC_STREAM_ID, trackId: MIC_TRACK_ID },
    });
    expect(result.ok).toBe(true);
    expect(
      validateLocalAnswer(CHROMIUM_ANSWER, { expectTrack: { trackId: MIC_TRACK_ID } }).ok,
    ).toBe(true);
  });

  it('LF-only text, handing back the CRLF form', () => {
    const result = validateLocalAnswer(CHROMIUM_ANSWER.replaceAll('\r\n', '\n'));
    expect(result.ok && result.summary.sdp).toBe(CHROMIUM_ANSWER);
  });

  it('a sendonly answer (the caller put us on hold)', () => {
    const result = validateLocalAnswer(replaceLine(CHROMIUM_ANSWER, 'a=sendrecv', 'a=sendonly'));
    expect(result.ok && result.summary.direction).toBe('sendonly');
  });

  it("Firefox's brace-wrapped msid ids", () => {
    const firefoxMsid =
      'a=msid:{5b1f0c1e-7c44-4b7e-a2d9-6c3b4f0e9a11} {c0ffee00-1234-4d6e-8f90-abcdef012345}';
    const result = validateLocalAnswer(replaceLine(CHROMIUM_ANSWER, msidLine, firefoxMsid), {
      expectTrack: { trackId: '{c0ffee00-1234-4d6e-8f90-abcdef012345}' },
    });
    expect(result.ok && result.summary.track).toEqual({
      msid: '{5b1f0c1e-7c44-4b7e-a2d9-6c3b4f0e9a11}',
      trackId: '{c0ffee00-1234-4d6e-8f90-abcdef012345}',
    });
  });
});

describe('validateLocalAnswer refuses the missing microphone', () => {
  it('in a recvonly answer without ssrc or msid (answer created before the mic was added)', () => {
    expect(validateLocalAnswer(recvonlyAnswer)).toEqual({
      ok: false,
      error: { code: 'missing-track', message: MIC_MISSING },
    });
  });

  it.each([
    ['recvonly even with ssrc and msid', replaceLine(CHROMIUM_ANSWER, 'a=sendrecv', 'a=recvonly')],
    ['inactive', replaceLine(CHROMIUM_ANSWER, 'a=sendrecv', 'a=inactive')],
    ['sendrecv without a=msid', withoutLines(CHROMIUM_ANSWER, 'a=msid:')],
    ['sendrecv without a=ssrc', withoutLines(CHROMIUM_ANSWER, 'a=ssrc:')],
  ])('when %s', (_label, answer) => {
    expect(validateLocalAnswer(answer)).toEqual({
      ok: false,
      error: { code: 'missing-track', message: MIC_MISSING },
    });
  });

  it('before any other problem of the same answer', () => {
    expect(validateLocalAnswer(withoutLines(recvonlyAnswer, 'a=candidate:'))).toMatchObject({
      ok: false,
      error: { code: 'missing-track' },
    });
  });

  it('when the answer sends another track than the expected one', () => {
    const otherTrack = validateLocalAnswer(CHROMIUM_ANSWER, {
      expectTrack: { trackId: 'not-the-mic' },
    });
    expect(otherTrack).toMatchObject({ ok: false, error: { code: 'track-mismatch' } });
    if (!otherTrack.ok) expect(otherTrack.error.message).toContain(MIC_TRACK_ID);
    const otherStream = validateLocalAnswer(CHROMIUM_ANSWER, {
      expectTrack: { msid: 'another-stream', trackId: MIC_TRACK_ID },
    });
    expect(otherStream).toMatchObject({ ok: false, error: { code: 'track-mismatch' } });
  });
});

describe('validateLocalAnswer refuses broken transport', () => {
  it('without a fingerprint', () => {
    expect(validateLocalAnswer(withoutLines(CHROMIUM_ANSWER, 'a=fingerprint:'))).toMatchObject({
      ok: false,
      error: { code: 'missing-fingerprint' },
    });
  });

  it('with a=setup:actpass, saying only an offer may use it', () => {
    const result = validateLocalAnswer(
      replaceLine(CHROMIUM_ANSWER, 'a=setup:active', 'a=setup:actpass'),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-setup' } });
    if (!result.ok) expect(result.error.message).toMatch(/actpass.*a=setup:active/);
  });

  it('with a=setup:passive', () => {
    const result = validateLocalAnswer(
      replaceLine(CHROMIUM_ANSWER, 'a=setup:active', 'a=setup:passive'),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-setup' } });
    if (!result.ok) expect(result.error.message).toContain('passive');
  });

  it('without a=setup', () => {
    expect(validateLocalAnswer(withoutLines(CHROMIUM_ANSWER, 'a=setup:'))).toMatchObject({
      ok: false,
      error: { code: 'missing-setup' },
    });
  });

  it('without ICE credentials', () => {
    expect(validateLocalAnswer(withoutLines(CHROMIUM_ANSWER, 'a=ice-ufrag:'))).toMatchObject({
      ok: false,
      error: { code: 'missing-ice-credentials' },
    });
  });

  it('without candidates (sent before ICE gathering finished)', () => {
    expect(validateLocalAnswer(withoutLines(CHROMIUM_ANSWER, 'a=candidate:'))).toMatchObject({
      ok: false,
      error: { code: 'no-candidates' },
    });
  });

  it('without opus', () => {
    const mLine = lineStartingWith(CHROMIUM_ANSWER, 'm=audio');
    const noOpus = replaceLine(CHROMIUM_ANSWER, mLine, 'm=audio 54321 UDP/TLS/RTP/SAVPF 126');
    expect(validateLocalAnswer(noOpus)).toMatchObject({ ok: false, error: { code: 'no-opus' } });
  });

  it("given Meta's offer by mistake", () => {
    // the offer carries a track and candidates, but says actpass: not an answer
    const offer = whatsappConnectSdp('connect-user-initiated');
    expect(validateLocalAnswer(offer)).toMatchObject({ ok: false, error: { code: 'bad-setup' } });
  });
});
