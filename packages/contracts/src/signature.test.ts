import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  signMetaPayload,
  signRingsidePayload,
  verifyMetaSignature,
  verifyRingsideSignature,
} from './signature';

const secret = 'app-secret-5f1e9c2d';
const body = '{"object":"page","entry":[]}';

const pairs = [
  ['Meta', signMetaPayload, verifyMetaSignature],
  ['Ringside', signRingsidePayload, verifyRingsideSignature],
] as const;

describe.each(pairs)('%s signatures', (_name, sign, verify) => {
  it('match an independent HMAC-SHA256 of the body', () => {
    const hex = createHmac('sha256', secret).update(body).digest('hex');
    expect(sign(body, secret)).toBe(`sha256=${hex}`);
  });

  it('verify for the same body as a string or as bytes', () => {
    const header = sign(body, secret);
    expect(verify(body, header, secret)).toEqual({ ok: true });
    expect(verify(new TextEncoder().encode(body), header, secret)).toEqual({ ok: true });
    expect(verify(body, sign(Buffer.from(body), secret), secret)).toEqual({ ok: true });
  });

  it('accept an upper-case hex digest and surrounding spaces', () => {
    const header = sign(body, secret);
    expect(verify(body, ` sha256=${header.slice(7).toUpperCase()} `, secret)).toEqual({ ok: true });
  });

  it('fail with "mismatch" when one byte of the body changes', () => {
    const bytes = new TextEncoder().encode(body);
    const header = sign(bytes, secret);
    const flipped = Uint8Array.from(bytes);
    flipped[10] = (flipped[10] ?? 0) ^ 0x01;
    expect(verify(flipped, header, secret)).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('fail with "mismatch" under another secret', () => {
    expect(verify(body, sign(body, 'other-secret'), secret)).toEqual({
      ok: false,
      reason: 'mismatch',
    });
  });

  it('fail with "missing" without a header', () => {
    expect(verify(body, undefined, secret)).toEqual({ ok: false, reason: 'missing' });
    expect(verify(body, '', secret)).toEqual({ ok: false, reason: 'missing' });
  });

  it('fail with "malformed" for sha1, non-hex or short digests', () => {
    const hex = sign(body, secret).slice(7);
    for (const header of [
      `sha1=${hex}`,
      `sha256=${'z'.repeat(64)}`,
      `sha256=${hex.slice(2)}`,
      hex,
      'sha256=',
    ]) {
      expect(verify(body, header, secret), header).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('never put the secret in what they return', () => {
    const results = [
      sign(body, secret),
      verify(body, sign(body, secret), secret),
      verify(body, 'sha256=00', secret),
      verify(body, sign(body, 'x'), secret),
      verify(body, undefined, secret),
    ];
    for (const result of results) expect(JSON.stringify(result)).not.toContain(secret);
  });

  it('refuse an empty secret, which anyone could forge with', () => {
    expect(() => sign(body, '')).toThrow(TypeError);
    expect(() => verify(body, sign(body, secret), '')).toThrow(/must not be empty/);
  });
});
