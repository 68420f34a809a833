import { describe, expect, it } from 'vitest';
import { probeRelay, relayOnly, turnServers } from './relay-probe';

const SERVER = { url: 'turn:relay.example.com:3478?transport=tcp', username: 'u', credential: 'p' };

class FakePeer extends EventTarget {
  closed = false;
  readonly config: RTCConfiguration;
  constructor(config: RTCConfiguration) {
    super();
    this.config = config;
  }
  createDataChannel() {}
  createOffer() {
    return Promise.resolve({ type: 'offer', sdp: 'v=0' });
  }
  setLocalDescription() {
    return Promise.resolve();
  }
  close() {
    this.closed = true;
  }
  candidate(type: string | null) {
    const event = Object.assign(new Event('icecandidate'), {
      candidate: type === null ? null : { type },
    });
    this.dispatchEvent(event);
  }
  error(errorCode: number, errorText: string) {
    this.dispatchEvent(Object.assign(new Event('icecandidateerror'), { errorCode, errorText }));
  }
}

function probe(timeoutMs = 5000) {
  let peer: FakePeer | undefined;
  let now = 0;
  const attempt = probeRelay(SERVER, {
    timeoutMs,
    now: () => now,
    createPeer: (config) => {
      peer = new FakePeer(config);
      return peer as unknown as RTCPeerConnection;
    },
  });
  return { attempt, peer: peer!, advance: (ms: number) => void (now += ms) };
}

describe('turnServers', () => {
  it('lists every TURN URL with its server’s credentials, leaving STUN out', () => {
    expect(
      turnServers([
        { urls: 'stun:stun.example.com' },
        {
          urls: ['stun:s2.example.com', 'turn:a.example.com', 'turns:a.example.com:443'],
          username: 'u',
          credential: 'p',
        },
      ]),
    ).toEqual([
      { url: 'turn:a.example.com', username: 'u', credential: 'p' },
      { url: 'turns:a.example.com:443', username: 'u', credential: 'p' },
    ]);
  });
});

describe('probeRelay', () => {
  it('asks that one URL only, relay-only, and counts a relay candidate as reached', async () => {
    const { attempt, peer, advance } = probe();
    expect(peer.config).toEqual(relayOnly(SERVER));
    expect(peer.config.iceTransportPolicy).toBe('relay');
    advance(37);
    peer.candidate('host'); // not from the relay: keep waiting
    peer.candidate('relay');
    expect(await attempt).toEqual({ url: SERVER.url, transport: 'tcp', reached: true, ms: 37 });
    expect(peer.closed).toBe(true);
  });

  it('is not reached when gathering ends without a relay candidate, keeping the browser’s error', async () => {
    const { attempt, peer } = probe();
    peer.error(401, 'Unauthorized');
    peer.candidate(null);
    expect(await attempt).toEqual({
      url: SERVER.url,
      transport: 'tcp',
      reached: false,
      error: { code: 401, text: 'Unauthorized' },
    });
  });

  it('is not reached when the browser refuses the URL itself', async () => {
    const attempt = await probeRelay(SERVER, {
      createPeer: () => {
        throw new SyntaxError('Invalid URL');
      },
    });
    expect(attempt).toEqual({
      url: SERVER.url,
      transport: 'tcp',
      reached: false,
      error: { code: 0, text: 'Invalid URL' },
    });
  });

  it('gives up after its time bound', async () => {
    const { attempt, peer } = probe(10);
    expect(await attempt).toMatchObject({ reached: false });
    expect(peer.closed).toBe(true);
  });
});
