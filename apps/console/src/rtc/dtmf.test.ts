import { describe, expect, it } from 'vitest';
import { normalizeDtmf } from './dtmf';

describe('normalizeDtmf', () => {
  it('passes digits, star, hash, A–D and pauses', () => {
    expect(normalizeDtmf('12#')).toBe('12#');
    expect(normalizeDtmf(' *0,9 ')).toBe('*0,9');
    expect(normalizeDtmf('abcd')).toBe('ABCD');
  });

  it('refuses anything else, empty input and overlong input', () => {
    expect(normalizeDtmf('1x')).toBeUndefined();
    expect(normalizeDtmf('E')).toBeUndefined();
    expect(normalizeDtmf('')).toBeUndefined();
    expect(normalizeDtmf('1'.repeat(41))).toBeUndefined();
  });
});
