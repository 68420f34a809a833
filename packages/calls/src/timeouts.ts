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

/**
 * The longest voicemail a queued caller may leave, from when they were asked for it; then the
 * server hangs up (its ring timer feeds `ring.timeout`, which terminates a voicemail).
 *
 * @example
 * timers.set(`ring:${callId}`, call.voicemailAt + VOICEMAIL_MAX_MS - now, fireRingTimeout);
 */
export const VOICEMAIL_MAX_MS = 120_000;
