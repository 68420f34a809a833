import { describe, expect, it } from 'vitest';
import { parseSdp } from './parse-sdp';
import { MAX_SDP_BYTES } from './size-limit';
import { CHROMIUM_ANSWER } from './testing/chromium-sdp';
import { whatsappConnectSdp } from './testing/meta-fixtures';
import { joinSdp, sdpLines } from './testing/sdp-lines';

const offer = whatsappConnectSdp('connect-user-initiated');

// a valid SDP made exactly `bytes` long with one filler attribute line
function paddedTo(bytes: number): string {
  const room = bytes - CHROMIUM_ANSWER.length - 'a=x-filler:\r\n'.length;
  return `${CHROMIUM_ANSWER}a=x-filler:${'p'.repeat(room)}\r\n`;
}

describe('parseSdp', () => {
  it('parses the WhatsApp offer fixture', () => {
    const parsed = parseSdp(offer);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.sdp.media).toHaveLength(1);
    expect(parsed.sdp.media[0]?.type).toBe('audio');
    expect(parsed.sdp.icelite).toBe('ice-lite');
  });

  it('reads LF-only text the same as CRLF text', () => {
    const lf = parseSdp(offer.replaceAll('\r\n', '\n'));
    const crlf = parseSdp(offer);
    expect(lf).toEqual(crlf);
  });

  it.each([
    ['a number', 42],
    ['null', null],
    ['undefined', undefined],
    ['an object', { sdp: offer }],
    ['an array', [offer]],
    ['bytes', new TextEncoder().encode(offer)],
  ])('refuses %s as not-sdp', (_label, input) => {
    const parsed = parseSdp(input);
    expect(parsed).toMatchObject({ ok: false, error: { code: 'not-sdp' } });
  });

  it.each([
    ['empty text', ''],
    ['prose', 'hello, this is not a session description'],
    ['JSON', JSON.stringify({ sdp: offer })],
    ['another SDP version', offer.replace('v=0', 'v=1')],
    ['text before v=0', `\r\n${offer}`],
  ])('refuses %s as not-sdp', (_label, input) => {
    expect(parseSdp(input)).toMatchObject({ ok: false, error: { code: 'not-sdp' } });
  });

  it('names the first line that is not <letter>=<value>', () => {
    const lines = sdpLines(offer);
    lines.splice(3, 0, 'this line is noise');
    const parsed = parseSdp(joinSdp(lines));
    expect(parsed).toMatchObject({ ok: false, error: { code: 'not-sdp' } });
    if (!parsed.ok) expect(parsed.error.message).toContain('line 4');
  });

  it('refuses text holding a NUL byte', () => {
    expect(parseSdp(offer.replace('s=-', 's=\0'))).toMatchObject({
      ok: false,
      error: { code: 'not-sdp' },
    });
  });

  it('tolerates blank lines', () => {
    expect(parseSdp(offer.replace('s=-\r\n', 's=-\r\n\r\n')).ok).toBe(true);
  });

  it('accepts an SDP right at the size limit and refuses one byte more', () => {
    const atLimit = paddedTo(MAX_SDP_BYTES);
    expect(atLimit.length).toBe(MAX_SDP_BYTES);
    expect(parseSdp(atLimit).ok).toBe(true);
    const overLimit = atLimit.replace('s=-', 's=--');
    expect(parseSdp(overLimit)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });

  it('counts the size in UTF-8 bytes, not characters', () => {
    // 30,000 characters, but 90,000 bytes once encoded
    const wide = offer.replace('s=-', `s=${'€'.repeat(30_000)}`);
    expect(wide.length).toBeLessThan(MAX_SDP_BYTES);
    expect(parseSdp(wide)).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});
