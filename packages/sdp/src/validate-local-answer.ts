import { readAudioSession, readAudioTransport, summarize } from './audio-session';
import type { AudioSdpSummary } from './audio-session';
import { requireSetup } from './dtls';
import type { SdpCheck } from './sdp-error';
import { readSendingTrack } from './track';
import type { ExpectedTrack, SdpTrack } from './track';

/** Options for checking one of our own descriptions. */
export interface LocalSdpOptions {
  /** the microphone track that must be the one sent */
  expectTrack?: ExpectedTrack;
}

/** What an accepted local answer holds. */
export interface LocalAnswerSummary extends AudioSdpSummary {
  setup: 'active';
  direction: 'sendrecv' | 'sendonly';
  track: SdpTrack;
  ssrc: number;
}

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
  const session = readAudioSession(text);
  if (!session.ok) return session;
  // the missing microphone is the failure that matters most, so it is reported first
  const sending = readSendingTrack(
    session.value.audio,
    session.value.direction,
    'answer',
    options.expectTrack,
  );
  if (!sending.ok) return sending;
  const transport = readAudioTransport(session.value);
  if (!transport.ok) return transport;
  const setup = requireSetup(transport.value.setup, ['active'], (role) =>
    role === 'actpass'
      ? 'our answer says a=setup:actpass, which only an offer may say; it must say a=setup:active'
      : `our answer says a=setup:${role}; it must say a=setup:active (we are the DTLS client)`,
  );
  if (!setup.ok) return setup;
  return {
    ok: true,
    summary: {
      ...summarize(session.value, transport.value),
      ...sending.value,
      setup: setup.value,
    },
  };
}
