import { describe, expect, it, vi } from 'vitest';
import { FakeStream, FakeTrack } from '../rtc/testing/fakes';
import { META_OFFER } from '../rtc/testing/sdp-samples';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { ConsultLeg } from './ConsultLeg';
import { fakeMicrophones, fakePeerConnections } from './testing/fake-browser';

const ENGINE_OFFER = META_OFFER;

/** `failNext`: the browser refuses this step of the leg's peer connection */
function harness(browser: { failNext?: string } = {}) {
  const signaling = fakeSignaling();
  const { peers, createPeerConnection: create } = fakePeerConnections();
  const createPeerConnection = (config: RTCConfiguration) => {
    const pc = create(config);
    const made = peers.at(-1);
    if (made) made.failNext = browser.failNext;
    return pc;
  };
  const { mics, microphone, microphoneForCall } = fakeMicrophones();
  const audio = { attached: [] as unknown[], detached: 0 };
  const consult = new ConsultLeg({
    signaling: signaling.client,
    audio: {
      attach: (stream) => void audio.attached.push(stream),
      detach: () => void audio.detached++,
    },
    icePaths: async () => ({ iceServers: [], iceTransportPolicy: 'relay' }),
    microphone: microphoneForCall,
    createPeerConnection,
  });
  const lost = vi.fn();
  const join = () => consult.join({ callId: 'c7', offer: ENGINE_OFFER, lost });
  return { signaling, peers, mics, microphone, audio, consult, lost, join };
}

describe('ConsultLeg', () => {
  it('answers the engine’s offer sending the microphone, sends the answer, and plays the colleague', async () => {
    const { signaling, peers, mics, audio, join } = harness();
    expect(await join()).toEqual({ ok: true });

    const [pc] = peers;
    expect(pc?.config?.iceTransportPolicy).toBe('relay');
    expect(pc?.calls).toEqual([
      'setRemoteDescription:offer',
      'addTrack',
      'createAnswer',
      'setLocalDescription:answer',
    ]);
    expect(pc?.senders[0]?.track).toBe(mics[0]);
    expect(String(pc?.localDescription?.sdp)).toContain('a=sendrecv');
    expect(signaling.sentOf('call:transfer-answer')).toEqual([
      { callId: 'c7', sdp: pc?.localDescription?.sdp },
    ]);

    const voice = new FakeStream([new FakeTrack()]);
    pc?.dispatchEvent(Object.assign(new Event('track'), { streams: [voice] }));
    expect(audio.attached).toEqual([voice]);
  });

  it('closes the line and stops the microphone', async () => {
    const { peers, mics, audio, consult, join } = harness();
    await join();
    consult.close();
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    expect(audio.detached).toBe(1);
  });

  it('says why when the microphone cannot open, and opens nothing', async () => {
    const { signaling, peers, microphone, join } = harness();
    microphone.error = 'The microphone is blocked.';
    expect(await join()).toEqual({ ok: false, message: 'The microphone is blocked.' });
    expect(peers).toHaveLength(0);
    expect(signaling.sent).toEqual([]);
  });

  it('lets everything go when the server refuses the answer', async () => {
    const { signaling, peers, mics, join } = harness();
    signaling.replies['call:transfer-answer'] = {
      ok: false,
      error: { code: 'invalid_payload', message: 'The media server could not use this answer.' },
    };
    expect(await join()).toEqual({
      ok: false,
      message: 'The media server could not use this answer.',
    });
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
  });

  it('says so when the browser cannot use the offer', async () => {
    const { signaling, peers, mics, join } = harness({ failNext: 'setRemoteDescription' });
    expect(await join()).toEqual({
      ok: false,
      message: 'This browser could not open the line with your colleague.',
    });
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    expect(signaling.sent).toEqual([]);
  });

  it('a join that close overtook sends nothing and leaves nothing open', async () => {
    const { signaling, peers, mics, consult, join } = harness();
    const joining = join();
    consult.close();
    expect(await joining).toMatchObject({ ok: false });
    expect(signaling.sent).toEqual([]);
    expect(peers.every((pc) => pc.closed)).toBe(true);
    expect(mics.every((mic) => mic.readyState === 'ended')).toBe(true);
  });

  it('reports a line lost after it was up', async () => {
    const { peers, mics, lost, join } = harness();
    await join();
    peers[0]?.moveTo('failed');
    expect(lost).toHaveBeenCalledOnce();
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
  });
});
