import { loginBodySchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { AppError } from './app-error';
import { parseBody } from './parse-body';

describe('parseBody', () => {
  it('returns the parsed, typed value', () => {
    const body = parseBody(loginBodySchema, { email: ' Asha@Example.com ', password: 'pw' });

    expect(body).toEqual({ email: 'asha@example.com', password: 'pw' });
  });

  it.each([
    ['a missing body', undefined, ['(root)']],
    ['an array', [], ['(root)']],
    ['a bad email and no password', { email: 'asha' }, ['email', 'password']],
    ['an empty password', { email: 'asha@example.com', password: '' }, ['password']],
  ])('throws a 400 invalid_payload AppError for %s, naming the paths', (_case, input, paths) => {
    let thrown: unknown;
    try {
      parseBody(loginBodySchema, input);
    } catch (error) {
      thrown = error;
    }

    expect(thrown).toBeInstanceOf(AppError);
    const error = thrown as AppError;
    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_payload');
    expect(error.issues?.map((issue) => issue.path)).toEqual(paths);
  });

  it('does not echo the submitted values in its issues', () => {
    const password = 'p'.repeat(2000);
    try {
      parseBody(loginBodySchema, { email: 'secret-looking@', password });
      expect.unreachable('parseBody accepted a bad body');
    } catch (error) {
      const text = JSON.stringify((error as AppError).issues);
      expect(text).not.toContain('secret-looking');
      expect(text).not.toContain('pppp');
    }
  });
});
