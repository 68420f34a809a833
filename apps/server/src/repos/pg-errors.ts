/** The integrity errors repositories turn into typed results. */
export type ConstraintViolation = 'unique' | 'foreign-key';

const CODES: Record<string, ConstraintViolation> = {
  '23505': 'unique',
  '23503': 'foreign-key',
};

/**
 * Which constraint a failed statement broke, if that is why it failed. drizzle wraps driver
 * errors (`DrizzleQueryError`), so the SQLSTATE is looked for along the `cause` chain.
 *
 * @example
 * try { await db.insert(users).values(row); } catch (error) {
 *   if (constraintViolation(error) === 'foreign-key') return { ok: false, … };
 *   throw error;
 * }
 */
export function constraintViolation(error: unknown): ConstraintViolation | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth += 1) {
    if (typeof current !== 'object') return undefined;
    const code = 'code' in current ? current.code : undefined;
    if (typeof code === 'string' && code in CODES) return CODES[code];
    current = 'cause' in current ? current.cause : undefined;
  }
  return undefined;
}
