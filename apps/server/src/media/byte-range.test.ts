import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range';

describe('byte ranges a player asks for', () => {
  it.each([
    ['bytes=0-', { start: 0, end: 999 }],
    ['bytes=100-199', { start: 100, end: 199 }],
    ['bytes=900-5000', { start: 900, end: 999 }],
    ['bytes=-100', { start: 900, end: 999 }],
    ['bytes=-5000', { start: 0, end: 999 }],
  ])('%s of a 1000-byte file', (header, range) => {
    expect(parseByteRange(header, 1000)).toEqual(range);
  });

  it.each(['bytes=1000-', 'bytes=200-100', 'bytes=-0'])('%s cannot be served', (header) => {
    expect(parseByteRange(header, 1000)).toBe('unsatisfiable');
  });

  it.each([undefined, 'items=0-1', 'bytes=0-1,5-9', 'bytes=-'])(
    '%s gets the whole file',
    (header) => {
      expect(parseByteRange(header, 1000)).toBeUndefined();
    },
  );
});
