import type { MediaDescription } from 'sdp-transform';
import type { ParsedSdp } from './parse-sdp';
import { refuse } from './sdp-error';
import type { Step } from './sdp-error';

/** Media direction of the audio m-section, as its sender sees it. */
export type SdpDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

const DIRECTIONS: readonly SdpDirection[] = ['sendrecv', 'sendonly', 'recvonly', 'inactive'];

/**
 * A track named by `a=msid:<stream id> <track id>` (RFC 8830); `msid` is the stream id, as in
 * `MediaStream.id`, and `trackId` the track's id, as in `MediaStreamTrack.id`.
 */
export interface SdpTrack {
  msid: string;
  trackId?: string;
}

/** The local microphone track an SDP must carry; either id may be left out. */
export interface ExpectedTrack {
  msid?: string;
  trackId?: string;
}

/** the track the SDP sends and its first synchronisation source */
export interface SendingTrack {
  direction: 'sendrecv' | 'sendonly';
  track: SdpTrack;
  ssrc: number;
}

// rfc 8830 msid-id / msid-appdata are token-chars; sdp-transform's \w- misses braces (firefox)
const MSID_LINE = /^msid:(\S{1,64})(?: (\S{1,64}))?$/;
const MAX_SSRC = 0xffffffff;

/** reads the audio direction: media level, else session level, else sendrecv (RFC 8866) */
export function readDirection(sdp: ParsedSdp, audio: MediaDescription): SdpDirection {
  const direction = audio.direction ?? sdp.direction;
  return DIRECTIONS.find((known) => known === direction) ?? 'sendrecv';
}

/**
 * Requires the audio m-section to send a real track: direction sendrecv or sendonly, an
 * `a=ssrc` and an `a=msid` (matching `expected` when given). `kind` words the refusal:
 * "microphone track missing from the answer" / "… the offer".
 */
export function readSendingTrack(
  audio: MediaDescription,
  direction: SdpDirection,
  kind: 'answer' | 'offer',
  expected: ExpectedTrack | undefined,
): Step<SendingTrack> {
  const missing = refuse('missing-track', `microphone track missing from the ${kind}`);
  if (direction !== 'sendrecv' && direction !== 'sendonly') return missing;
  const ssrc = firstSsrc(audio);
  const tracks = readTracks(audio);
  const [first] = tracks;
  if (ssrc === undefined || first === undefined) return missing;
  if (expected === undefined) return { ok: true, value: { direction, track: first, ssrc } };
  const match = tracks.find((track) => matches(track, expected));
  if (match === undefined) {
    return refuse(
      'track-mismatch',
      `the ${kind} sends track ${describeTrack(first)}, not the microphone track ${describeTrack(expected)}`,
    );
  }
  return { ok: true, value: { direction, track: match, ssrc } };
}

function readTracks(audio: MediaDescription): SdpTrack[] {
  const tracks: SdpTrack[] = [];
  for (const entry of Array.isArray(audio.msid) ? audio.msid : []) {
    tracks.push(toTrack(String(entry.id), entry.appdata));
  }
  // lines sdp-transform could not read (e.g. firefox's {uuid} ids) land in `invalid`
  for (const entry of Array.isArray(audio.invalid) ? audio.invalid : []) {
    const found = MSID_LINE.exec(String(entry.value));
    if (found?.[1] !== undefined) tracks.push(toTrack(found[1], found[2]));
  }
  return tracks;
}

function toTrack(msid: string, trackId: unknown): SdpTrack {
  return trackId === undefined ? { msid } : { msid, trackId: String(trackId) };
}

function firstSsrc(audio: MediaDescription): number | undefined {
  const ssrcs = Array.isArray(audio.ssrcs) ? audio.ssrcs : [];
  return ssrcs
    .map((line) => line.id)
    .find((id) => Number.isInteger(id) && id >= 0 && id <= MAX_SSRC);
}

function matches(track: SdpTrack, expected: ExpectedTrack): boolean {
  return (
    (expected.msid === undefined || track.msid === expected.msid) &&
    (expected.trackId === undefined || track.trackId === expected.trackId)
  );
}

function describeTrack(track: ExpectedTrack): string {
  return `"${track.msid ?? '*'} ${track.trackId ?? '*'}"`;
}
