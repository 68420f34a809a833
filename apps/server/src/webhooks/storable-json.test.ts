import { describe, expect, it } from 'vitest';
import { storableJson } from './storable-json';

describe('storableJson', () => {
  it('replaces NUL characters in nested strings and keys', () => {
    const raw = '{"a\\u0000":["x\\u0000y",{"n":1,"s":"\\u0000"}],"b":null}';
    expect(storableJson(JSON.parse(raw), raw)).toEqual({
      'a\uFFFD': ['x\uFFFDy', { n: 1, s: '\uFFFD' }],
      b: null,
    });
  });

  it('replaces lone surrogate halves but keeps whole pairs (emoji)', () => {
    const raw = '{"name":"\\ud800x\\udc00 \\ud83d\\udcde"}';
    expect(storableJson(JSON.parse(raw), raw)).toEqual({ name: '\uFFFDx\uFFFD 📞' });
  });

  it('returns the very same value when the body has no \\u escape', () => {
    const json = { name: 'Rahul 📞', list: [1, 2] };
    expect(storableJson(json, JSON.stringify(json))).toBe(json);
  });
});
