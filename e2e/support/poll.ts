/** how long {@link eventually} waits unless told otherwise */
export const DEFAULT_BOUND_MS = 15_000;

/**
 * Reads a value until `done` accepts it or the bound passes, and returns the last reading
 * either way: the test then asserts on the value itself, so a failure shows what was seen
 * (never "timed out" alone), and a pass never depends on a fixed sleep.
 *
 * @example
 * const stats = await eventually(() => call.stats(), (s) => s.packetsReceived > 50);
 * expect(stats.packetsReceived).toBeGreaterThan(50);
 */
export async function eventually<T>(
  read: () => T | Promise<T>,
  done: (value: T) => boolean,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_BOUND_MS);
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() >= deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

/**
 * Reads a value for `spanMs` and returns every reading: for "stays so" checks (the level stays
 * silent while muted), asserted afterwards on all the readings.
 *
 * @example
 * const levels = await sample(() => call.stats().audioLevel, 2000);
 * expect(Math.max(...levels)).toBeLessThan(0.01);
 */
export async function sample<T>(
  read: () => T | Promise<T>,
  spanMs: number,
  intervalMs = 200,
): Promise<T[]> {
  const readings: T[] = [];
  const end = Date.now() + spanMs;
  do {
    readings.push(await read());
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  } while (Date.now() < end);
  return readings;
}
