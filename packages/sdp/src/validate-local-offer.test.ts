import { describe, expect, it } from 'vitest';
import {
  CHROMIUM_ANSWER,
  CHROMIUM_OFFER,
  MIC_STREAM_ID,
  MIC_TRACK_ID,
} from './testing/chromium-sdp';
import { replaceLine, withoutLines } from './testing/sdp-lines';
import { validateLocalOffer } from './validate-local-offer';

describe('validateLocalOffer', () => {
  it("accepts Chromium's offer with the mic track, picking telephone-event/8000 for DTMF", () => {
    expect(validateLocalOffer(CHROMIUM_OFFER)).toEqual({
      ok: true,
      summary: {
        sdp: CHROMIUM_OFFER,
        opusPayloadType: 111,
        dtmfPayloadType: 126,
        direction: 'sendrecv',
        iceLite: false,
        candidateCount: 2,
        setup: 'actpass',
        track: { msid: MIC_STREAM_ID, trackId: MIC_TRACK_ID },
        ssrc: 2894436513,
        mid: '0',
        sections: [{ mid: '0', kind: 'audio', direction: 'sendrecv', declined: false }],
      },
    });
  });

  it('accepts the offer when it names the expected track', () => {
    const result = validateLocalOffer(CHROMIUM_OFFER, {
      expectTrack: { msid: MIC_STREAM_ID, trackId: MIC_TRACK_ID },
    });
    expect(result.ok).toBe(true);
  });

  it('refuses a recvonly offer without the mic track', () => {
    const noMic = replaceLine(
      withoutLines(withoutLines(CHROMIUM_OFFER, 'a=msid:'), 'a=ssrc:'),
      'a=sendrecv',
      'a=recvonly',
    );
    expect(validateLocalOffer(noMic)).toEqual({
      ok: false,
      error: { code: 'missing-track', message: 'microphone track missing from the offer' },
    });
  });

  it('refuses an offer sending another track than the expected one', () => {
    expect(
      validateLocalOffer(CHROMIUM_OFFER, { expectTrack: { trackId: 'screen-audio' } }),
    ).toMatchObject({ ok: false, error: { code: 'track-mismatch' } });
  });

  it('refuses an offer that picks a DTLS role instead of actpass', () => {
    const result = validateLocalOffer(
      replaceLine(CHROMIUM_OFFER, 'a=setup:actpass', 'a=setup:active'),
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'bad-setup' } });
    if (!result.ok) expect(result.error.message).toContain('a=setup:actpass');
  });

  it('refuses an answer passed as an offer', () => {
    expect(validateLocalOffer(CHROMIUM_ANSWER)).toMatchObject({
      ok: false,
      error: { code: 'bad-setup' },
    });
  });

  it('refuses an offer without candidates or without a fingerprint', () => {
    expect(validateLocalOffer(withoutLines(CHROMIUM_OFFER, 'a=candidate:'))).toMatchObject({
      ok: false,
      error: { code: 'no-candidates' },
    });
    expect(validateLocalOffer(withoutLines(CHROMIUM_OFFER, 'a=fingerprint:'))).toMatchObject({
      ok: false,
      error: { code: 'missing-fingerprint' },
    });
  });

  it('refuses an offer without opus', () => {
    expect(validateLocalOffer(withoutLines(CHROMIUM_OFFER, 'a=rtpmap:111'))).toMatchObject({
      ok: false,
      error: { code: 'no-opus' },
    });
  });
});
