import type { MediaDescription } from 'sdp-transform';
import { describeMid, findAudioSections, listSections } from './audio-section';
import type { AudioSection, SdpSection } from './audio-section';
import { findOpus, findTelephoneEvent } from './codecs';
import { checkFingerprint, readSetup } from './dtls';
import type { SetupRole } from './dtls';
import { countCandidates, isIceLite, readIceCredentials } from './ice';
import { prepareSdp } from './parse-sdp';
import type { ParsedSdp } from './parse-sdp';
import { refuse } from './sdp-error';
import type { Step } from './sdp-error';
import type { SdpDirection } from './track';

/**
 * What every validator reports about an accepted SDP.
 */
export interface AudioSdpSummary {
  /** the SDP with CRLF line endings: send or apply this text */
  sdp: string;
  opusPayloadType: number;
  /** payload type of telephone-event/8000 (RFC 4733 DTMF), when the m-line lists it */
  dtmfPayloadType?: number;
  /** the direction of the audio section that matters (see `mid`) */
  direction: SdpDirection;
  /**
   * the `a=mid` of the audio section that matters: for Meta's SDP the first one Meta sends on
   * (mid 1 in Messenger's renegotiation), for ours the one that sends the microphone
   */
  mid: string | null;
  /** every m-section in order, audio or not, live or declined */
  sections: SdpSection[];
  iceLite: boolean;
  /** well-formed `a=candidate` lines on the audio transport */
  candidateCount: number;
}

/**
 * Which live audio section a validator reads first: `remote-sending` the first one the other
 * side sends on (Meta's offers; refused when there is none), `local-sending` the first one we
 * send on, else the first (a local SDP without a sending section is refused by the track check),
 * `first-sending` the first sending one, else the first (Meta's answers: direction reported,
 * not judged).
 */
export type SectionChoice = 'remote-sending' | 'local-sending' | 'first-sending';

/** the audio side of an SDP, read and checked; transport is checked separately */
export interface AudioSession {
  text: string;
  sdp: ParsedSdp;
  audio: MediaDescription;
  transport: MediaDescription;
  opusPayloadType: number;
  dtmfPayloadType: number | undefined;
  direction: SdpDirection;
  mid: string | null;
  sections: SdpSection[];
}

/** the transport side, read and checked: ICE, DTLS and candidates */
export interface AudioTransport {
  iceLite: boolean;
  setup: SetupRole;
  candidateCount: number;
}

/**
 * Parses the SDP, checks that every live audio m-line carries opus and picks the section that
 * matters (see {@link SectionChoice}).
 */
export function readAudioSession(
  input: unknown,
  choice: SectionChoice = 'first-sending',
): Step<AudioSession> {
  const prepared = prepareSdp(input);
  if (!prepared.ok) return prepared;
  const { text, sdp } = prepared.value;
  const found = findAudioSections(sdp);
  if (!found.ok) return found;
  for (const section of found.value) {
    const opus = findOpus(section.audio);
    if (!opus.ok) {
      return found.value.length === 1
        ? opus
        : refuse(
            'no-opus',
            `audio m-line ${describeMid(section.audio)} does not offer opus/48000/2`,
          );
    }
  }
  const chosen = chooseSection(found.value, choice);
  if (!chosen.ok) return chosen;
  const { audio, transport, direction } = chosen.value;
  const opus = findOpus(audio);
  if (!opus.ok) return opus;
  const session: AudioSession = {
    text,
    sdp,
    audio,
    transport,
    opusPayloadType: opus.value,
    dtmfPayloadType: findTelephoneEvent(audio),
    direction,
    mid: audio.mid === undefined ? null : String(audio.mid),
    sections: listSections(sdp),
  };
  return { ok: true, value: session };
}

function chooseSection(sections: AudioSection[], choice: SectionChoice): Step<AudioSection> {
  const sending = sections.find(
    (section) => section.direction === 'sendrecv' || section.direction === 'sendonly',
  );
  if (sending !== undefined) return { ok: true, value: sending };
  const [first] = sections;
  if (choice === 'remote-sending' || first === undefined) {
    return refuse(
      'nothing-sent',
      `no audio m-line sends towards us (${sections
        .map((section) => `${describeMid(section.audio)} ${section.direction}`)
        .join(', ')}): the customer could not be heard`,
    );
  }
  return { ok: true, value: first };
}

/**
 * Checks ICE credentials, the DTLS fingerprint and role, and that candidates are included:
 * no trickle ICE exists towards Meta, so an SDP without candidates can never connect.
 */
export function readAudioTransport(session: AudioSession): Step<AudioTransport> {
  const { sdp, transport } = session;
  const ice = readIceCredentials(sdp, transport);
  if (!ice.ok) return ice;
  const fingerprint = checkFingerprint(sdp, transport);
  if (!fingerprint.ok) return fingerprint;
  const setup = readSetup(sdp, transport);
  if (!setup.ok) return setup;
  const candidateCount = countCandidates(transport);
  if (candidateCount === 0) {
    return refuse(
      'no-candidates',
      'the SDP has no usable a=candidate line; send it after ICE gathering completes',
    );
  }
  return { ok: true, value: { iceLite: isIceLite(sdp), setup: setup.value, candidateCount } };
}

/** the fields every summary shares */
export function summarize(session: AudioSession, transport: AudioTransport): AudioSdpSummary {
  const summary: AudioSdpSummary = {
    sdp: session.text,
    opusPayloadType: session.opusPayloadType,
    direction: session.direction,
    mid: session.mid,
    sections: session.sections,
    iceLite: transport.iceLite,
    candidateCount: transport.candidateCount,
  };
  if (session.dtmfPayloadType !== undefined) summary.dtmfPayloadType = session.dtmfPayloadType;
  return summary;
}
