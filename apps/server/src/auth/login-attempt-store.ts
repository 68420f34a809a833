/** One counter a sign-in attempt is checked against: its key and how many attempts it holds. */
export interface AttemptLimit {
  readonly key: string;
  readonly limit: number;
}

/**
 * Where sign-in attempts are counted: in memory for one server, in Redis for a cluster, so every
 * node sees the same counts. Times are epoch milliseconds from the caller's clock.
 */
export interface LoginAttemptStore {
  /**
   * Counts attempt `id` at `now` under every key, unless one of them already holds its limit
   * within the last `windowMs`: then nothing is counted and the answer is the milliseconds until
   * that key has room again. 0 means counted. All keys are checked and counted at once.
   */
  add(limits: readonly AttemptLimit[], id: string, now: number, windowMs: number): Promise<number>;
  /** takes attempt `id` off these keys (it turned out not to be a failure) */
  remove(keys: readonly string[], id: string): Promise<void>;
  /** forgets every attempt under `key` */
  clear(key: string): Promise<void>;
}

/**
 * Milliseconds until a key holding attempts at `times` has room for one more under `limit`.
 *
 * @example
 * waitMsFor([0, 60_000], 2, 120_000, 900_000); // 780_000: the oldest leaves the window first
 */
export function waitMsFor(
  times: readonly number[],
  limit: number,
  now: number,
  windowMs: number,
): number {
  const recent = times.filter((at) => at > now - windowMs).sort((a, b) => a - b);
  if (recent.length < limit) return 0;
  const leaving = recent[recent.length - limit] ?? now;
  return Math.max(1, leaving + windowMs - now);
}

/**
 * A store for a single server. At most `maxKeys` keys are kept (the least recently used go
 * first), so a flood of made-up emails cannot fill memory.
 *
 * @example
 * const store = createMemoryAttemptStore();
 * await store.add([{ key: 'ip:203.0.113.7', limit: 20 }], 'a1', Date.now(), 900_000); // 0
 */
export function createMemoryAttemptStore(maxKeys = 10_000): LoginAttemptStore {
  const attempts = new Map<string, Map<string, number>>();

  const touch = (key: string): Map<string, number> => {
    const held = attempts.get(key) ?? new Map<string, number>();
    attempts.delete(key);
    attempts.set(key, held);
    for (const old of attempts.keys()) {
      if (attempts.size <= maxKeys) break;
      attempts.delete(old);
    }
    return held;
  };

  return {
    add(limits, id, now, windowMs) {
      let wait = 0;
      for (const { key, limit } of limits) {
        const held = attempts.get(key);
        if (!held) continue;
        for (const [member, at] of held) if (at <= now - windowMs) held.delete(member);
        wait = Math.max(wait, waitMsFor([...held.values()], limit, now, windowMs));
      }
      if (wait > 0) return Promise.resolve(wait);
      for (const { key } of limits) touch(key).set(id, now);
      return Promise.resolve(0);
    },
    remove(keys, id) {
      for (const key of keys) {
        const held = attempts.get(key);
        held?.delete(id);
        if (held?.size === 0) attempts.delete(key);
      }
      return Promise.resolve();
    },
    clear(key) {
      attempts.delete(key);
      return Promise.resolve();
    },
  };
}
