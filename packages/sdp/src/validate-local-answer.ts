import type { SdpCheck } from './sdp-error';
import { validateLocalSdp } from './validate-local-sdp';
import type { LocalSdpKind, LocalSdpOptions, LocalSdpSummary } from './validate-local-sdp';

/** What an accepted local answer holds. */
export type LocalAnswerSummary = LocalSdpSummary<'active'>;

const ANSWER: LocalSdpKind<'active'> = {
  kind: 'answer',
  setup: ['active'],
  explainSetup: (role) =>
    role === 'actpass'
      ? 'our answer says a=setup:actpass, which only an offer may say; it must say a=setup:active'
      : `our answer says a=setup:${role}; it must say a=setup:active (we are the DTLS client)`,
};

/**
 * Checks our WhatsApp answer before it leaves the browser. Above all it refuses the classic
 * failure, an answer created before the microphone track was added: such an answer is
 * `recvonly` (or has no `a=ssrc`/`a=msid`), ICE and DTLS still connect, no audio reaches Meta
 * and the call drops after 20 s. That refusal has code `missing-track` and the message
 * "microphone track missing from the answer". Also required: `a=setup:active`, a fingerprint,
 * ICE credentials, candidates (no trickle towards Meta) and opus.
 *
 * @example
 * ```ts
 * const answer = validateLocalAnswer(pc.localDescription.sdp, {
 *   expectTrack: { msid: stream.id, trackId: micTrack.id },
 * });
 * if (!answer.ok) throw new Error(answer.error.message);
 * socket.emit('call:answer', { callId, sdp: answer.summary.sdp });
 * ```
 */
export function validateLocalAnswer(
  text: unknown,
  options: LocalSdpOptions = {},
): SdpCheck<LocalAnswerSummary> {
  return validateLocalSdp(text, options, ANSWER);
}
