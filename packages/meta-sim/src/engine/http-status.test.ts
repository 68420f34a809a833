import { describe, expect, it } from 'vitest';
import { httpStatusFor } from './http-status';
import { refuse } from './outcome';

describe('Meta’s HTTP status per calling error code (Troubleshooting page)', () => {
  it.each([
    [138000, 401],
    [138006, 401],
    [138002, 429],
    [138005, 429],
    [613, 429],
    [138004, 500],
    [138007, 500],
    [100, 400],
    [138003, 400],
    [138009, 400],
    [138017, 400],
  ])('%i → %i', (code, status) => {
    expect(httpStatusFor(code)).toBe(status);
    expect(refuse(code, 'why').error.httpStatus).toBe(status);
  });

  it('a refusal may still name its own status (190 is 401, a body too large 413)', () => {
    expect(refuse(100, 'too big', { httpStatus: 413 }).error.httpStatus).toBe(413);
  });
});
