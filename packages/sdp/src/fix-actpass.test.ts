import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixActpassInRemoteAnswer } from './fix-actpass';
import { whatsappConnectSdp } from './testing/meta-fixtures';
import { replaceLine, sdpLines } from './testing/sdp-lines';

const answer = whatsappConnectSdp('connect-business-initiated');
const actpassAnswer = replaceLine(answer, 'a=setup:passive', 'a=setup:actpass');

describe('fixActpassInRemoteAnswer', () => {
  it('rewrites actpass to active and leaves every other byte alone', () => {
    const fixed = fixActpassInRemoteAnswer(actpassAnswer);
    expect(fixed).toBe(replaceLine(answer, 'a=setup:passive', 'a=setup:active'));
    const before = sdpLines(actpassAnswer);
    const after = sdpLines(fixed);
    const changed = after.flatMap((line, index) => (line === before[index] ? [] : [index]));
    expect(changed).toEqual([before.indexOf('a=setup:actpass')]);
    expect(fixed.match(/\r\n/g)).toHaveLength(actpassAnswer.match(/\r\n/g)?.length ?? -1);
  });

  it('returns an answer that says passive or active unchanged', () => {
    expect(fixActpassInRemoteAnswer(answer)).toBe(answer);
  });

  it('fixes session-level and media-level lines, keeping LF-only breaks as they are', () => {
    const text = 'v=0\na=setup:actpass\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=setup:actpass';
    expect(fixActpassInRemoteAnswer(text)).toBe(
      'v=0\na=setup:active\nm=audio 9 UDP/TLS/RTP/SAVPF 111\na=setup:active',
    );
  });

  it('touches only whole a=setup:actpass lines', () => {
    const text = 'v=0\r\na=x-note:a=setup:actpass\r\na=setup:actpassive\r\n';
    expect(fixActpassInRemoteAnswer(text)).toBe(text);
  });

  it('leaves any text without an actpass line unchanged', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        fc.pre(!text.includes('a=setup:actpass'));
        expect(fixActpassInRemoteAnswer(text)).toBe(text);
      }),
    );
  });
});
