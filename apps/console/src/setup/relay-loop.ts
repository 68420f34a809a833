import { relayOnly, type CreatePeer, type RelayServer } from './relay-probe';
import type { PingRun } from './round-trip';

export interface RelayLoopOptions {
  /** pings to send; default 100 (two seconds at the pace of audio packets) */
  count?: number;
  intervalMs?: number;
  /** how long the two ends may take to connect through the relay */
  connectTimeoutMs?: number;
  /** how long to wait for the last echoes: later ones count as lost */
  drainMs?: number;
  createPeer?: CreatePeer;
  now?: () => number;
}

function gathered(pc: RTCPeerConnection, timeoutMs: number): Promise<void> {
  if (pc.iceGatheringState === 'complete') return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    pc.addEventListener('icegatheringstatechange', () => {
      if (pc.iceGatheringState !== 'complete') return;
      clearTimeout(timer);
      resolve();
    });
  });
}

function opened(channel: RTCDataChannel, timeoutMs: number): Promise<boolean> {
  if (channel.readyState === 'open') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    channel.addEventListener('open', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Measures the path to a relay as audio would use it: two relay-only peer connections in this
 * page, joined through the relay by a data channel that neither orders nor resends (like RTP),
 * and timed pings echoed from one end to the other. Each ping crosses the path between the page
 * and the relay twice there and back (page → relay → page, and the echo the same way), which
 * `summarisePings(run, 2)` accounts for.
 *
 * @example
 * const run = await pingThroughRelay({ url: 'turn:relay.example.com:3478', username, credential });
 * if ('sent' in run) judgeRelayPath(summarisePings(run, 2));
 */
export async function pingThroughRelay(
  server: RelayServer,
  options: RelayLoopOptions = {},
): Promise<PingRun | { error: string }> {
  const now = options.now ?? (() => performance.now());
  const create =
    options.createPeer ?? ((config: RTCConfiguration) => new RTCPeerConnection(config));
  const count = options.count ?? 100;
  const connectTimeoutMs = options.connectTimeoutMs ?? 8000;
  let a: RTCPeerConnection | undefined;
  let b: RTCPeerConnection | undefined;
  try {
    // inside the try: a URL the browser refuses throws from the constructor
    a = create(relayOnly(server));
    b = create(relayOnly(server));
    const channel = a.createDataChannel('ping', { ordered: false, maxRetransmits: 0 });
    b.addEventListener('datachannel', ({ channel: echo }) => {
      echo.addEventListener('message', (message) => echo.send(message.data as string));
    });
    // whole descriptions, candidates included: nothing to trickle between two ends in one page
    await a.setLocalDescription(await a.createOffer());
    await gathered(a, connectTimeoutMs / 2);
    const offer = a.localDescription;
    if (!offer) return { error: 'no offer' };
    await b.setRemoteDescription(offer);
    await b.setLocalDescription(await b.createAnswer());
    await gathered(b, connectTimeoutMs / 2);
    const answer = b.localDescription;
    if (!answer) return { error: 'no answer' };
    await a.setRemoteDescription(answer);
    if (!(await opened(channel, connectTimeoutMs))) {
      return { error: 'the two test connections could not reach each other through the relay' };
    }

    const sentAt = new Map<number, number>();
    const rttsMs: number[] = [];
    channel.addEventListener('message', (message) => {
      const at = sentAt.get(Number(message.data));
      if (at === undefined) return;
      sentAt.delete(Number(message.data)); // a duplicate counts once
      rttsMs.push(now() - at);
    });
    for (let seq = 0; seq < count; seq++) {
      if (channel.readyState !== 'open') break;
      sentAt.set(seq, now());
      channel.send(String(seq));
      await sleep(options.intervalMs ?? 20);
    }
    await sleep(options.drainMs ?? 1000);
    return { sent: count, rttsMs };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  } finally {
    a?.close();
    b?.close();
  }
}
