import { describe, expect, it } from 'vitest';
import { errorFrom } from './http';

describe('errorFrom', () => {
  it('ignores an error body with an empty message', () => {
    expect(errorFrom(429, { error: { code: 'rate_limited', message: '' } }).message).toBe(
      'Too many attempts. Try again in a moment.',
    );
  });
});
