import { describe, expect, it } from 'vitest';
import { safeNext } from './safe-next';

describe('safeNext', () => {
  it('returns to a page on this site', () => {
    expect(safeNext('/history?q=rahul')).toBe('/history?q=rahul');
  });

  it('never leaves the site or loops back to the login page', () => {
    for (const next of [
      '//evil.example',
      'https://evil.example',
      '/\\evil.example',
      'history',
      '/login?next=/',
      null,
      '',
    ]) {
      expect(safeNext(next)).toBe('/');
    }
  });
});
