/** One slot of a fixed-rate run: which call, and which of its two webhooks. */
export interface ScheduledWebhook {
  readonly pair: number;
  readonly kind: 'connect' | 'terminate';
}

/**
 * The order of a fixed-rate run's webhooks: `requests / 2` calls, each terminate going out
 * `terminateLag` connects after its own connect, as calls overlap on a real line. The slots are
 * then sent at even intervals. An odd `requests` drops the last half pair; a negative or
 * fractional lag is taken as its whole part, at least 0.
 *
 * @example
 * fixedRateSchedule(4, 1);
 * // connect 0, connect 1, terminate 0, terminate 1
 */
export function fixedRateSchedule(requests: number, terminateLag: number): ScheduledWebhook[] {
  const pairs = Math.max(0, Math.floor(requests / 2));
  const lag = Math.max(0, Math.floor(terminateLag));
  const slots: ScheduledWebhook[] = [];
  for (let step = 0; step < pairs + lag; step += 1) {
    if (step < pairs) slots.push({ pair: step, kind: 'connect' });
    if (step >= lag && step - lag < pairs) slots.push({ pair: step - lag, kind: 'terminate' });
  }
  return slots;
}
