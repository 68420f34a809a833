/**
 * Builds an idempotency key from the stable fields of one Meta event: the same event
 * delivered twice (retries, two subscribed apps, duplicates inside a batch) yields the same
 * key, and different field lists never collide, whatever characters the fields contain.
 *
 * @example
 * idempotencyKey(['whatsapp', '115017831530658', 'wacid.ABC', 'terminate', 1753115420, 'completed']);
 * // 'whatsapp:115017831530658:wacid.ABC:terminate:1753115420:completed'
 */
export function idempotencyKey(parts: readonly (string | number)[]): string {
  // escape the separator (and the escape) so the join stays reversible
  return parts.map((part) => String(part).replace(/%/g, '%25').replace(/:/g, '%3A')).join(':');
}
