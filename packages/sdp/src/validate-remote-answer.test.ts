import { describe, expect, it } from 'vitest';
import { fixActpassInRemoteAnswer } from './fix-actpass';
import { whatsappConnectSdp } from './testing/meta-fixtures';
import { replaceLine, sdpLines, withLines, withoutLines } from './testing/sdp-lines';
import { validateRemoteAnswer } from './validate-remote-answer';

const answer = whatsappConnectSdp('connect-business-initiated');
const actpassAnswer = replaceLine(answer, 'a=setup:passive', 'a=setup:actpass');

describe('validateRemoteAnswer', () => {
  it("accepts Meta's answer from the business-initiated connect", () => {
    expect(validateRemoteAnswer(answer)).toEqual({
      ok: true,
      summary: {
        sdp: answer,
        opusPayloadType: 111,
        dtmfPayloadType: 126,
        direction: 'sendrecv',
        iceLite: true,
        candidateCount: 2,
        setup: 'passive',
        needsActpassFix: false,
        mid: expect.any(String) as string,
        sections: [expect.objectContaining({ kind: 'audio', direction: 'sendrecv' })],
      },
    });
  });

  it('accepts an answer saying actpass and flags it for the fix-up', () => {
    const result = validateRemoteAnswer(actpassAnswer);
    expect(result).toMatchObject({
      ok: true,
      summary: { setup: 'actpass', needsActpassFix: true },
    });
  });

  it('accepts the fixed answer as active', () => {
    const result = validateRemoteAnswer(fixActpassInRemoteAnswer(actpassAnswer));
    expect(result).toMatchObject({
      ok: true,
      summary: { setup: 'active', needsActpassFix: false },
    });
  });

  it('refuses holdconn, which gives no DTLS role', () => {
    expect(
      validateRemoteAnswer(replaceLine(answer, 'a=setup:passive', 'a=setup:holdconn')),
    ).toMatchObject({ ok: false, error: { code: 'bad-setup' } });
  });

  it.each([
    ['a=fingerprint:', 'missing-fingerprint'],
    ['a=ice-pwd:', 'missing-ice-credentials'],
    ['a=rtpmap:111', 'no-opus'],
    ['a=candidate:', 'no-candidates'],
    ['a=setup:', 'missing-setup'],
  ])('refuses an answer without %s', (prefix, code) => {
    expect(validateRemoteAnswer(withoutLines(answer, prefix))).toMatchObject({
      ok: false,
      error: { code },
    });
  });

  it('accepts an answer with two audio m-lines, reporting both', () => {
    const lines = sdpLines(answer);
    const media = lines.slice(lines.findIndex((line) => line.startsWith('m=')));
    const result = validateRemoteAnswer(withLines(answer, ...media));
    expect(result.ok && result.summary.sections.map((section) => section.kind)).toEqual([
      'audio',
      'audio',
    ]);
  });
});
