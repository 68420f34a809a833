/**
 * Polls `check` until it returns true or `timeoutMs` passes; resolves with the last answer, so
 * the test asserts on the state itself rather than on how long it took.
 *
 * @example
 * await pollUntil(() => caller.stats().packetsReceived > 50);
 * expect(caller.stats().packetsReceived).toBeGreaterThan(50);
 */
export async function pollUntil(
  check: () => boolean | Promise<boolean>,
  options: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<boolean> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}
