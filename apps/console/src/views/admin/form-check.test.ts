import { describe, expect, it } from 'vitest';
import { checkWith, defined, wholeNumber } from './form-check';
import { upsert } from './upsert';

describe('checkWith', () => {
  it('passes the parsed body through', () => {
    expect(checkWith({ success: true, data: { a: 1 } }, {})).toEqual({ ok: true, body: { a: 1 } });
  });

  it('keeps each field’s first problem, in the form’s words when it has them', () => {
    const checked = checkWith(
      {
        success: false,
        error: {
          issues: [
            { path: ['email'], message: 'Invalid email' },
            { path: ['email'], message: 'Too long' },
            { path: ['role'], message: 'Invalid option' },
            { path: [], message: 'nothing to update' },
          ],
        },
      },
      { email: 'Enter an email address.' },
    );
    expect(checked).toEqual({
      ok: false,
      problems: {
        email: 'Enter an email address.',
        role: 'Invalid option',
        form: 'nothing to update',
      },
    });
  });
});

describe('form helpers', () => {
  it('reads whole numbers, leaving empty fields out and refusing the rest', () => {
    expect(wholeNumber(' 30 ')).toBe(30);
    expect(wholeNumber('')).toBeUndefined();
    expect(wholeNumber('3.5')).toBeNaN();
    expect(wholeNumber('ten')).toBeNaN();
  });

  it('drops undefined keys only', () => {
    expect(defined({ a: 0, b: undefined, c: false, d: '' })).toEqual({ a: 0, c: false, d: '' });
  });

  it('replaces an item in place, or adds a new one at the end', () => {
    const list = [
      { id: 'a', n: 1 },
      { id: 'b', n: 2 },
    ];
    expect(upsert(list, { id: 'a', n: 9 })).toEqual([
      { id: 'a', n: 9 },
      { id: 'b', n: 2 },
    ]);
    expect(upsert(list, { id: 'c', n: 3 }).map((i) => i.id)).toEqual(['a', 'b', 'c']);
  });
});
