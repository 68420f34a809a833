/** How failed deliveries are retried. */
export interface RetryPolicy {
  /** the wait before the first retry; doubles with each further one */
  baseMs: number;
  /** the longest wait between two attempts */
  maxMs: number;
  /** attempts in all, the first included; then the delivery is marked failed */
  maxAttempts: number;
}

/** ~3 days of retries: 10 s, 20 s, 40 s… capped at 1 h, 80 attempts. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseMs: 10_000,
  maxMs: 3_600_000,
  maxAttempts: 80,
};

/**
 * When to try again after attempt number `attempts` failed, or null when that was the last.
 * Exponential backoff with "equal jitter": half the step is fixed, half random, so retries
 * never bunch up at zero and receivers coming back are not hit by every sender at once.
 *
 * @example
 * nextAttemptAt(1, DEFAULT_RETRY_POLICY, now, Math.random); // now + 5…10 s
 * nextAttemptAt(80, DEFAULT_RETRY_POLICY, now, Math.random); // null: give up
 */
export function nextAttemptAt(
  attempts: number,
  policy: RetryPolicy,
  now: Date,
  random: () => number,
): Date | null {
  if (attempts >= policy.maxAttempts) return null;
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempts - 1));
  const delay = step / 2 + random() * (step / 2);
  return new Date(now.getTime() + Math.round(delay));
}
