/** what ICE gathering reached: all candidates, or whatever arrived before the bound */
export type GatheringOutcome = 'complete' | 'timed-out';

type GatheringTarget = Pick<
  RTCPeerConnection,
  'iceGatheringState' | 'addEventListener' | 'removeEventListener'
>;

/**
 * Waits for ICE gathering to complete, at most `timeoutMs`. Meta takes no trickled candidates,
 * so the SDP we send must already hold them; a slow interface (a dead VPN, a STUN server that
 * never answers) must not hold the call up, so past the bound we send what we have.
 *
 * @example
 * await pc.setLocalDescription(answer);
 * const outcome = await waitForIceGathering(pc, 1500);
 * send(pc.localDescription.sdp); // complete, or the candidates gathered so far
 */
export function waitForIceGathering(
  pc: GatheringTarget,
  timeoutMs: number,
): Promise<GatheringOutcome> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve('complete');
  return new Promise((resolve) => {
    const done = (outcome: GatheringOutcome) => {
      clearTimeout(timer);
      pc.removeEventListener('icegatheringstatechange', onChange);
      pc.removeEventListener('icecandidate', onCandidate);
      resolve(outcome);
    };
    const onChange = () => {
      if (pc.iceGatheringState === 'complete') done('complete');
    };
    // a null candidate is the end-of-candidates signal, sometimes before the state flips
    const onCandidate = (event: Event) => {
      if ((event as RTCPeerConnectionIceEvent).candidate === null) done('complete');
    };
    const timer = setTimeout(() => done('timed-out'), timeoutMs);
    pc.addEventListener('icegatheringstatechange', onChange);
    pc.addEventListener('icecandidate', onCandidate);
  });
}
