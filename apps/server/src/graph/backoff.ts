/** how retries wait: exponential with full jitter, capped */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * The wait before retry number `attempt` (1 for the first retry): a random delay between 0 and
 * `min(maxMs, baseMs * 2^(attempt-1))`, so many servers retrying at once spread out.
 *
 * @example
 * backoffDelay(3, { baseMs: 200, maxMs: 5000 }, Math.random); // somewhere in [0, 800)
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}
