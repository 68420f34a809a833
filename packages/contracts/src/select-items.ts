import { z } from 'zod';

/** An array item we deliberately leave unparsed (message receipts, other message types). */
export type PassedThroughItem = { readonly [key: string]: unknown };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * An array-item schema that validates `schema` only where `applies(item)` holds and keeps
 * every other object as it is. Meta reuses array names across products (`statuses[]` holds
 * message receipts and call statuses alike), so one foreign item must not sink the envelope,
 * while a malformed item we do use must still fail with its own path.
 *
 * @example
 * const item = parseWhere((i) => i.type === 'call', z.looseObject({ type: z.literal('call') }));
 * z.array(item).parse([{ status: 'read' }, { type: 'call' }]); // both kept
 */
export function parseWhere<S extends z.ZodType>(
  applies: (item: Readonly<Record<string, unknown>>) => boolean,
  schema: S,
) {
  return z.unknown().transform((item, ctx): z.output<S> | PassedThroughItem => {
    if (!isRecord(item)) {
      ctx.addIssue({
        code: 'invalid_type',
        expected: 'object',
        input: item,
        message: `Invalid input: expected object, received ${item === null ? 'null' : typeof item}`,
      });
      return z.NEVER;
    }
    if (!applies(item)) return item;
    const result = schema.safeParse(item);
    if (result.success) return result.data;
    reraiseIssues(ctx, result.error, item);
    return z.NEVER;
  });
}

/**
 * Re-raises a nested parse's issues from inside a transform, keeping their paths and messages;
 * zod prefixes them with the transformed value's own path.
 *
 * @example
 * const result = schema.safeParse(item);
 * if (!result.success) { reraiseIssues(ctx, result.error, item); return z.NEVER; }
 */
export function reraiseIssues(ctx: z.RefinementCtx, error: z.ZodError, input: unknown): void {
  for (const issue of error.issues) {
    ctx.addIssue({
      code: 'custom',
      message: issue.message,
      path: issue.path,
      input,
      params: { code: issue.code },
    });
  }
}

/** True for a plain object; used by the item selectors. */
export { isRecord };
