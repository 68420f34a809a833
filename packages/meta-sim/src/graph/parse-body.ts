import { toReadableError } from '@ringside/contracts';
import type { z } from 'zod';
import { refuse, succeed, type Outcome } from '../engine/outcome';

/**
 * Validates a Graph body as Meta does: any problem is code 100 with the problems in
 * `error_data.details` (`session.sdp: Invalid input: expected string, received undefined`).
 *
 * @example
 * const body = parseBody(waCallActionBodySchema, req.body);
 * if (!body.ok) return body;
 */
export function parseBody<S extends z.ZodType>(schema: S, input: unknown): Outcome<z.output<S>> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return succeed(result.data);
  return refuse(100, toReadableError(result.error).summary);
}
