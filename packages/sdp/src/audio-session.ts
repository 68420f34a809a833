import type { MediaDescription } from 'sdp-transform';
import { findAudioSection } from './audio-section';
import { findOpus, findTelephoneEvent } from './codecs';
import { checkFingerprint, readSetup } from './dtls';
import type { SetupRole } from './dtls';
import { countCandidates, isIceLite, readIceCredentials } from './ice';
import { prepareSdp } from './parse-sdp';
import type { ParsedSdp } from './parse-sdp';
import { refuse } from './sdp-error';
import type { Step } from './sdp-error';
import { readDirection } from './track';
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
  direction: SdpDirection;
  iceLite: boolean;
  /** well-formed `a=candidate` lines on the audio transport */
  candidateCount: number;
}

/** the audio side of an SDP, read and checked; transport is checked separately */
export interface AudioSession {
  text: string;
  sdp: ParsedSdp;
  audio: MediaDescription;
  transport: MediaDescription;
  opusPayloadType: number;
  dtmfPayloadType: number | undefined;
  direction: SdpDirection;
}

/** the transport side, read and checked: ICE, DTLS and candidates */
export interface AudioTransport {
  iceLite: boolean;
  setup: SetupRole;
  candidateCount: number;
}

/** parses and checks the one audio m-line and its opus codec */
export function readAudioSession(input: unknown): Step<AudioSession> {
  const prepared = prepareSdp(input);
  if (!prepared.ok) return prepared;
  const { text, sdp } = prepared.value;
  const section = findAudioSection(sdp);
  if (!section.ok) return section;
  const { audio, transport } = section.value;
  const opus = findOpus(audio);
  if (!opus.ok) return opus;
  const session: AudioSession = {
    text,
    sdp,
    audio,
    transport,
    opusPayloadType: opus.value,
    dtmfPayloadType: findTelephoneEvent(audio),
    direction: readDirection(sdp, audio),
  };
  return { ok: true, value: session };
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
    iceLite: transport.iceLite,
    candidateCount: transport.candidateCount,
  };
  if (session.dtmfPayloadType !== undefined) summary.dtmfPayloadType = session.dtmfPayloadType;
  return summary;
}
