import { afterEach, describe, expect, it, vi } from 'vitest';
import { inboundMedia } from '../rtc/call-media';
import { FakePeerConnection, FakeTrack } from '../rtc/testing/fakes';
import { chromiumSdp, META_OFFER, metaAnswer } from '../rtc/testing/sdp-samples';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME, ringingCard } from '../state/testing';
import { CallController } from './CallController';
import { fakeMicrophones } from './testing/fake-browser';

/** the controller with real call media over a fake browser and a fake server */
function setup() {
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  const peers: FakePeerConnection[] = [];
  const { mics, microphoneForCall } = fakeMicrophones();
  const music = new FakeTrack();
  const browser = { recvonlyAnswer: false };
  const overHttp = vi.fn();
  let now = 1_000_000;
  const calls = new CallController({
    store,
    signaling: signaling.client,
    createInboundMedia: async (card, microphone, offer) =>
      inboundMedia(
        {
          callId: card.callId,
          microphone,
          audio: { attach: vi.fn(), detach: vi.fn() },
          createPeerConnection: () => {
            const pc = new FakePeerConnection();
            // a browser that created the answer before the track was added
            if (browser.recvonlyAnswer) pc.nextAnswerSdp = chromiumSdp('answer');
            peers.push(pc);
            return pc as unknown as RTCPeerConnection;
          },
          createHoldMusic: () => ({ track: music as unknown as MediaStreamTrack, stop: vi.fn() }),
          timing: { iceGatheringMs: 20, noAudioMs: 60_000, statsIntervalMs: 60_000 },
        },
        card.channel,
        offer,
      ),
    // placing calls has its own tests (OutboundCall.test.ts)
    createOutboundMedia: async () => ({ error: 'not placed in these tests' }),
    // rejoining an anchored call has its own tests (RejoinedCall.test.ts)
    createRejoinMedia: async () => ({ error: 'not rejoined in these tests' }),
    microphoneForCall,
    takeOffer: (callId) => (callId.startsWith('m') ? undefined : META_OFFER),
    hangUpOverHttp: overHttp,
    resyncGraceMs: 3000,
    now: () => now,
  });
  calls.start();
  store.getState().ringingAdded(ringingCard('c1'));
  /** the call's audio connects: with Meta's accept, the call is live */
  const connect = (index = 0) => peers[index]?.moveTo('connected');
  return {
    store,
    signaling,
    calls,
    peers,
    mics,
    music,
    browser,
    overHttp,
    connect,
    advance: (ms: number) => (now += ms),
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('CallController', () => {
  it('claims the call, then sends the prepared SDP, and follows the media’s phases', async () => {
    const { store, signaling, calls, mics, connect } = setup();
    await calls.accept('c1');
    expect(signaling.sent.map((s) => s.event)).toEqual(['call:accept', 'call:answer']);
    expect(signaling.sentOf('call:accept')).toEqual([{ callId: 'c1' }]);
    const [answer] = signaling.sentOf('call:answer');
    expect(answer?.['callId']).toBe('c1');
    expect(String(answer?.['sdp'])).toContain('a=sendrecv');
    expect(mics[0]?.readyState).toBe('live');
    expect(store.getState().ringing).toEqual({});
    expect(store.getState().current).toMatchObject({ callId: 'c1', phase: 'connecting' });
    connect();
    expect(store.getState().current?.phase).toBe('active');
  });

  it('holds Meta’s ICE candidates back until the claim is won', async () => {
    const { signaling, calls, peers } = setup();
    let land: (value: { ok: true }) => void = () => undefined;
    signaling.replies['call:accept'] = () => new Promise((resolve) => (land = resolve));
    const accepting = calls.accept('c1');
    await vi.waitFor(() => expect(peers[0]?.calls).toContain('setLocalDescription:answer'));
    // the answer is ready while the claim is in flight: the browser has nowhere to send a check
    expect(peers[0]?.calls).not.toContain('addIceCandidate');
    land({ ok: true });
    await accepting;
    expect(peers[0]?.candidates.length).toBeGreaterThan(0);
    expect(signaling.sentOf('call:answer')).toHaveLength(1);
  });

  it('ends the call in the server’s words when Meta refuses our answer', async () => {
    const { store, signaling, calls, peers } = setup();
    signaling.replies['call:answer'] = {
      ok: false,
      error: { code: 'meta_error', message: 'Meta refused the answer.' },
    };
    await calls.accept('c1');
    await vi.waitFor(() =>
      expect(store.getState().problem?.message).toBe('Meta refused the answer.'),
    );
    // it reached Meta: hang up rather than give the call back
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }]);
    expect(signaling.sentOf('call:decline')).toEqual([]);
    expect(peers[0]?.closed).toBe(true);
    expect(store.getState().current).toBeNull();
  });

  it('shows who won when the claim is lost, and drops the prepared media', async () => {
    const { store, signaling, calls, peers, mics } = setup();
    signaling.replies['call:accept'] = {
      ok: false,
      error: { code: 'already_claimed', message: 'Bo Agent answered this call.' },
    };
    await calls.accept('c1');
    expect(peers[0]?.closed).toBe(true);
    expect(peers[0]?.calls).not.toContain('addIceCandidate');
    expect(mics[0]?.readyState).toBe('ended');
    expect(signaling.sentOf('call:answer')).toEqual([]);
    expect(store.getState().current).toBeNull();
    expect(store.getState().problem?.message).toBe('Bo Agent answered this call.');
  });

  it('gives the call back (decline) when our SDP failed its check, and says why', async () => {
    const { store, signaling, calls, browser } = setup();
    browser.recvonlyAnswer = true;
    await calls.accept('c1');
    await vi.waitFor(() => expect(store.getState().problem).not.toBeNull());
    expect(signaling.sentOf('call:decline')).toEqual([{ callId: 'c1' }]);
    expect(signaling.sentOf('call:answer')).toEqual([]);
    expect(signaling.sentOf('call:hangup')).toEqual([]);
    expect(store.getState().current).toBeNull();
    expect(store.getState().problem?.message).toContain('microphone track missing from the answer');
  });

  it('ends a call that lost its audio mid-way with a hang-up, and keeps the wrap-up', async () => {
    const { store, signaling, calls, peers, connect } = setup();
    await calls.accept('c1');
    connect();
    peers[0]?.moveTo('failed');
    await vi.waitFor(() =>
      expect(store.getState().wrapUp).toMatchObject({
        callId: 'c1',
        outcome: 'failed',
        message:
          'The call was lost: the audio connection to the caller dropped and did not come back.',
      }),
    );
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }]);
  });

  it('keeps the loss in its own words when the server’s end arrives while it hangs up', async () => {
    const { store, signaling, calls, peers, connect } = setup();
    await calls.accept('c1');
    connect();
    let land: (value: { ok: true }) => void = () => undefined;
    signaling.replies['call:hangup'] = () => new Promise((resolve) => (land = resolve));
    peers[0]?.moveTo('disconnected');
    peers[0]?.moveTo('failed');
    // meta noticed too: its end reaches the console while our hang-up is in flight
    signaling.emit('call:ended', { callId: 'c1', outcome: 'completed' });
    land({ ok: true });
    await vi.waitFor(() =>
      expect(store.getState().wrapUp).toMatchObject({
        outcome: 'failed',
        message:
          'The call was lost: the audio connection to the caller dropped and did not come back.',
      }),
    );
  });

  it('says Reconnecting… while the path is down, and Connected once it is back', async () => {
    const { store, signaling, calls, peers, connect } = setup();
    await calls.accept('c1');
    connect();
    peers[0]?.moveTo('disconnected');
    expect(store.getState().current?.phase).toBe('reconnecting');
    peers[0]?.moveTo('connected');
    expect(store.getState().current?.phase).toBe('active');
    expect(signaling.sentOf('call:hangup')).toEqual([]);
  });

  it('gives a call up for lost when its path stays down for Meta’s 30 s, and says so', async () => {
    vi.useFakeTimers();
    const { store, signaling, calls, peers, connect } = setup();
    await calls.accept('c1');
    connect();
    peers[0]?.moveTo('disconnected');
    await vi.advanceTimersByTimeAsync(29_000);
    expect(store.getState().current?.phase).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.waitFor(() =>
      expect(store.getState().wrapUp).toMatchObject({
        outcome: 'failed',
        message:
          'The call was lost: the audio connection to the caller dropped and did not come back within 30 seconds.',
      }),
    );
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }]);
  });

  it('calls it lost, not Meta’s error, when Meta ends a call whose path is down', async () => {
    const { store, signaling, calls, peers, connect } = setup();
    await calls.accept('c1');
    connect();
    peers[0]?.moveTo('disconnected');
    signaling.emit('call:ended', {
      callId: 'c1',
      outcome: 'failed',
      metaError: { code: 138021, meaning: 'No media' },
    });
    expect(store.getState().wrapUp?.message).toBe(
      'The call was lost: the connection dropped and did not come back in time.',
    );
  });

  it('hangs up: tells the server, closes the media, and opens the wrap-up', async () => {
    const { store, signaling, calls, peers, mics, advance } = setup();
    await calls.accept('c1');
    signaling.emit('call:updated', {
      id: 'c1',
      channel: 'whatsapp',
      direction: 'inbound',
      state: 'active',
      agent: { userId: ME.id, name: ME.name },
      caller: { name: 'Rahul' },
      called: { channelId: 'ch1', label: '+1' },
      answeredAt: new Date(1_000_000).toISOString(),
    });
    advance(65_000);
    await calls.hangUp();
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }]);
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    expect(store.getState().wrapUp).toMatchObject({
      callId: 'c1',
      message: 'You hung up.',
      durationSec: 65,
    });
  });

  it('ends the call over HTTP when the socket is down', async () => {
    const { signaling, calls, overHttp } = setup();
    await calls.accept('c1');
    signaling.replies['call:hangup'] = {
      ok: false,
      error: { code: 'offline', message: 'Not connected.' },
    };
    await calls.hangUp();
    expect(overHttp).toHaveBeenCalledWith('c1');
  });

  it('opens the wrap-up saying the caller hung up', async () => {
    const { store, signaling, calls, peers, connect } = setup();
    await calls.accept('c1');
    connect();
    signaling.emit('call:ended', { callId: 'c1', outcome: 'completed' });
    expect(peers[0]?.closed).toBe(true);
    expect(store.getState().wrapUp?.message).toBe('The caller hung up.');
  });

  it('tells the agent, without a wrap-up, when a call ends before it connected', async () => {
    const { store, signaling, calls } = setup();
    await calls.accept('c1');
    signaling.emit('call:ended', {
      callId: 'c1',
      outcome: 'failed',
      metaError: { code: 138007, meaning: 'Connect timeout' },
    });
    expect(store.getState().wrapUp).toBeNull();
    expect(store.getState().problem?.message).toBe(
      'The call ended with an error from Meta: Connect timeout',
    );
  });

  it('mutes, holds and sends tones through the media and shows it', async () => {
    const { store, calls, peers, mics, music } = setup();
    await calls.accept('c1');
    calls.toggleMute();
    await calls.toggleHold();
    calls.sendDtmf('5');
    expect(mics[0]?.enabled).toBe(false);
    expect(peers[0]?.senders[0]?.track).toBe(music);
    expect(peers[0]?.senders[0]?.dtmf.inserted.map((d) => d.tones)).toEqual(['5']);
    expect(store.getState().current).toMatchObject({ muted: true, held: true, dtmfSent: '5' });
  });

  it('offers to end a call the server has for us but this page has no audio for', () => {
    const { store, signaling } = setup();
    signaling.emit('call:updated', {
      id: 'c9',
      channel: 'messenger',
      direction: 'inbound',
      state: 'active',
      agent: { userId: ME.id, name: ME.name },
      caller: { psid: '123' },
      called: { channelId: 'ch2', label: 'Page' },
    });
    expect(store.getState().current).toMatchObject({ callId: 'c9', phase: 'orphaned' });
  });

  it('lets the call go when the server does not re-announce it after a reconnect', async () => {
    vi.useFakeTimers();
    const { store, signaling, calls, connect } = setup();
    await calls.accept('c1');
    connect();
    signaling.connected(true);
    await vi.advanceTimersByTimeAsync(3000);
    expect(store.getState().current).toBeNull();
    expect(store.getState().wrapUp?.message).toBe(
      'The call ended while the connection to Ringside was down.',
    );
  });

  it('keeps the call when the server re-announces it after a reconnect', async () => {
    vi.useFakeTimers();
    const { store, signaling, calls } = setup();
    await calls.accept('c1');
    signaling.connected(true);
    signaling.emit('call:updated', {
      id: 'c1',
      channel: 'whatsapp',
      direction: 'inbound',
      state: 'active',
      agent: { userId: ME.id, name: ME.name },
      caller: { name: 'Rahul' },
      called: { channelId: 'ch1', label: '+1' },
    });
    await vi.advanceTimersByTimeAsync(3000);
    expect(store.getState().current?.callId).toBe('c1');
  });

  it('does not accept a call whose card already says it is gone', async () => {
    const { store, signaling, calls } = setup();
    store.getState().ringingNoticed('c1', { kind: 'caller-hung-up' });
    await calls.accept('c1');
    expect(signaling.sentOf('call:accept')).toEqual([]);
  });
});

