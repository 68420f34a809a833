import type { MediaDescription } from 'sdp-transform';
import { refuse } from './sdp-error';
import type { Step } from './sdp-error';

/**
 * The payload type of opus/48000/2 on the audio m-line (the first one, in m-line order).
 * An rtpmap whose payload type is not listed on the m-line does not count.
 */
export function findOpus(audio: MediaDescription): Step<number> {
  const payloadType = findCodec(audio, 'opus', 48000, 2);
  if (payloadType === undefined) {
    return refuse('no-opus', 'the audio m-line does not offer opus/48000/2');
  }
  return { ok: true, value: payloadType };
}

/** the payload type of RFC 4733 telephone-event/8000, the only DTMF Meta uses, if listed */
export function findTelephoneEvent(audio: MediaDescription): number | undefined {
  return findCodec(audio, 'telephone-event', 8000, undefined);
}

function findCodec(
  audio: MediaDescription,
  name: string,
  rate: number,
  channels: number | undefined,
): number | undefined {
  // index the rtpmaps once: both lists can hold thousands of entries in hostile input
  const maps = new Map(
    (Array.isArray(audio.rtp) ? audio.rtp : []).map((map) => [map.payload, map]),
  );
  for (const listed of listedPayloadTypes(audio)) {
    const map = maps.get(listed);
    if (
      map !== undefined &&
      String(map.codec).toLowerCase() === name &&
      map.rate === rate &&
      // rtp audio defaults to one channel when the rtpmap gives none
      (channels === undefined || (map.encoding ?? 1) === channels)
    ) {
      return listed;
    }
  }
  return undefined;
}

function listedPayloadTypes(audio: MediaDescription): number[] {
  // a single payload type arrives as a number: the parser turns numeric text into numbers
  const words = String(audio.payloads ?? '')
    .trim()
    .split(/\s+/);
  return words
    .filter((word) => /^\d{1,3}$/.test(word))
    .map(Number)
    .filter((payloadType) => payloadType <= 127);
}
