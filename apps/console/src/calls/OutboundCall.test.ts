import type { CallView } from '@ringside/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { outboundMedia } from '../rtc/call-media';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import { audioStats, FakePeerConnection, FakeStream, FakeTrack } from '../rtc/testing/fakes';
import { chromiumSdp, META_OFFER, metaAnswer } from '../rtc/testing/sdp-samples';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME } from '../state/testing';
import { CallController } from './CallController';

const WHATSAPP = 'ch1';
const MESSENGER = 'ch2';

/** the controller with real outbound media over a fake browser and a fake server */
function setup(timing = { iceGatheringMs: 20, noAudioMs: 60_000, statsIntervalMs: 60_000 }) {
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  const peers: FakePeerConnection[] = [];
  const browser = { recvonlyOffer: false };
  const mics: FakeTrack[] = [];
  const microphoneForCall = vi.fn(async () => {
    const track = new FakeTrack();
    mics.push(track);
    return { track, stream: new FakeStream([track]) } as unknown as SessionMicrophone;
  });
  let now = 1_000_000;
  const calls = new CallController({
    store,
    signaling: signaling.client,
    createInboundMedia: async () => ({ error: 'no inbound calls in these tests' }),
    createOutboundMedia: async ({ callId, from }, microphone) =>
      outboundMedia(
        {
          callId,
          microphone,
          audio: { attach: vi.fn(), detach: vi.fn() },
          createPeerConnection: () => {
            const pc = new FakePeerConnection();
            if (browser.recvonlyOffer) {
              // a browser that made the offer without the microphone
              pc.createOffer = async () => ({ type: 'offer', sdp: chromiumSdp('offer') });
            }
            peers.push(pc);
            return pc as unknown as RTCPeerConnection;
          },
          timing,
        },
        from.channel,
      ),
    createRejoinMedia: async () => ({ error: 'no rejoined calls in these tests' }),
    microphoneForCall,
    takeOffer: () => undefined,
    hangUpOverHttp: vi.fn(),
    now: () => now,
  });
  calls.start();
  const view = (id: string, state: CallView['state'], extra: Partial<CallView> = {}): CallView => ({
    id,
    channel: 'whatsapp',
    direction: 'outbound',
    state,
    agent: { userId: ME.id, name: ME.name },
    caller: { number: '+447700900123' },
    called: { channelId: WHATSAPP, label: '+91 91299 50000' },
    ...extra,
  });
  /** holds call:dial's acknowledgement until the test lets it land */
  const holdDial = (reply: { ok: true; callId: string; sdpResponse?: string }) => {
    let land: () => void = () => undefined;
    signaling.replies['call:dial'] = () =>
      new Promise((resolve) => {
        land = () => resolve(reply);
      });
    return () => land();
  };
  return {
    store,
    signaling,
    calls,
    browser,
    peers,
    mics,
    microphoneForCall,
    view,
    holdDial,
    advance: (ms: number) => (now += ms),
  };
}

