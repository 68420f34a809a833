/** what a character PostgreSQL cannot store becomes */
export const UNSTORABLE_REPLACEMENT = '\uFFFD';

// U+0000, and UTF-16 halves without their other half: PostgreSQL text and jsonb refuse both
// eslint-disable-next-line no-control-regex -- NUL is exactly what has to be found
const UNSTORABLE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A copy of parsed JSON that PostgreSQL can store: NUL characters and lone surrogate halves (in
 * strings and keys) become U+FFFD; the same value when it holds none. `raw` is the body it was
 * parsed from: such characters can only have reached a string through a `\u` escape (a body is
 * decoded as UTF-8, and JSON refuses raw control characters), so a body without one is returned
 * untouched at the cost of one search.
 *
 * @example
 * storableJson({ name: 'Ra\u0000hul' }, '{"name":"Ra\\u0000hul"}'); // { name: 'Ra\uFFFDhul' }
 */
export function storableJson<T>(value: T, raw: string): T {
  if (!raw.includes('\\u')) return value;
  return replaceUnstorable(value) as T;
}

function replaceUnstorable(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(UNSTORABLE, UNSTORABLE_REPLACEMENT);
  if (Array.isArray(value)) return value.map(replaceUnstorable);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key.replace(UNSTORABLE, UNSTORABLE_REPLACEMENT),
        replaceUnstorable(inner),
      ]),
    );
  }
  return value;
}
