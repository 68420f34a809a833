/** Meta's offer without its ICE candidates, and those candidates, for later */
export interface HeldCandidates {
  /** the offer with no `a=candidate` (or `a=end-of-candidates`) line: the browser can answer it but has nowhere to send a check */
  readonly sdp: string;
  readonly candidates: readonly RTCIceCandidateInit[];
}

/**
 * Splits the ICE candidates out of an SDP offer. A browser that applies the offer without them
 * still builds its answer and gathers its own candidates, but sends no connectivity check to
 * Meta; {@link addHeldCandidates} starts the checks when the call is really ours. Several agents'
 * browsers prepare the same offer while their claims race, and a loser's checks carry valid
 * credentials: without this, Meta's side could settle on a browser that is about to hang up.
 *
 * @example
 * const held = holdCandidates(offerSdp);
 * await pc.setRemoteDescription({ type: 'offer', sdp: held.sdp });
 * // … the claim is won …
 * await addHeldCandidates(pc, held);
 */
export function holdCandidates(sdp: string): HeldCandidates {
  const eol = sdp.includes('\r\n') ? '\r\n' : '\n';
  const lines = sdp.split(eol);
  const kept: string[] = [];
  const candidates: RTCIceCandidateInit[] = [];
  let mLineIndex = -1;
  let mid: string | undefined;
  let pending: string[] = [];
  const flush = () => {
    for (const candidate of pending) {
      candidates.push({
        candidate,
        sdpMLineIndex: mLineIndex,
        ...(mid === undefined ? {} : { sdpMid: mid }),
      });
    }
    pending = [];
  };
  for (const line of lines) {
    if (line.startsWith('m=')) {
      flush();
      mLineIndex += 1;
      mid = undefined;
    } else if (line.startsWith('a=mid:')) {
      mid = line.slice('a=mid:'.length).trim();
    }
    if (line.startsWith('a=candidate:') && mLineIndex >= 0) {
      pending.push(line.slice('a='.length));
      continue;
    }
    if (line === 'a=end-of-candidates') continue;
    kept.push(line);
  }
  flush();
  return { sdp: kept.join(eol), candidates };
}

/** hands the held candidates to the connection: connectivity checks towards Meta start now */
export async function addHeldCandidates(
  pc: Pick<RTCPeerConnection, 'addIceCandidate'>,
  held: HeldCandidates,
): Promise<void> {
  for (const candidate of held.candidates) await pc.addIceCandidate(candidate);
}
