/**
 * How long a business-initiated call may go without the customer picking up before the server
 * ends it as `no-answer` (its no-pickup timer feeds `ring.timeout`). Meta ends an unanswered
 * call itself after its own ring time (about 45 s, unconfirmed); this is the backstop for a
 * terminate that never comes, so it is a little longer.
 *
 * @example
 * timers.set(`ring:${callId}`, NO_PICKUP_TIMEOUT_MS - (now - dialedAt), fireRingTimeout);
 */
export const NO_PICKUP_TIMEOUT_MS = 60_000;
