import type { z } from 'zod';

/** One validation problem: where (`entry[0].changes[0].value.calls[0].id`) and what. */
export type ReadableIssue = { path: string; message: string };

/** Every problem in a failed parse, plus a one-line summary fit for a log line. */
export type ReadableError = { issues: ReadableIssue[]; summary: string };

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Writes a zod issue path the way a JavaScript reader would: `entry[0].changes[0].value`.
 * The root is written `(root)`.
 *
 * @example
 * formatIssuePath(['entry', 0, 'changes', 0, 'value', 'calls', 0, 'id']);
 * // 'entry[0].changes[0].value.calls[0].id'
 */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && IDENTIFIER.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out || '(root)';
}

// a body with many bad items should still give a short log line
const SUMMARY_LIMIT = 3;

/**
 * Turns a zod error into paths and messages a person can act on.
 *
 * @example
 * const result = schema.safeParse(input);
 * if (!result.success) logger.warn(toReadableError(result.error).summary);
 */
export function toReadableError(error: z.ZodError): ReadableError {
  const issues = error.issues.map((issue) => ({
    path: formatIssuePath(issue.path),
    message: issue.message,
  }));
  const shown = issues.slice(0, SUMMARY_LIMIT).map((i) => `${i.path}: ${i.message}`);
  const more = issues.length - shown.length;
  const count = `${issues.length} problem${issues.length === 1 ? '' : 's'}`;
  const summary = `${count}: ${shown.join('; ')}${more > 0 ? `; and ${more} more` : ''}`;
  return { issues, summary };
}
