import { waitForIceGathering } from '../rtc/ice-gathering';
import type { AudioSink } from '../rtc/media-types';
import type { IcePaths } from '../session/IceServers';

// the engine takes no trickled candidates: the answer goes once gathering is done, or after this
const GATHERING_TIMEOUT_MS = 3_000;

export interface EngineLegParts {
  /** STUN and TURN (and relay-only, when the workspace wants it) for the engine's connection */
  icePaths: IcePaths;
  /** where what the leg receives plays; none: it is not played */
  audio?: AudioSink;
  /** the connection to the engine failed */
  onFailed: () => void;
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
}

/**
 * A peer connection for a leg the media engine offers (a supervisor's listen or whisper leg, an
 * agent's whisper leg): what it receives plays on `audio`, a failed connection is reported.
 * {@link answerEngineOffer} then answers the engine's offer on it.
 *
 * @example
 * const pc = openEngineLeg({ icePaths, audio, onFailed: () => fail() });
 * const sdp = await answerEngineOffer(pc, offer); // receives only
 */
export function openEngineLeg(parts: EngineLegParts): RTCPeerConnection {
  const create = parts.createPeerConnection ?? ((config) => new RTCPeerConnection(config));
  const pc = create({ ...parts.icePaths });
  const { audio } = parts;
  if (audio) {
    pc.addEventListener('track', (event) => {
      const [stream] = event.streams;
      audio.attach(stream ?? new MediaStream([event.track]));
    });
  }
  pc.addEventListener('connectionstatechange', () => {
    if (pc.connectionState === 'failed') parts.onFailed();
  });
  return pc;
}

/**
 * Answers the engine's `offer` on `pc` and resolves with the answer's SDP, its candidates in it.
 * Without a microphone the answer receives only: nothing of this browser reaches the room. With
 * one, its audio goes on the offered audio before the answer is made. Rejects when the browser
 * cannot use the offer.
 *
 * @example
 * const sdp = await answerEngineOffer(pc, offered.sdp, microphone); // sends the microphone
 */
export async function answerEngineOffer(
  pc: RTCPeerConnection,
  offer: string,
  microphone?: MediaStream,
): Promise<string> {
  await pc.setRemoteDescription({ type: 'offer', sdp: offer });
  if (microphone) for (const track of microphone.getAudioTracks()) pc.addTrack(track, microphone);
  await pc.setLocalDescription(await pc.createAnswer());
  await waitForIceGathering(pc, GATHERING_TIMEOUT_MS);
  return pc.localDescription?.sdp ?? '';
}
