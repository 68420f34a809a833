import { describe, expect, it } from 'vitest';
import { withoutNul } from './without-nul';

describe('withoutNul', () => {
  it('replaces NUL characters in nested strings and keys', () => {
    const json: unknown = JSON.parse('{"a\\u0000":["x\\u0000y",{"n":1,"s":"\\u0000"}],"b":null}');
    expect(withoutNul(json, '\\u0000')).toEqual({
      'a\uFFFD': ['x\uFFFDy', { n: 1, s: '\uFFFD' }],
      b: null,
    });
  });

  it('returns the very same value when the body has no \\u0000 escape', () => {
    const json = { name: 'Rahul', list: [1, 2] };
    expect(withoutNul(json, JSON.stringify(json))).toBe(json);
  });
});
