import { readAudioSession, readAudioTransport, summarize } from './audio-session';
import type { AudioSdpSummary } from './audio-session';
import { requireSetup } from './dtls';
import type { SetupRole } from './dtls';
import { refuse } from './sdp-error';
import type { SdpCheck } from './sdp-error';
import { readSendingTrack } from './track';
import type { ExpectedTrack, SdpTrack } from './track';

/** Options for checking one of our own descriptions. */
export interface LocalSdpOptions {
  /** the microphone track that must be the one sent */
  expectTrack?: ExpectedTrack;
}

/** What an accepted local description holds: the audio, the track it sends and its DTLS role. */
export interface LocalSdpSummary<Setup extends SetupRole> extends AudioSdpSummary {
  setup: Setup;
  direction: 'sendrecv' | 'sendonly';
  track: SdpTrack;
  ssrc: number;
}

/** What sets our answer apart from our offer. */
export interface LocalSdpKind<Setup extends SetupRole> {
  /** words the missing-track refusal: "microphone track missing from the answer" */
  kind: 'answer' | 'offer';
  /** the DTLS roles this kind may say */
  setup: readonly Setup[];
  /** words the refusal of any other role */
  explainSetup: (role: SetupRole) => string;
}

/**
 * Checks a description the browser made before it leaves: the audio with opus (when there are
 * several audio sections, the one that sends is checked: our answer to Messenger's
 * renegotiation sends on mid 0 and receives on mid 1), video declined in an answer, the microphone
 * track sent (reported first, being the failure that matters most: ICE and DTLS would connect
 * and no audio would reach Meta), ICE credentials, a fingerprint, candidates, and a DTLS role
 * `rules` allows. `validateLocalAnswer` and `validateLocalOffer` are this with their rules.
 *
 * @example
 * ```ts
 * const offer = validateLocalSdp(sdp, {}, {
 *   kind: 'offer',
 *   setup: ['actpass'],
 *   explainSetup: (role) => `our offer says a=setup:${role}; an offer must say a=setup:actpass`,
 * });
 * ```
 */
export function validateLocalSdp<Setup extends SetupRole>(
  text: unknown,
  options: LocalSdpOptions,
  rules: LocalSdpKind<Setup>,
): SdpCheck<LocalSdpSummary<Setup>> {
  const session = readAudioSession(text, 'local-sending');
  if (!session.ok) return session;
  if (rules.kind === 'answer') {
    const video = session.value.sections.find(
      (section) => section.kind === 'video' && !section.declined,
    );
    if (video !== undefined) {
      return refuse(
        'video-accepted',
        `our answer accepts video on mid ${video.mid ?? '(none)'}; the console has no video and must decline it (port 0)`,
      );
    }
  }
  const sending = readSendingTrack(
    session.value.audio,
    session.value.direction,
    rules.kind,
    options.expectTrack,
  );
  if (!sending.ok) return sending;
  const transport = readAudioTransport(session.value);
  if (!transport.ok) return transport;
  const setup = requireSetup(transport.value.setup, rules.setup, rules.explainSetup);
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
