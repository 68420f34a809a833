import {
  summarize,
  readAudioSession,
  readAudioTransport,
  type AudioSdpSummary,
} from './audio-session';
import { requireSetup } from './dtls';
import { refuse, type SdpCheck } from './sdp-error';

/**
 * Checks a listener's answer before it joins a call's room on the media engine (a supervisor
 * listening in): audio with opus, ICE credentials, a fingerprint, candidates (the engine takes
 * no trickle) and `a=setup:active`, like any answer of ours; and, unlike a caller's answer, it
 * must not send: `recvonly` or `inactive`, so nothing of the listener can reach the call. A
 * sending answer is refused with code `listener-sends`.
 *
 * @example
 * const answer = validateListenerAnswer(pc.localDescription.sdp);
 * if (answer.ok) await leg.accept(answer.summary.sdp);
 */
export function validateListenerAnswer(text: unknown): SdpCheck<AudioSdpSummary> {
  const session = readAudioSession(text, 'first-sending');
  if (!session.ok) return session;
  const { direction } = session.value;
  if (direction !== 'recvonly' && direction !== 'inactive') {
    return refuse(
      'listener-sends',
      `a listener's answer must receive only (recvonly), not ${direction}: nothing of theirs may reach the call`,
    );
  }
  const transport = readAudioTransport(session.value);
  if (!transport.ok) return transport;
  const setup = requireSetup(
    transport.value.setup,
    ['active'],
    (role) =>
      `a listener's answer says a=setup:${role}; it must say a=setup:active (the DTLS client)`,
  );
  if (!setup.ok) return setup;
  return { ok: true, summary: summarize(session.value, transport.value) };
}
