import { validateListenerAnswer, validateLocalAnswer } from '@ringside/sdp';
import { describe, expect, it, vi } from 'vitest';
import { ListenIn, type ListenState } from './ListenIn';
import { FakeStream, FakeTrack } from '../rtc/testing/fakes';
import { fakePeerConnections } from './testing/fake-browser';

const ENGINE_OFFER = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:audio\r\n';

type Reply = { ok: true; sdp?: string } | { ok: false; error: { code: string; message: string } };

// the engine offers a leg for each of these
const OFFERS = new Set(['supervisor:listen', 'supervisor:whisper']);

function harness(
  replies: Partial<Record<string, Reply | (() => Promise<Reply>)>> = {},
  options: { noMicrophone?: boolean } = {},
) {
  const track = new FakeTrack();
  const stream = new FakeStream([track]);
  const microphone = { id: stream.id, getAudioTracks: () => [track], getTracks: () => [track] };
  const sent: { event: string; payload: unknown }[] = [];
  const { peers, createPeerConnection } = fakePeerConnections();
  const audio = { attached: 0, detached: 0 };
  const states: ListenState['kind'][] = [];
  const listen = new ListenIn({
    signaling: {
      send: (async (event: string, payload: unknown) => {
        sent.push({ event, payload });
        const reply = replies[event];
        if (typeof reply === 'function') return reply();
        return reply ?? (OFFERS.has(event) ? { ok: true, sdp: ENGINE_OFFER } : { ok: true });
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
    createPeerConnection,
  });
  listen.onChange((state) => states.push(state.kind));
  return { listen, sent, peers, audio, states, track };
}

describe('ListenIn', () => {
  it('answers the engine’s offer without a microphone, then listens; stopping leaves the room', async () => {
    const { listen, sent, peers, states } = harness();

    await listen.start('call-1');

    expect(listen.state).toEqual({ kind: 'listening', callId: 'call-1', mode: 'listen' });
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
    expect(listen.state).toEqual({ kind: 'listening', callId: 'call-6', mode: 'listen' });
  });

  it('barges in with the microphone on the answer, and lets it go on leaving', async () => {
    const { listen, sent, peers, track } = harness();

    await listen.start('call-7', { mode: 'barge' });

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
    expect(listen.state).toEqual({ kind: 'listening', callId: 'call-7', mode: 'barge' });
    await listen.stop();
    expect(track.readyState).toBe('ended');
  });

  it('says so when the microphone is refused, and asks the server nothing', async () => {
    const { listen, sent } = harness({}, { noMicrophone: true });
    await listen.start('call-8', { mode: 'barge' });
    expect(listen.state).toEqual({
      kind: 'failed',
      callId: 'call-8',
      message: 'Allow the microphone to barge in.',
    });
    expect(sent).toEqual([]);
  });

  it('whispers on a second leg: the first listens without the microphone, only the second sends it', async () => {
    const { listen, sent, peers, states } = harness();

    await listen.start('call-9', { mode: 'whisper' });

    expect(sent.map((s) => s.event)).toEqual([
      'supervisor:listen',
      'supervisor:listen-answer',
      'supervisor:whisper',
      'supervisor:whisper-answer',
    ]);
    // listening as ever: no barge, and an answer the server takes as a listener's
    expect(sent[0]?.payload).toEqual({ callId: 'call-9' });
    const [room, side] = peers;
    expect(room?.calls).not.toContain('addTrack');
    expect(validateListenerAnswer((sent[1]?.payload as { sdp: string }).sdp).ok).toBe(true);
    expect(side?.calls).toEqual([
      'setRemoteDescription:offer',
      'addTrack',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
    const whispered = sent[3]?.payload as { callId: string; sdp: string };
    expect(whispered).toEqual({ callId: 'call-9', sdp: side?.localDescription?.sdp });
    expect(validateListenerAnswer(whispered.sdp).ok).toBe(false);
    expect(validateLocalAnswer(whispered.sdp).ok).toBe(true);
    expect(listen.state).toEqual({ kind: 'listening', callId: 'call-9', mode: 'whisper' });
    expect(states).toEqual(['joining', 'listening']);
  });

  it('leaves both legs on stop: tells the server, closes both connections, lets the microphone go', async () => {
    const { listen, sent, peers, track } = harness();
    await listen.start('call-10', { mode: 'whisper' });

    await listen.stop();

    expect(peers.map((pc) => pc.closed)).toEqual([true, true]);
    expect(track.readyState).toBe('ended');
    expect(sent.at(-1)).toEqual({
      event: 'supervisor:stop-listening',
      payload: { callId: 'call-10' },
    });
    expect(listen.state).toEqual({ kind: 'idle' });
  });

  it('fails cleanly when the server refuses the whisper: the listen leg closes and leaves the room too', async () => {
    const { listen, sent, peers, track } = harness({
      'supervisor:whisper': {
        ok: false,
        error: { code: 'invalid_state', message: 'Listen in first, then whisper.' },
      },
    });

    await listen.start('call-11', { mode: 'whisper' });

    expect(listen.state).toEqual({
      kind: 'failed',
      callId: 'call-11',
      message: 'Listen in first, then whisper.',
    });
    expect(peers).toHaveLength(1);
    expect(peers[0]?.closed).toBe(true);
    expect(track.readyState).toBe('ended');
    expect(sent.at(-1)).toEqual({
      event: 'supervisor:stop-listening',
      payload: { callId: 'call-11' },
    });
  });

  it('closes both legs when the engine refuses the whisper’s answer, or the whisper’s connection fails', async () => {
    const refused = harness({
      'supervisor:whisper-answer': {
        ok: false,
        error: { code: 'invalid_payload', message: 'The media server could not use this answer.' },
      },
    });
    await refused.listen.start('call-12', { mode: 'whisper' });
    expect(refused.listen.state).toMatchObject({
      kind: 'failed',
      message: 'The media server could not use this answer.',
    });
    expect(refused.peers.map((pc) => pc.closed)).toEqual([true, true]);

    const dropped = harness();
    await dropped.listen.start('call-13', { mode: 'whisper' });
    dropped.peers[1]?.moveTo('failed');
    expect(dropped.listen.state).toEqual({
      kind: 'failed',
      callId: 'call-13',
      message: 'The connection to the call’s audio was lost.',
    });
    expect(dropped.peers.map((pc) => pc.closed)).toEqual([true, true]);
    expect(dropped.track.readyState).toBe('ended');
  });

  it('says so when the microphone is refused for a whisper, and asks the server nothing', async () => {
    const { listen, sent } = harness({}, { noMicrophone: true });
    await listen.start('call-14', { mode: 'whisper' });
    expect(listen.state).toEqual({
      kind: 'failed',
      callId: 'call-14',
      message: 'Allow the microphone to whisper.',
    });
    expect(sent).toEqual([]);
  });

  it('switches from listening to whispering and back by starting again', async () => {
    const { listen, sent, peers } = harness();
    await listen.start('call-15');
    await listen.start('call-15', { mode: 'whisper' });
    expect(listen.state).toEqual({ kind: 'listening', callId: 'call-15', mode: 'whisper' });
    await listen.start('call-15');

    expect(sent.map((s) => s.event)).toEqual([
      'supervisor:listen',
      'supervisor:listen-answer',
      'supervisor:stop-listening',
      'supervisor:listen',
      'supervisor:listen-answer',
      'supervisor:whisper',
      'supervisor:whisper-answer',
      'supervisor:stop-listening',
      'supervisor:listen',
      'supervisor:listen-answer',
    ]);
    expect(peers.map((pc) => pc.closed)).toEqual([true, true, true, false]);
    expect(listen.state).toEqual({ kind: 'listening', callId: 'call-15', mode: 'listen' });
  });

  it('opens no whisper leg when left while the server is still deciding', async () => {
    let decide: (reply: Reply) => void = () => undefined;
    const { listen, sent, peers } = harness({
      'supervisor:whisper': () => new Promise<Reply>((resolve) => (decide = resolve)),
    });
    const joining = listen.start('call-16', { mode: 'whisper' });
    await vi.waitFor(() => expect(sent.at(-1)?.event).toBe('supervisor:whisper'));

    await listen.stop();
    decide({ ok: true, sdp: ENGINE_OFFER });
    await joining;

    expect(peers).toHaveLength(1);
    expect(peers[0]?.closed).toBe(true);
    expect(listen.state).toEqual({ kind: 'idle' });
    expect(sent.map((s) => s.event)).not.toContain('supervisor:whisper-answer');
  });
});
