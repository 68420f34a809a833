import { toReadableError } from '@ringside/contracts';
import type { z } from 'zod';
import { AppError } from './app-error';

/**
 * Parses a request body with a contracts schema, or throws a 400 `invalid_payload`
 * {@link AppError} listing the problems by path.
 *
 * @example
 * router.post('/auth/login', (req, res) => {
 *   const { email, password } = parseBody(loginBodySchema, req.body);
 * });
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new AppError('invalid_payload', 400, 'The request is not valid.', {
    issues: toReadableError(parsed.error).issues,
  });
}
