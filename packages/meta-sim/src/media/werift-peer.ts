import { isIPv4 } from 'node:net';
import { RTCPeerConnection, type RTCSessionDescription } from 'werift';
import { CallerMediaError } from './caller-media-error';
import { shapeLocalSdp } from './local-sdp';
import type { LocalSdpShape } from './local-sdp';
import { callerPeerConfig } from './peer-config';

/** how long to wait for host candidates; on loopback it takes milliseconds */
const GATHERING_BOUND_MS = 5000;

/**
 * A werift peer set up as Meta's side of a call, pinned to `host` (an IPv4 address).
 *
 * @example
 * const pc = createCallerPeer('127.0.0.1');
 */
export function createCallerPeer(host: string): RTCPeerConnection {
  if (!isIPv4(host)) {
    throw new CallerMediaError('invalid_options', `host must be an IPv4 address, got "${host}"`);
  }
  return new RTCPeerConnection(callerPeerConfig(host));
}

/**
 * Sets our local description and returns it complete with candidates, shaped like Meta's SDP:
 * there is no trickle towards Meta, so gathering must finish (within a bound) first.
 *
 * @example
 * const sdp = await setLocalAndGather(pc, await pc.createOffer(), '127.0.0.1');
 */
export async function setLocalAndGather(
  pc: RTCPeerConnection,
  description: RTCSessionDescription,
  host: string,
  candidates: Pick<LocalSdpShape, 'ipv6Host' | 'tcpPassivePort' | 'opusFmtp'> = {},
): Promise<string> {
  await pc.setLocalDescription(description);
  await waitForGathering(pc);
  const sdp = pc.localDescription?.sdp;
  if (!sdp?.includes('a=candidate:')) {
    throw new CallerMediaError(
      'negotiation_failed',
      `no ICE candidate could be gathered on ${host}`,
    );
  }
  return shapeLocalSdp(sdp, { host, iceLite: true, ...candidates });
}

/**
 * Applies a remote description, turning werift's refusals into a {@link CallerMediaError}.
 *
 * @example
 * await applyRemote(pc, { type: 'answer', sdp });
 */
export async function applyRemote(
  pc: RTCPeerConnection,
  description: { type: 'offer' | 'answer'; sdp: string },
): Promise<void> {
  try {
    await pc.setRemoteDescription(description);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new CallerMediaError(
      'negotiation_failed',
      `the remote ${description.type} was refused: ${reason}`,
      { cause: error },
    );
  }
}

function waitForGathering(pc: RTCPeerConnection): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(done, GATHERING_BOUND_MS);
    const subscription = pc.iceGatheringStateChange.subscribe((state) => {
      if (state === 'complete') done();
    });
    function done() {
      clearTimeout(timer);
      subscription.unSubscribe();
      resolve();
    }
  });
}
