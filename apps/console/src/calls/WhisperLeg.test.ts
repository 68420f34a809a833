import type { CallWhisperPayload } from '@ringside/contracts';
import { validateListenerAnswer } from '@ringside/sdp';
import { describe, expect, it, vi } from 'vitest';
import { FakeStream, FakeTrack } from '../rtc/testing/fakes';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ringingCard } from '../state/testing';
import { startedCall } from './call-records';
import { fakePeerConnections } from './testing/fake-browser';
import { WhisperLeg } from './WhisperLeg';

const ENGINE_OFFER = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:audio\r\n';
const SAM = { userId: 'u_sam', name: 'Sam Supervisor' };

const whisperTo = (callId: string): CallWhisperPayload => ({
  callId,
  sdp: ENGINE_OFFER,
  supervisor: SAM,
});

// lets the leg's answer (ICE servers, SDP, the acknowledgement) run its course
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function harness(onCall: string | null = 'call-1') {
  const store = createAppStore();
  if (onCall) store.getState().callStarted(startedCall(ringingCard(onCall), 1_000_000));
  const signaling = fakeSignaling();
  const { peers, createPeerConnection } = fakePeerConnections();
  const audio = { attached: [] as unknown[], detached: 0 };
  const whisper = new WhisperLeg({
    store,
    signaling: signaling.client,
    audio: {
      attach: (stream) => void audio.attached.push(stream),
      detach: () => void audio.detached++,
    },
    icePaths: async () => ({ iceServers: [], iceTransportPolicy: 'relay' }),
    createPeerConnection,
  });
  whisper.start();
  return { store, signaling, peers, audio, whisper };
}

describe('WhisperLeg', () => {
  it('answers a whisper on the agent’s call receiving only, plays it apart, and says who', async () => {
    const { signaling, peers, audio, whisper } = harness();

    signaling.emit('call:whisper', whisperTo('call-1'));
    await vi.waitFor(() => expect(whisper.state.kind).toBe('hearing'));

    const [pc] = peers;
    expect(pc?.config?.iceTransportPolicy).toBe('relay');
    // never the microphone: the answer is one the server takes as a listener's
    expect(pc?.calls).toEqual([
      'setRemoteDescription:offer',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
    const [answer] = signaling.sentOf('call:whisper-answer');
    expect(answer).toEqual({ callId: 'call-1', sdp: pc?.localDescription?.sdp });
    expect(validateListenerAnswer(answer?.['sdp']).ok).toBe(true);
    expect(whisper.state).toEqual({ kind: 'hearing', callId: 'call-1', supervisor: SAM });

    const voice = new FakeStream([new FakeTrack()]);
    pc?.dispatchEvent(Object.assign(new Event('track'), { streams: [voice] }));
    expect(audio.attached).toEqual([voice]);
  });

  it('ignores a whisper for a call that is not the agent’s now', async () => {
    const onAnother = harness('call-1');
    onAnother.signaling.emit('call:whisper', whisperTo('call-2'));
    const onNone = harness(null);
    onNone.signaling.emit('call:whisper', whisperTo('call-1'));
    await settle();

    for (const { peers, signaling, whisper } of [onAnother, onNone]) {
      expect(peers).toHaveLength(0);
      expect(signaling.sent).toEqual([]);
      expect(whisper.state).toEqual({ kind: 'idle' });
    }
  });

  it('closes when the whisper ends, not when another call’s does', async () => {
    const { signaling, peers, audio, whisper } = harness();
    signaling.emit('call:whisper', whisperTo('call-1'));
    await vi.waitFor(() => expect(whisper.state.kind).toBe('hearing'));

    signaling.emit('call:whisper-ended', { callId: 'call-9' });
    expect(whisper.state.kind).toBe('hearing');
    expect(peers[0]?.closed).toBe(false);

    signaling.emit('call:whisper-ended', { callId: 'call-1' });
    expect(whisper.state).toEqual({ kind: 'idle' });
    expect(peers[0]?.closed).toBe(true);
    expect(audio.detached).toBe(1);
  });

  it('closes when the agent’s call ends', async () => {
    const { store, signaling, peers, whisper } = harness();
    signaling.emit('call:whisper', whisperTo('call-1'));
    await vi.waitFor(() => expect(whisper.state.kind).toBe('hearing'));

    store.getState().callPatched('call-1', { muted: true });
    expect(peers[0]?.closed).toBe(false);
    store.getState().callFinished('call-1', null);

    expect(whisper.state).toEqual({ kind: 'idle' });
    expect(peers[0]?.closed).toBe(true);
  });

  it('closes the first leg before answering a second whisper', async () => {
    const { signaling, peers, whisper } = harness();
    signaling.emit('call:whisper', whisperTo('call-1'));
    await vi.waitFor(() => expect(whisper.state.kind).toBe('hearing'));

    signaling.emit('call:whisper', {
      ...whisperTo('call-1'),
      supervisor: { userId: 'u_ria', name: 'Ria' },
    });
    expect(peers[0]?.closed).toBe(true);
    await vi.waitFor(() => expect(peers).toHaveLength(2));
    await vi.waitFor(() =>
      expect(whisper.state).toMatchObject({ kind: 'hearing', supervisor: { name: 'Ria' } }),
    );
    expect(peers[1]?.closed).toBe(false);
    expect(signaling.sentOf('call:whisper-answer')).toHaveLength(2);
  });

  it('lets the leg go when the server refuses the answer', async () => {
    const { signaling, peers, whisper } = harness();
    signaling.replies['call:whisper-answer'] = {
      ok: false,
      error: { code: 'invalid_payload', message: 'The media server could not use this answer.' },
    };
    signaling.emit('call:whisper', whisperTo('call-1'));
    await vi.waitFor(() => expect(peers[0]?.closed).toBe(true));
    expect(whisper.state).toEqual({ kind: 'idle' });
  });

  it('closes when the console stops, and hears no whisper after', async () => {
    const { signaling, peers, whisper } = harness();
    signaling.emit('call:whisper', whisperTo('call-1'));
    await vi.waitFor(() => expect(whisper.state.kind).toBe('hearing'));

    whisper.stop();
    expect(peers[0]?.closed).toBe(true);
    expect(whisper.state).toEqual({ kind: 'idle' });

    signaling.emit('call:whisper', whisperTo('call-1'));
    await settle();
    expect(peers).toHaveLength(1);
  });
});
