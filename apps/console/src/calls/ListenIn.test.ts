import { describe, expect, it } from 'vitest';
import { ListenIn, type ListenState } from './ListenIn';
import { FakePeerConnection, FakeStream, FakeTrack } from '../rtc/testing/fakes';

const ENGINE_OFFER = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:audio\r\n';

type Reply = { ok: true; sdp?: string } | { ok: false; error: { code: string; message: string } };

function harness(
  replies: Partial<Record<string, Reply>> = {},
  options: { noMicrophone?: boolean } = {},
) {
  const track = new FakeTrack();
  const stream = new FakeStream([track]);
  const microphone = { id: stream.id, getAudioTracks: () => [track], getTracks: () => [track] };
  const sent: { event: string; payload: unknown }[] = [];
  const peers: FakePeerConnection[] = [];
  const audio = { attached: 0, detached: 0 };
  const states: ListenState['kind'][] = [];
  const listen = new ListenIn({
    signaling: {
      send: (async (event: string, payload: unknown) => {
        sent.push({ event, payload });
        return (
          replies[event] ??
          (event === 'supervisor:listen' ? { ok: true, sdp: ENGINE_OFFER } : { ok: true })
        );
      }) as never,
    },
    audio: {
      attach: () => void audio.attached++,
      detach: () => void audio.detached++,
    } as never,
    icePaths: async () => ({ iceServers: [], iceTransportPolicy: 'relay' }),
    microphone: async () => {
      if (options.noMicrophone) throw new Error('NotAllowedError');
      return microphone as unknown as MediaStream;
    },
    createPeerConnection: (config) => {
      const pc = new FakePeerConnection(config);
      peers.push(pc);
      return pc as unknown as RTCPeerConnection;
    },
  });
  listen.onChange((state) => states.push(state.kind));
  return { listen, sent, peers, audio, states, track };
}

describe('ListenIn', () => {
  it('answers the engine’s offer without a microphone, then listens; stopping leaves the room', async () => {
    const { listen, sent, peers, states } = harness();

    await listen.start('call-1');

    expect(listen.state).toEqual({ kind: 'listening', callId: 'call-1', barge: false });
    const [pc] = peers;
    expect(pc?.config?.iceTransportPolicy).toBe('relay');
    expect(pc?.calls).toEqual([
      'setRemoteDescription:offer',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
    expect(sent.map((s) => s.event)).toEqual(['supervisor:listen', 'supervisor:listen-answer']);
    expect(sent[1]?.payload).toEqual({ callId: 'call-1', sdp: pc?.localDescription?.sdp });

    await listen.stop();
    expect(pc?.closed).toBe(true);
    expect(sent.at(-1)).toEqual({
      event: 'supervisor:stop-listening',
      payload: { callId: 'call-1' },
    });
    expect(states).toEqual(['joining', 'listening', 'idle']);
  });

  it('says why in the server’s words when it may not listen, and opens no connection', async () => {
    const { listen, peers } = harness({
      'supervisor:listen': {
        ok: false,
        error: { code: 'invalid_state', message: 'Only a call in progress can be listened in on.' },
      },
    });

    await listen.start('call-2');

    expect(listen.state).toEqual({
      kind: 'failed',
      callId: 'call-2',
      message: 'Only a call in progress can be listened in on.',
    });
    expect(peers).toHaveLength(0);
  });

  it('closes its connection when the engine refuses the answer, and when the connection fails', async () => {
    const refused = harness({
      'supervisor:listen-answer': {
        ok: false,
        error: { code: 'invalid_payload', message: 'The media server could not use this answer.' },
      },
    });
    await refused.listen.start('call-3');
    expect(refused.listen.state.kind).toBe('failed');
    expect(refused.peers[0]?.closed).toBe(true);

    const dropped = harness();
    await dropped.listen.start('call-4');
    dropped.peers[0]?.moveTo('failed');
    expect(dropped.listen.state).toEqual({
      kind: 'failed',
      callId: 'call-4',
      message: 'The connection to the call’s audio was lost.',
    });
    expect(dropped.peers[0]?.closed).toBe(true);
  });

  it('listens to one call at a time: another call leaves the first', async () => {
    const { listen, sent, peers } = harness();
    await listen.start('call-5');
    await listen.start('call-6');

    expect(peers[0]?.closed).toBe(true);
    expect(sent.map((s) => s.event)).toEqual([
      'supervisor:listen',
      'supervisor:listen-answer',
      'supervisor:stop-listening',
      'supervisor:listen',
      'supervisor:listen-answer',
    ]);
    expect(listen.state).toEqual({ kind: 'listening', callId: 'call-6', barge: false });
  });

  it('barges in with the microphone on the answer, and lets it go on leaving', async () => {
    const { listen, sent, peers, track } = harness();

    await listen.start('call-7', { barge: true });

    expect(sent[0]).toEqual({
      event: 'supervisor:listen',
      payload: { callId: 'call-7', barge: true },
    });
    expect(peers[0]?.calls).toEqual([
      'setRemoteDescription:offer',
      'addTrack',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
    expect(listen.state).toEqual({ kind: 'listening', callId: 'call-7', barge: true });
    await listen.stop();
    expect(track.readyState).toBe('ended');
  });

  it('says so when the microphone is refused, and asks the server nothing', async () => {
    const { listen, sent } = harness({}, { noMicrophone: true });
    await listen.start('call-8', { barge: true });
    expect(listen.state).toEqual({
      kind: 'failed',
      callId: 'call-8',
      message: 'Allow the microphone to barge in.',
    });
    expect(sent).toEqual([]);
  });
});
