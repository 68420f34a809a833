import { readAudioSession, readAudioTransport, summarize } from './audio-session';
import type { AudioSdpSummary } from './audio-session';
import { requireSetup } from './dtls';
import type { SdpCheck } from './sdp-error';

/** What an accepted Meta answer holds. */
export interface RemoteAnswerSummary extends AudioSdpSummary {
  setup: 'active' | 'passive' | 'actpass';
  /**
   * true when the answer says `a=setup:actpass`, which a browser refuses in an answer: apply
   * `fixActpassInRemoteAnswer(sdp)` instead of the text as it came
   */
  needsActpassFix: boolean;
}

/**
 * Checks Meta's answer to our offer (business-initiated WhatsApp `connect`, Messenger
 * `sdp_response`): DTLS-SRTP audio m-lines with opus, ICE credentials, a fingerprint, a DTLS
 * role and candidates (Meta is ICE-lite, so we can only reach the candidates it lists).
 * `a=setup:actpass` is accepted, since Meta has been seen sending it, and flagged in the
 * summary. The direction is reported, not judged: Meta's side decides what it sends.
 *
 * @example
 * ```ts
 * const answer = validateRemoteAnswer(reply.session.sdp_response.sdp);
 * if (!answer.ok) return fail(answer.error);
 * const sdp = answer.summary.needsActpassFix
 *   ? fixActpassInRemoteAnswer(answer.summary.sdp)
 *   : answer.summary.sdp;
 * await pc.setRemoteDescription({ type: 'answer', sdp });
 * ```
 */
export function validateRemoteAnswer(text: unknown): SdpCheck<RemoteAnswerSummary> {
  const session = readAudioSession(text, 'first-sending');
  if (!session.ok) return session;
  const transport = readAudioTransport(session.value);
  if (!transport.ok) return transport;
  const setup = requireSetup(
    transport.value.setup,
    ['active', 'passive', 'actpass'],
    (role) => `Meta's answer says a=setup:${role}, which gives no DTLS role`,
  );
  if (!setup.ok) return setup;
  return {
    ok: true,
    summary: {
      ...summarize(session.value, transport.value),
      setup: setup.value,
      needsActpassFix: setup.value === 'actpass',
    },
  };
}
