import { relayTransport, type RelayAttempt } from './relay-check';

/** one TURN URL with the credentials it came with */
export interface RelayServer {
  url: string;
  username?: string;
  credential?: string;
}

export type CreatePeer = (config: RTCConfiguration) => RTCPeerConnection;

const newPeer: CreatePeer = (config) => new RTCPeerConnection(config);

/**
 * The TURN URLs among the user's ICE servers, one entry per URL (an `RTCIceServer` may list
 * several), each with its server's credentials. STUN URLs are left out.
 *
 * @example
 * turnServers([{ urls: ['stun:s.example.com', 'turn:t.example.com'], username: 'u', credential: 'p' }]);
 * // [{ url: 'turn:t.example.com', username: 'u', credential: 'p' }]
 */
export function turnServers(iceServers: readonly RTCIceServer[]): RelayServer[] {
  return iceServers.flatMap((server) =>
    (Array.isArray(server.urls) ? server.urls : [server.urls])
      .filter((url) => /^turns?:/i.test(url))
      .map((url) => ({
        url,
        ...(server.username !== undefined ? { username: server.username } : {}),
        ...(typeof server.credential === 'string' ? { credential: server.credential } : {}),
      })),
  );
}

/** the configuration that makes a peer connection use this relay and nothing else */
export function relayOnly(server: RelayServer): RTCConfiguration {
  return {
    iceServers: [
      {
        urls: server.url,
        ...(server.username !== undefined ? { username: server.username } : {}),
        ...(server.credential !== undefined ? { credential: server.credential } : {}),
      },
    ],
    iceTransportPolicy: 'relay',
  };
}

/**
 * Asks one TURN URL for a relay address, as a call would: a relay-only peer connection gathers
 * candidates; a `relay` candidate means the relay answered and took our credentials. One URL
 * per connection, so the answer belongs to that URL (and its transport) alone.
 *
 * @example
 * const attempt = await probeRelay({ url: 'turn:relay.example.com:3478', username, credential });
 * attempt.reached; // true when a relay address came within 5 s
 */
export function probeRelay(
  server: RelayServer,
  options: { timeoutMs?: number; createPeer?: CreatePeer; now?: () => number } = {},
): Promise<RelayAttempt> {
  const now = options.now ?? (() => performance.now());
  const base = { url: server.url, transport: relayTransport(server.url) };
  let pc: RTCPeerConnection;
  try {
    pc = (options.createPeer ?? newPeer)(relayOnly(server));
  } catch (refused) {
    // the browser refuses the URL itself (a typo in TURN_URLS)
    const text = refused instanceof Error ? refused.message : String(refused);
    return Promise.resolve({ ...base, reached: false, error: { code: 0, text } });
  }
  const started = now();
  let error: RelayAttempt['error'];
  return new Promise<RelayAttempt>((resolve) => {
    let done = false;
    const finish = (reached: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      pc.close();
      resolve(
        reached
          ? { ...base, reached, ms: Math.round(now() - started) }
          : { ...base, reached, ...(error ? { error } : {}) },
      );
    };
    const timer = setTimeout(() => finish(false), options.timeoutMs ?? 5000);
    pc.addEventListener('icecandidate', (event) => {
      if (!event.candidate) finish(false);
      else if (event.candidate.type === 'relay') finish(true);
    });
    pc.addEventListener('icecandidateerror', (event) => {
      const e = event as RTCPeerConnectionIceErrorEvent;
      error = { code: e.errorCode, text: e.errorText };
    });
    pc.createDataChannel('probe');
    pc.createOffer()
      .then((offer) => pc.setLocalDescription(offer))
      .catch(() => finish(false));
  });
}
