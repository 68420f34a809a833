const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Whether a string is a uuid. Ids come from URLs and CLI flags; PostgreSQL rejects a malformed
 * uuid with an error, while a repository should simply find nothing.
 *
 * @example
 * isUuid('not-an-id'); // false
 */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
