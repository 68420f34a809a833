/** a form's problems by field name; `form` is for problems of the whole form */
export type Problems = Partial<Record<string, string>>;

/** a checked form: the request body to send, or what to fix */
export type FormCheck<B> = { ok: true; body: B } | { ok: false; problems: Problems };

/** the part of a zod parse result the forms use (the console does not depend on zod itself) */
export type ParseResult<T> =
  | { success: true; data: T }
  | {
      success: false;
      error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] };
    };

/**
 * Turns a schema's verdict into a form check: the parsed body, or each field's first problem,
 * worded by `words` when it has words for that field and by the schema otherwise.
 *
 * @example
 * checkWith(userCreateBodySchema.safeParse(body), { email: 'Enter an email address.' });
 * // { ok: false, problems: { email: 'Enter an email address.' } }
 */
export function checkWith<T>(parsed: ParseResult<T>, words: Problems): FormCheck<T> {
  if (parsed.success) return { ok: true, body: parsed.data };
  const problems: Problems = {};
  for (const issue of parsed.error.issues) {
    const head = issue.path[0];
    const field = typeof head === 'string' ? head : 'form';
    problems[field] ??= words[field] ?? issue.message;
  }
  return { ok: false, problems };
}

/**
 * A whole number typed in a field; `undefined` when left empty, `NaN` when not a number (so the
 * schema refuses it with the field's own words).
 *
 * @example
 * wholeNumber(' 30 '); // 30
 * wholeNumber(''); // undefined
 */
export function wholeNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^-?\d+$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

/**
 * Leaves out the keys whose value is `undefined`, so a body carries only what was set.
 *
 * @example
 * defined({ a: 1, b: undefined }); // { a: 1 }
 */
export function defined<T extends Record<string, unknown>>(value: T): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) if (v !== undefined) out[key] = v;
  return out as Partial<T>;
}
