import { describe, expect, it } from 'vitest';
import { fakeSdp } from './fake-sdp';
import { checkBusinessAnswer } from './sdp-checks';

const offer = fakeSdp({ type: 'offer', mid: 'audio', iceLite: true });

/** an answer as Meta's sample shows one: no candidates, port 9, address 0.0.0.0 */
function withoutCandidates(sdp: string): string {
  return sdp
    .split('\r\n')
    .filter((line) => !line.startsWith('a=candidate:'))
    .map((line) =>
      line.replace(/^m=audio \d+ /, 'm=audio 9 ').replace(/^c=IN IP4 .*/, 'c=IN IP4 0.0.0.0'),
    )
    .join('\r\n');
}

describe('the business’s answer, checked as Meta would', () => {
  it('accepts an answer without candidates (m=audio 9, c=IN IP4 0.0.0.0): Meta learns peer-reflexive ones', () => {
    const answer = withoutCandidates(fakeSdp({ type: 'answer', mid: 'audio' }));
    expect(answer).not.toContain('a=candidate:');
    expect(answer).toContain('m=audio 9 ');
    expect(checkBusinessAnswer(answer, offer)).toEqual({ ok: true, value: undefined });
  });

  it('still refuses what breaks a call in an answer without candidates: no fingerprint, actpass, another opus type', () => {
    const answer = withoutCandidates(fakeSdp({ type: 'answer', mid: 'audio' }));
    const noFingerprint = answer.replace(/a=fingerprint:[^\r]*\r\n/, '');
    expect(checkBusinessAnswer(noFingerprint, offer)).toMatchObject({
      ok: false,
      error: { code: 100, details: expect.stringMatching(/fingerprint/) },
    });
    const actpass = answer.replace('a=setup:active', 'a=setup:actpass');
    expect(checkBusinessAnswer(actpass, offer)).toMatchObject({
      ok: false,
      error: { details: expect.stringMatching(/actpass/) },
    });
    const otherOpus = withoutCandidates(
      fakeSdp({ type: 'answer', mid: 'audio', opusPayloadType: 109 }),
    );
    expect(checkBusinessAnswer(otherOpus, offer)).toMatchObject({
      ok: false,
      error: { details: expect.stringMatching(/payload type 109/) },
    });
  });

  it('accepts an answer with candidates as before, and refuses one with no audio at all', () => {
    expect(checkBusinessAnswer(fakeSdp({ type: 'answer', mid: 'audio' }), offer).ok).toBe(true);
    expect(checkBusinessAnswer('v=0\r\n', offer)).toMatchObject({
      ok: false,
      error: { code: 100 },
    });
  });
});