describe('placing a WhatsApp call', () => {
  it('dials, rings, connects and hangs up, with Meta’s answer arriving before the ack', async () => {
    const { store, signaling, calls, peers, view, holdDial, advance } = setup();
    const land = holdDial({ ok: true, callId: 'wacid.1' });
    const dialing = calls.dial(WHATSAPP, '+44 7700 900123');
    await vi.waitFor(() => expect(signaling.sentOf('call:dial')).toHaveLength(1));
    expect(signaling.sentOf('call:dial')[0]).toMatchObject({
      channelId: WHATSAPP,
      to: '+447700900123',
    });
    expect(store.getState().current).toMatchObject({
      direction: 'outbound',
      phase: 'placing',
      caller: { number: '+447700900123' },
    });

    // the server had Meta's answer and the call's state before its ack reached us
    signaling.emit('call:updated', view('wacid.1', 'dialing'));
    signaling.emit('call:remote-sdp', { callId: 'wacid.1', sdpType: 'answer', sdp: metaAnswer() });
    expect(store.getState().current?.phase).toBe('placing');
    land();
    await dialing;
    const pc = peers[0];
    await vi.waitFor(() => expect(pc?.remoteDescription?.type).toBe('answer'));
    expect(store.getState().current).toMatchObject({ callId: 'wacid.1', phase: 'dialing' });

    signaling.emit('call:updated', view('wacid.1', 'ringing'));
    expect(store.getState().current?.phase).toBe('ringing');
    pc?.moveTo('connected');
    // connected audio alone is not a conversation: the customer's phone still rings
    expect(store.getState().current?.phase).toBe('ringing');
    signaling.emit(
      'call:updated',
      view('wacid.1', 'active', { answeredAt: new Date(1_002_000).toISOString() }),
    );
    await vi.waitFor(() =>
      expect(store.getState().current).toMatchObject({ phase: 'active', answeredAt: 1_002_000 }),
    );

    advance(62_000);
    await calls.hangUp();
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'wacid.1' }]);
    expect(pc?.closed).toBe(true);
    expect(store.getState().wrapUp).toMatchObject({
      callId: 'wacid.1',
      message: 'You hung up.',
      durationSec: 60,
    });
  });

  it('applies Meta’s answer that arrives after the ack', async () => {
    const { store, signaling, calls, peers } = setup();
    signaling.replies['call:dial'] = { ok: true, callId: 'wacid.2' };
    await calls.dial(WHATSAPP, '+447700900123');
    expect(store.getState().current).toMatchObject({ callId: 'wacid.2', phase: 'dialing' });
    expect(peers[0]?.remoteDescription).toBeNull();
    signaling.emit('call:remote-sdp', { callId: 'wacid.2', sdpType: 'answer', sdp: metaAnswer() });
    await vi.waitFor(() => expect(peers[0]?.remoteDescription?.type).toBe('answer'));
  });

  it('tells the agent the customer was asked for permission, and places nothing', async () => {
    const { store, signaling, calls, mics, peers } = setup();
    signaling.replies['call:dial'] = {
      ok: false,
      error: {
        code: 'permission_requested',
        message: '+447700900123 has not allowed calls yet; they were asked to.',
      },
    };
    await calls.dial(WHATSAPP, '+447700900123');
    expect(store.getState().current).toBeNull();
    expect(store.getState().dialNotice).toMatchObject({
      kind: 'permission-requested',
      message: '+447700900123 has not allowed calls yet; they were asked to.',
    });
    expect(mics[0]?.readyState).toBe('ended');
    expect(peers[0]?.closed).toBe(true);
    expect(signaling.sentOf('call:hangup')).toEqual([]);
  });

  it('refuses a number without its country code before opening anything', async () => {
    const { store, signaling, calls, microphoneForCall } = setup();
    await calls.dial(WHATSAPP, '07700 900123');
    expect(store.getState().dialNotice?.kind).toBe('invalid');
    expect(store.getState().dialNotice?.message).toContain('country code');
    expect(microphoneForCall).not.toHaveBeenCalled();
    expect(signaling.sent).toEqual([]);
  });

  it('sends nothing when our offer fails its check, says why, and can dial again', async () => {
    const { store, signaling, calls, browser, mics, view } = setup();
    browser.recvonlyOffer = true;
    await calls.dial(WHATSAPP, '+447700900123');
    await vi.waitFor(() => expect(store.getState().dialNotice).not.toBeNull());
    expect(store.getState().dialNotice?.message).toContain(
      'Our offer failed its check (microphone track missing from the offer',
    );
    expect(signaling.sent).toEqual([]);
    expect(store.getState().current).toBeNull();
    expect(mics[0]?.readyState).toBe('ended');

    // nothing lingers: the server's word about a call of ours is read again, and a dial works
    signaling.emit('call:updated', view('wacid.old', 'active'));
    expect(store.getState().current).toMatchObject({ callId: 'wacid.old', phase: 'orphaned' });
    await calls.hangUp();
    browser.recvonlyOffer = false;
    signaling.replies['call:dial'] = { ok: true, callId: 'wacid.6' };
    await calls.dial(WHATSAPP, '+447700900123');
    expect(store.getState().current).toMatchObject({ callId: 'wacid.6', phase: 'dialing' });
  });

  it('shows Meta’s refusal in the server’s words', async () => {
    const { store, signaling, calls } = setup();
    signaling.replies['call:dial'] = {
      ok: false,
      error: { code: 'meta_error', message: 'Meta refused the call: the receiver is uncallable.' },
    };
    await calls.dial(WHATSAPP, '+447700900123');
    expect(store.getState().dialNotice).toMatchObject({
      kind: 'refused',
      message: 'Meta refused the call: the receiver is uncallable.',
    });
  });

  it('ends the call at Meta when the agent hangs up while the dial is in flight', async () => {
    const { store, signaling, calls, view, holdDial } = setup();
    const land = holdDial({ ok: true, callId: 'wacid.3' });
    const dialing = calls.dial(WHATSAPP, '+447700900123');
    await vi.waitFor(() => expect(signaling.sentOf('call:dial')).toHaveLength(1));
    await calls.hangUp();
    expect(store.getState().current).toBeNull();
    // the server's word about the new call must not read as a call this page lost
    signaling.emit('call:updated', view('wacid.3', 'dialing'));
    land();
    await dialing;
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'wacid.3' }]);
    expect(store.getState().current).toBeNull();
    expect(store.getState().dialNotice).toBeNull();
  });

  it('says the customer declined, without a wrap-up, when it ends before pickup', async () => {
    const { store, signaling, calls } = setup();
    signaling.replies['call:dial'] = { ok: true, callId: 'wacid.4' };
    await calls.dial(WHATSAPP, '+447700900123');
    signaling.emit('call:ended', { callId: 'wacid.4', outcome: 'rejected' });
    expect(store.getState().current).toBeNull();
    expect(store.getState().wrapUp).toBeNull();
    expect(store.getState().dialNotice).toMatchObject({
      kind: 'ended',
      message: 'The customer declined the call.',
    });
  });

  it('hangs up and explains when Meta’s answer cannot be used', async () => {
    const { store, signaling, calls } = setup();
    signaling.replies['call:dial'] = { ok: true, callId: 'wacid.5' };
    await calls.dial(WHATSAPP, '+447700900123');
    signaling.emit('call:remote-sdp', { callId: 'wacid.5', sdpType: 'answer', sdp: 'garbage' });
    await vi.waitFor(() =>
      expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'wacid.5' }]),
    );
    expect(store.getState().current).toBeNull();
    expect(store.getState().dialNotice?.message).toMatch(/^WhatsApp's answer cannot be used/);
  });
});

