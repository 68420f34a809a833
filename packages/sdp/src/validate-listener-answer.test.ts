import { describe, expect, it } from 'vitest';
import { CHROMIUM_ANSWER } from './testing/chromium-sdp';
import { withoutLines } from './testing/sdp-lines';
import { validateListenerAnswer } from './validate-listener-answer';

// what Chromium answers an offer when no track was added: it receives only
const RECEIVING_ANSWER = CHROMIUM_ANSWER.replace('a=sendrecv', 'a=recvonly')
  .replace(/a=msid:[^\r\n]*\r\n/, '')
  .replace(/a=ssrc:[^\r\n]*\r\n/, '');

describe('validateListenerAnswer', () => {
  it('takes an answer that receives only, with its transport', () => {
    const checked = validateListenerAnswer(RECEIVING_ANSWER);
    expect(checked.ok ? checked.summary.direction : checked.error.message).toBe('recvonly');
  });

  it('refuses an answer that sends: nothing of a listener may reach the call', () => {
    expect(validateListenerAnswer(CHROMIUM_ANSWER)).toMatchObject({
      ok: false,
      error: { code: 'listener-sends', message: expect.stringMatching(/receive only.*sendrecv/) },
    });
  });

  it('refuses what could not connect: no fingerprint, no candidates, the wrong DTLS role, garbage', () => {
    expect(validateListenerAnswer(withoutLines(RECEIVING_ANSWER, 'a=fingerprint'))).toMatchObject({
      ok: false,
      error: { code: 'missing-fingerprint' },
    });
    expect(validateListenerAnswer(withoutLines(RECEIVING_ANSWER, 'a=candidate'))).toMatchObject({
      ok: false,
      error: { code: 'no-candidates' },
    });
    expect(
      validateListenerAnswer(RECEIVING_ANSWER.replace('a=setup:active', 'a=setup:passive')),
    ).toMatchObject({ ok: false, error: { code: 'bad-setup' } });
    expect(validateListenerAnswer('hello')).toMatchObject({
      ok: false,
      error: { code: 'not-sdp' },
    });
  });
});