describe('CallController, hanging up while the claim is in flight', () => {
  it('ends the call once the claim lands', async () => {
    const { signaling, calls } = setup();
    let land: (value: { ok: true }) => void = () => undefined;
    signaling.replies['call:accept'] = () => new Promise((resolve) => (land = resolve));
    const accepting = calls.accept('c1');
    await vi.waitFor(() => expect(signaling.sentOf('call:accept')).toHaveLength(1));
    await calls.hangUp();
    land({ ok: true });
    await accepting;
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }, { callId: 'c1' }]);
    expect(signaling.sentOf('call:answer')).toEqual([]);
  });
});

describe('accepting a Messenger call', () => {
  function messenger() {
    const world = setup();
    world.store.getState().ringingAdded(ringingCard('m1', { channel: 'messenger' }));
    return world;
  }

  it('offers, then applies the answer and the new offer Meta’s accept carries', async () => {
    const { store, signaling, calls, peers, connect } = messenger();
    signaling.replies['call:answer'] = {
      ok: true,
      sdpResponse: metaAnswer('actpass'),
      sdpRenegotiation: META_OFFER,
    };
    await calls.accept('m1');
    expect(String(signaling.sentOf('call:answer')[0]?.['sdp'])).toContain('a=setup:actpass');
    expect(peers[0]?.calls.slice(0, 3)).toEqual([
      'addTrack',
      'createOffer',
      'setLocalDescription:offer',
    ]);
    await vi.waitFor(() => expect(peers[0]?.calls.at(-1)).toBe('setLocalDescription:answer'));
    expect(peers[0]?.calls).toContain('setRemoteDescription:answer');
    connect();
    expect(store.getState().current).toMatchObject({ callId: 'm1', phase: 'active' });
  });

  it('ends the call clearly when Meta accepted without an answer', async () => {
    const { store, signaling, calls } = messenger();
    signaling.replies['call:answer'] = { ok: true };
    await calls.accept('m1');
    await vi.waitFor(() =>
      expect(store.getState().problem?.message).toBe(
        'Messenger accepted the call without an SDP answer.',
      ),
    );
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'm1' }]);
    expect(store.getState().current).toBeNull();
  });

  it('answers a later media_update offer by its version', async () => {
    const { signaling, calls, peers } = messenger();
    signaling.replies['call:answer'] = { ok: true, sdpResponse: metaAnswer() };
    await calls.accept('m1');
    const update = (version: number) =>
      signaling.emit('call:remote-sdp', {
        callId: 'm1',
        sdpType: 'offer',
        sdp: META_OFFER,
        version,
      });
    update(2);
    update(1);
    await vi.waitFor(() => expect(peers[0]?.calls.at(-1)).toBe('setLocalDescription:answer'));
    expect(peers[0]?.calls.filter((c) => c === 'setRemoteDescription:offer')).toHaveLength(1);
  });
});