describe('placing a Messenger call', () => {
  it('applies the answer the ack carries, and dials the PSID as typed', async () => {
    const { store, signaling, calls, peers } = setup();
    signaling.replies['call:dial'] = { ok: true, callId: 'c_1', sdpResponse: metaAnswer() };
    await calls.dial(MESSENGER, ' 6124509938127745 ');
    expect(signaling.sentOf('call:dial')[0]).toMatchObject({
      channelId: MESSENGER,
      to: '6124509938127745',
    });
    expect(peers[0]?.remoteDescription?.type).toBe('answer');
    expect(store.getState().current).toMatchObject({
      callId: 'c_1',
      channel: 'messenger',
      caller: { psid: '6124509938127745' },
      called: { channelId: MESSENGER, label: 'Acme Support' },
    });
  });
});

describe('an outbound call’s media', () => {
  /** a WhatsApp call placed and named `wacid.1`, its phone ringing */
  async function ringing(timing?: Parameters<typeof setup>[0]) {
    const world = setup(timing);
    world.signaling.replies['call:dial'] = { ok: true, callId: 'wacid.1' };
    await world.calls.dial(WHATSAPP, '+447700900123');
    world.signaling.emit('call:updated', world.view('wacid.1', 'ringing'));
    const pc = world.peers[0];
    if (!pc) throw new Error('the dial built a peer connection');
    const answer = async (sdp = metaAnswer()) => {
      world.signaling.emit('call:remote-sdp', { callId: 'wacid.1', sdpType: 'answer', sdp });
      await vi.waitFor(() => expect(pc.calls).toContain('setRemoteDescription:answer'));
    };
    const pickUp = () => world.signaling.emit('call:updated', world.view('wacid.1', 'active'));
    return { ...world, pc, answer, pickUp };
  }

  afterEach(() => {
    vi.useRealTimers();
  });

  it('adds the microphone before the offer, and dials with the checked offer', async () => {
    const { pc, signaling, mics } = await ringing();
    expect(pc.calls.slice(0, 3)).toEqual(['addTrack', 'createOffer', 'setLocalDescription:offer']);
    const sdp = String(signaling.sentOf('call:dial')[0]?.['sdp']);
    expect(sdp).toContain('a=setup:actpass');
    expect(pc.senders[0]?.track).toBe(mics[0]);
  });

  it('applies WhatsApp’s answer once, ignoring a repeat', async () => {
    const { pc, answer } = await ringing();
    await answer();
    await answer();
    expect(pc.calls.filter((c) => c === 'setRemoteDescription:answer')).toHaveLength(1);
    expect(pc.remoteDescription?.sdp).toContain('a=setup:active');
  });

  it('is active only once the answer is applied, the customer picked up and audio connected', async () => {
    const { store, pc, answer, pickUp } = await ringing();
    await answer();
    // ICE and DTLS connect while the customer's phone still rings
    pc.moveTo('connected');
    expect(store.getState().current?.phase).toBe('ringing');
    pickUp();
    expect(store.getState().current?.phase).toBe('active');
  });

  it('keeps Ringing… through a blip before pickup, and reports one once live', async () => {
    const { store, pc, answer, pickUp } = await ringing();
    await answer();
    pc.moveTo('connected');
    pc.moveTo('disconnected');
    expect(store.getState().current?.phase).toBe('ringing');
    pc.moveTo('connected');
    pickUp();
    expect(store.getState().current?.phase).toBe('active');
    pc.moveTo('disconnected');
    expect(store.getState().current?.phase).toBe('reconnecting');
    pc.moveTo('connected');
    expect(store.getState().current?.phase).toBe('active');
  });

  it('completes the setup when the pickup is reported before Meta’s answer', async () => {
    const { store, pc, answer, pickUp } = await ringing();
    pickUp();
    pc.moveTo('connected');
    expect(store.getState().current?.phase).toBe('connecting');
    await answer();
    await vi.waitFor(() => expect(store.getState().current?.phase).toBe('active'));
  });

  it('waits for audio only from the pickup on: a long ring is not a silent call', async () => {
    vi.useFakeTimers();
    const { store, signaling, pc, answer, pickUp } = await ringing({
      iceGatheringMs: 20,
      noAudioMs: 3000,
      statsIntervalMs: 1000,
    });
    pc.stats = () => audioStats(0, 40);
    await answer();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(signaling.sentOf('call:hangup')).toEqual([]);
    pickUp();
    await vi.advanceTimersByTimeAsync(3100);
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'wacid.1' }]);
    // picked up but never heard: no conversation to wrap up, the dial notice says why
    await vi.waitFor(() =>
      expect(store.getState().dialNotice?.message).toBe(
        'No audio arrived from the customer within 3 seconds, so the call was ended.',
      ),
    );
    expect(store.getState().current).toBeNull();
  });

  it('reports quality under the server’s id, and hangs up naming the customer when ICE fails', async () => {
    vi.useFakeTimers();
    const { store, signaling, pc, answer } = await ringing({
      iceGatheringMs: 20,
      noAudioMs: 60_000,
      statsIntervalMs: 1000,
    });
    pc.stats = () => audioStats(50, 50);
    await answer();
    await vi.advanceTimersByTimeAsync(1100);
    expect(signaling.sentOf('call:quality')[0]?.['callId']).toBe('wacid.1');
    pc.moveTo('failed');
    await vi.waitFor(() =>
      expect(store.getState().dialNotice?.message).toBe(
        'The audio connection to the customer failed (the network may block it). The call was ended.',
      ),
    );
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'wacid.1' }]);
  });

  it('answers Messenger’s media_update offers by highest version; WhatsApp takes none', async () => {
    const messenger = setup();
    messenger.signaling.replies['call:dial'] = {
      ok: true,
      callId: 'c_m',
      sdpResponse: metaAnswer(),
    };
    await messenger.calls.dial(MESSENGER, '6124509938127745');
    const offer = (callId: string, version: number) => ({
      callId,
      sdpType: 'offer' as const,
      sdp: META_OFFER,
      version,
    });
    const pc = messenger.peers[0];
    messenger.signaling.emit('call:remote-sdp', offer('c_m', 1));
    messenger.signaling.emit('call:remote-sdp', offer('c_m', 1));
    await vi.waitFor(() => expect(pc?.calls.at(-1)).toBe('setLocalDescription:answer'));
    expect(pc?.calls.filter((c) => c === 'setRemoteDescription:offer')).toHaveLength(1);

    const whatsapp = await ringing();
    whatsapp.signaling.emit('call:remote-sdp', offer('wacid.1', 1));
    await Promise.resolve();
    expect(whatsapp.pc.calls).not.toContain('setRemoteDescription:offer');
    expect(whatsapp.store.getState().current?.callId).toBe('wacid.1');
  });
});
