import { z } from 'zod';

/**
 * One validation problem as REST error bodies list it (see `toReadableError`).
 *
 * @example
 * readableIssueSchema.parse({ path: 'email', message: 'Invalid email address' });
 */
export const readableIssueSchema = z.object({ path: z.string(), message: z.string() });

/**
 * Wraps a query-string field so an empty value (`?channel=`) counts as absent.
 *
 * @example
 * z.object({ q: optionalQuery(z.string()) }).parse({ q: '' }); // {}
 */
export function optionalQuery<S extends z.ZodType>(schema: S) {
  return z.preprocess((value) => (value === '' ? undefined : value), schema.optional());
}

/**
 * A date or date-time in a query string (`2025-07-01`, `2025-07-01T09:00:00Z`), read as a `Date`.
 *
 * @example
 * queryDateSchema.parse('2025-07-01').toISOString(); // '2025-07-01T00:00:00.000Z'
 */
export const queryDateSchema = z
  .union([z.iso.date(), z.iso.datetime({ offset: true })])
  .transform((value) => new Date(value));

/**
 * A non-empty id path or body field.
 *
 * @example
 * idSchema.parse('ch_1');
 */
export const idSchema = z.string().trim().min(1).max(128);
