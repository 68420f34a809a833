/**
 * A list with `item` in place of the one with its id, or added at the end when new.
 *
 * @example
 * upsert([{ id: 'a', n: 1 }], { id: 'a', n: 2 }); // [{ id: 'a', n: 2 }]
 */
export function upsert<T extends { id: string }>(items: readonly T[], item: T): T[] {
  return items.some((i) => i.id === item.id)
    ? items.map((i) => (i.id === item.id ? item : i))
    : [...items, item];
}
