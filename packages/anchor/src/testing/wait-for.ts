import { setTimeout as delay } from 'node:timers/promises';

/**
 * Resolves once `condition` holds, checking every 20 ms; rejects naming `what` after
 * `timeoutMs` (a bound against a hang, not a timed assertion).
 *
 * @example
 * await waitFor('the agent hears the customer', () => agent.level() > 0.05);
 */
export async function waitFor(what: string, condition: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await delay(20);
  }
}
