/** how long a cached read is trusted; changes made on this node clear it at once */
export const CACHE_TTL_MS = 2_000;

/**
 * A small read cache for rows that change rarely and are read on every webhook event (channels
 * by Meta id, a workspace's subscribed events). Changes made through the repositories clear it;
 * changes made elsewhere (an admin on another server node, the CLI against PostgreSQL) apply
 * within the TTL.
 *
 * @example
 * const cache = createTtlCache<ChannelRecord>();
 * const channel = cache.get(key) ?? cache.set(key, await readFromDb());
 */
export function createTtlCache<V>(options: { ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = options.ttlMs ?? CACHE_TTL_MS;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { value: V; until: number }>();
  return {
    get(key: string): V | undefined {
      const entry = entries.get(key);
      if (!entry) return undefined;
      if (entry.until > now()) return entry.value;
      entries.delete(key);
      return undefined;
    },
    set(key: string, value: V): V {
      entries.set(key, { value, until: now() + ttlMs });
      return value;
    },
    /** something changed: forget it all (changes are rare, reads are not) */
    clear(): void {
      entries.clear();
    },
  };
}

export type TtlCache<V> = ReturnType<typeof createTtlCache<V>>;
