import { describe, expect, it, vi } from 'vitest';
import type { SessionMicrophone } from './LocalAudio';
import { MediaSession } from './MediaSession';
import { OfferToMeta } from './OfferToMeta';
import { FakePeerConnection, FakeStream, FakeTrack } from './testing/fakes';

function media(icePaths?: {
  iceServers: RTCIceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
}) {
  const configs: RTCConfiguration[] = [];
  const track = new FakeTrack();
  new MediaSession({
    callId: 'c1',
    microphone: { track, stream: new FakeStream([track]) } as unknown as SessionMicrophone,
    audio: { attach: vi.fn(), detach: vi.fn() },
    sdp: (peer) => new OfferToMeta(peer, 'messenger'),
    ...(icePaths ? { icePaths } : {}),
    createPeerConnection: (config) => {
      configs.push(config);
      return new FakePeerConnection(config) as unknown as RTCPeerConnection;
    },
  });
  return configs[0];
}

describe('MediaSession’s connection', () => {
  it('uses host candidates only when no STUN or TURN server is given', () => {
    expect(media()).toEqual({
      iceServers: [],
      iceTransportPolicy: 'all',
      bundlePolicy: 'max-bundle',
      rtcpMuxPolicy: 'require',
    });
  });

  it('gets the TURN servers and the relay-only policy the server gave', () => {
    const turn = {
      urls: ['turn:127.0.0.1:3478?transport=tcp'],
      username: '1:u_1',
      credential: 'c',
    };
    expect(media({ iceServers: [turn], iceTransportPolicy: 'relay' })).toMatchObject({
      iceServers: [turn],
      iceTransportPolicy: 'relay',
      bundlePolicy: 'max-bundle',
    });
  });
});
