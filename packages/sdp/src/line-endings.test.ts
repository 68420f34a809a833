import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeLineEndings } from './line-endings';

describe('normalizeLineEndings', () => {
  it('turns LF-only text into CRLF text', () => {
    expect(normalizeLineEndings('v=0\ns=-\nt=0 0\n')).toBe('v=0\r\ns=-\r\nt=0 0\r\n');
  });

  it('turns mixed CRLF, LF and lone CR breaks into CRLF', () => {
    expect(normalizeLineEndings('v=0\r\ns=-\nt=0 0\ra=ice-lite\r\n')).toBe(
      'v=0\r\ns=-\r\nt=0 0\r\na=ice-lite\r\n',
    );
  });

  it('adds the final CRLF when the last line has none', () => {
    expect(normalizeLineEndings('v=0\r\ns=-')).toBe('v=0\r\ns=-\r\n');
  });

  it('leaves CRLF text as it is', () => {
    const text = 'v=0\r\ns=-\r\nt=0 0\r\n';
    expect(normalizeLineEndings(text)).toBe(text);
  });

  it('keeps empty text empty', () => {
    expect(normalizeLineEndings('')).toBe('');
  });

  it('always yields CRLF-only text ending in CRLF, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '=', '\r', '\n', ' ', '0') }), (text) => {
        const normalized = normalizeLineEndings(text);
        expect(normalized.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
        if (text !== '') expect(normalized.endsWith('\r\n')).toBe(true);
        expect(normalizeLineEndings(normalized)).toBe(normalized);
        // only line breaks change: the text between them survives
        expect(normalized.replace(/\r\n/g, '')).toBe(text.replace(/\r\n|\r|\n/g, ''));
      }),
    );
  });
});
