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

/**
 * How long Meta's IPv6 candidates wait behind its IPv4 ones. Meta lists an IPv6 host candidate
 * first (higher priority), unreachable from most networks: handed over together, the browser
 * checks it first and the working IPv4 path waits a pacing interval behind it (measured here:
 * Accept → first audio 1.26× slower at p50). A short head start for IPv4, as happy eyeballs gives
 * (RFC 8305 §5: 100 ms at least), keeps an IPv6 path for networks that have one.
 */
export const IPV6_HEAD_START_MS = 100;

/** an ICE candidate line's address is IPv6 */
export function isIpv6Candidate(candidate: string | undefined): boolean {
  return (candidate?.split(' ')[4] ?? '').includes(':');
}

/**
 * Hands the held candidates to the connection: connectivity checks towards Meta start now. The
 * IPv4 candidates go at once (awaited); the IPv6 ones follow {@link IPV6_HEAD_START_MS} later
 * (not awaited; a failure there, such as the call having closed meanwhile, goes to `onLateError`).
 */
export async function addHeldCandidates(
  pc: Pick<RTCPeerConnection, 'addIceCandidate'>,
  held: HeldCandidates,
  options: { headStartMs?: number; onLateError?: (error: unknown) => void } = {},
): Promise<void> {
  const ipv6 = held.candidates.filter((c) => isIpv6Candidate(c.candidate));
  const ipv4 = held.candidates.filter((c) => !isIpv6Candidate(c.candidate));
  for (const candidate of ipv4) await pc.addIceCandidate(candidate);
  if (ipv6.length === 0) return;
  const addIpv6 = async () => {
    for (const candidate of ipv6) await pc.addIceCandidate(candidate);
  };
  // no IPv4 path offered: nothing to give a head start to
  if (ipv4.length === 0) return addIpv6();
  setTimeout(() => {
    addIpv6().catch((error: unknown) => options.onLateError?.(error));
  }, options.headStartMs ?? IPV6_HEAD_START_MS);
}
