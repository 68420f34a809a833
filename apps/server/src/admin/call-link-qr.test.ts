import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { callLinkQr, callLinkQrPng, callLinkQrSvg } from './call-link-qr';

// ISO/IEC 18004 §7.9: 5 data bits (error correction level, mask), a (15,5) BCH code, then XOR
// 101010000010010. Level bits: L 01, M 00, Q 11, H 10.
function formatCodeword(data5: number): number {
  let rem = data5 << 10;
  for (let bit = 14; bit >= 10; bit--) if ((rem >> bit) & 1) rem ^= 0x537 << (bit - 10);
  return ((data5 << 10) | rem) ^ 0x5412;
}

// the first copy of the format information, beside the top-left finder (bit 0 first)
function readFormat(code: ReturnType<typeof callLinkQr>): number {
  const at: Array<[number, number]> = [];
  for (let i = 0; i <= 5; i++) at.push([8, i]);
  at.push([8, 7], [8, 8], [7, 8]);
  for (let i = 9; i < 15; i++) at.push([14 - i, 8]);
  return at.reduce((bits, [x, y], i) => bits | ((code.get(x, y) ? 1 : 0) << i), 0);
}

// byte-mode capacity at level M of versions 1-10 (ISO/IEC 18004 table 7)
const BYTES_AT_M = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213];

describe('call link QR code', () => {
  it("computes the spec's worked format-information example (level M, mask 101)", () => {
    expect(formatCodeword(0b00101).toString(2).padStart(15, '0')).toBe('100000011001110');
  });

  it.each([
    'https://wa.me/call/919129950000',
    'https://wa.me/call/919129950000?biz_payload=spring-flyer',
    `https://wa.me/call/14155550100?biz_payload=${'x'.repeat(64)}`,
  ])('encodes %s at level M in the smallest version that holds it', (url) => {
    const code = callLinkQr(url);
    const version = (code.size - 17) / 4;
    // byte mode: 4 bits of mode, an 8-bit count (versions 1-9) and 8 bits a character
    expect(BYTES_AT_M[version - 1]).toBeGreaterThanOrEqual(url.length);
    expect(BYTES_AT_M[version - 2] ?? 0).toBeLessThan(url.length);

    const format = readFormat(code);
    const data5 = (format ^ 0x5412) >> 10;
    expect(formatCodeword(data5)).toBe(format); // a valid BCH codeword
    expect(data5 >> 3).toBe(0b00); // error correction M
  });

  it('draws the three finder patterns', () => {
    const code = callLinkQr('https://wa.me/call/919129950000');
    const finderAt = (x0: number, y0: number) =>
      [0, 6].every((d) => code.get(x0 + d, y0 + 3) && code.get(x0 + 3, y0 + d)) &&
      !code.get(x0 + 1, y0 + 1) &&
      code.get(x0 + 3, y0 + 3);
    const far = code.size - 7;
    expect([finderAt(0, 0), finderAt(far, 0), finderAt(0, far)]).toEqual([true, true, true]);
  });

  it('gives an SVG document and a PNG of the same code', () => {
    const url = 'https://wa.me/call/919129950000?biz_payload=spring';
    const size = callLinkQr(url).size + 8;
    expect(callLinkQrSvg(url)).toMatch(/^<\?xml[^>]*\?><svg [^>]*viewBox="-4 -4 (\d+) \1"/);
    const png = callLinkQrPng(url);
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 13, 10, 26, 10]));
    expect(png.readUInt32BE(16)).toBe(size * 8); // IHDR width
    expect(png.readUInt32BE(20)).toBe(size * 8);
    const idatAt = png.indexOf('IDAT');
    const pixels = inflateSync(png.subarray(idatAt + 4, idatAt + 4 + png.readUInt32BE(idatAt - 4)));
    expect(pixels.length).toBeGreaterThan(0);
  });
});
