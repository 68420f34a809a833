/** what a NUL character becomes: PostgreSQL text and jsonb cannot hold U+0000 */
export const NUL_REPLACEMENT = '\uFFFD';

/**
 * A copy of parsed JSON with every NUL character (in strings and keys) replaced by U+FFFD, so
 * it can be stored; the same value when it holds none. `raw` is the body it was parsed from: a
 * NUL can only have reached a string through a `\u0000` escape, so a body without one is
 * returned untouched at the cost of one search.
 *
 * @example
 * withoutNul({ name: 'Ra\u0000hul' }, '{"name":"Ra\\u0000hul"}'); // { name: 'Ra\uFFFDhul' }
 */
export function withoutNul<T>(value: T, raw: string): T {
  if (!raw.includes('\\u0000')) return value;
  return replaceNul(value) as T;
}

function replaceNul(value: unknown): unknown {
  if (typeof value === 'string') return value.replaceAll('\u0000', NUL_REPLACEMENT);
  if (Array.isArray(value)) return value.map(replaceNul);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key.replaceAll('\u0000', NUL_REPLACEMENT),
        replaceNul(inner),
      ]),
    );
  }
  return value;
}
