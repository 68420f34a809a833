import type { CallStateName } from '@ringside/calls';

/**
 * Every state a stored call model can be in (the `@ringside/calls` union's `state`), as the
 * `calls.state` column holds it.
 *
 * @example
 * CALL_MODEL_STATES.includes('ringing'); // true
 */
export const CALL_MODEL_STATES = [
  'ringing',
  'claimed',
  'dialing',
  'outbound-ringing',
  'active',
  'ended',
  'tombstone',
] as const satisfies readonly CallStateName[];

/** States of a call that is still going on (ringing, being set up or in conversation). */
export const LIVE_CALL_STATES = [
  'ringing',
  'claimed',
  'dialing',
  'outbound-ringing',
  'active',
] as const satisfies readonly CallStateName[];

/**
 * What a channel does with an inbound call when no agent is available: keep it ringing until
 * the ring timeout (someone may come back), reject it at once, or queue it on the media engine
 * (anchored lines; voicemail after the queue limit).
 *
 * @example
 * const policy: WhenNobodyAvailable = 'keep-ringing';
 */
export const WHEN_NOBODY_AVAILABLE = ['keep-ringing', 'reject', 'queue'] as const;
export type WhenNobodyAvailable = (typeof WHEN_NOBODY_AVAILABLE)[number];

/**
 * Where a channel's WhatsApp call audio ends: `direct`, the customer's media straight to the
 * agent's browser (the default), or `anchored`, on a media engine the server runs, which the
 * agent joins (docs/anchor.md).
 *
 * @example
 * const mode: MediaMode = channel.mediaMode; // 'direct'
 */
export const MEDIA_MODES = ['direct', 'anchored'] as const;
export type MediaMode = (typeof MEDIA_MODES)[number];

/** Default seconds an inbound call rings before it counts as missed. */
export const DEFAULT_RING_TIMEOUT_SEC = 45;
/** Default seconds one agent rings under longest-idle before the next is tried. */
export const DEFAULT_AGENT_TIMEOUT_SEC = 15;
/** a channel's timed after-call work when an admin turns it on without choosing a length */
export const DEFAULT_WRAP_UP_SEC = 30;
/** how long a queued caller waits for an agent before voicemail, unless the channel says */
export const DEFAULT_QUEUE_LIMIT_SEC = 120;
