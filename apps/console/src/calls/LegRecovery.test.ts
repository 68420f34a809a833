import type { CallView } from '@ringside/contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { inboundMedia, type MediaParts } from '../rtc/call-media';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import { FakeTrack } from '../rtc/testing/fakes';
import { META_OFFER } from '../rtc/testing/sdp-samples';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME, ringingCard } from '../state/testing';
import { ANCHORED_RECONNECT_MS } from './AgentCall';
import { CallController } from './CallController';
import { anchoredCallView } from './testing/call-views';
import { fakeMicrophones, fakePeerConnections } from './testing/fake-browser';

const LOST = 'The call was lost: the audio connection to the caller dropped and did not come back.';
const OFFLINE = { ok: false, error: { code: 'offline', message: 'Not connected to Ringside.' } };

/** the controller with real call media over a fake browser and a fake server */
function setup() {
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  signaling.replies['call:rejoin'] = { ok: true, sdp: META_OFFER };
  const { peers, createPeerConnection } = fakePeerConnections();
  const { mics, microphoneForCall } = fakeMicrophones();
  const music = new FakeTrack();
  /** when each call:rejoin was sent (fake time) */
  const rejoinsAt: number[] = [];
  const parts = (callId: string, microphone: SessionMicrophone): MediaParts => ({
    callId,
    microphone,
    audio: { attach: vi.fn(), detach: vi.fn() },
    createPeerConnection,
    createHoldMusic: () => ({ track: music as unknown as MediaStreamTrack, stop: vi.fn() }),
    // no stats in these tests: the no-audio watchdog must not end the call while time passes
    timing: { iceGatheringMs: 20, noAudioMs: 600_000, statsIntervalMs: 600_000 },
  });
  const calls = new CallController({
    store,
    signaling: {
      ...signaling.client,
      send: ((event: string, payload: unknown) => {
        if (event === 'call:rejoin') rejoinsAt.push(Date.now());
        return (signaling.client.send as (e: string, p: unknown) => unknown)(event, payload);
      }) as typeof signaling.client.send,
    },
    createInboundMedia: async (card, microphone, offer) =>
      inboundMedia(parts(card.callId, microphone), card.channel, offer),
    createOutboundMedia: async () => ({ error: 'not placed in these tests' }),
    // as the console builds it: the engine's offer is answered as a WhatsApp ring is
    createRejoinMedia: async (callId, microphone, offer) =>
      inboundMedia(parts(callId, microphone), 'whatsapp', offer),
    microphoneForCall,
    takeOffer: () => META_OFFER,
    hangUpOverHttp: vi.fn(),
    now: () => Date.now(),
  });
  calls.start();
  store.getState().ringingAdded(ringingCard('c1'));

  /** the server's view of our call, once the customer and we are talking */
  const view = (extra: Partial<CallView> = {}): CallView =>
    anchoredCallView('c1', Date.now(), extra);
  /** the agent accepted, the server says how the call runs, and the audio is up */
  const talking = async (extra: Partial<CallView> = {}) => {
    await calls.accept('c1');
    signaling.emit('call:updated', view(extra));
    peers[0]?.moveTo('connected');
    expect(store.getState().current?.phase).toBe('active');
  };
  /** until the engine took our answer for fresh leg number `n` (its peer is `peers[n]`) */
  const legTaken = (n: number) =>
    vi.waitFor(() => expect(signaling.sentOf('call:rejoin-answer')).toHaveLength(n));
  return { store, signaling, calls, peers, mics, music, rejoinsAt, view, talking, legTaken };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});

afterEach(() => {
  vi.useRealTimers();
});

describe('an anchored call whose connection to the engine is lost', () => {
  it('stays on screen, reconnecting, and goes on over a fresh leg with a new microphone', async () => {
    const { store, signaling, calls, peers, mics, talking, legTaken } = setup();
    await talking();
    const lostMedia = calls.session;
    peers[0]?.moveTo('failed');
    expect(store.getState().current).toMatchObject({ callId: 'c1', phase: 'rejoining' });
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    expect(calls.session).toBeNull();
    await legTaken(1);
    expect(signaling.sentOf('call:rejoin')).toEqual([{ callId: 'c1' }]);
    expect(signaling.sentOf('call:rejoin-answer')[0]?.['sdp']).toBe(
      peers[1]?.localDescription?.sdp,
    );
    expect(peers[1]?.senders[0]?.track).toBe(mics[1]);
    // not back until its audio is up
    expect(store.getState().current?.phase).toBe('rejoining');
    peers[1]?.moveTo('connected');
    await vi.waitFor(() => expect(store.getState().current?.phase).toBe('active'));
    expect(calls.session).not.toBeNull();
    expect(calls.session).not.toBe(lostMedia);
    expect(mics[1]).toMatchObject({ readyState: 'live', enabled: true });
    expect(signaling.sentOf('call:hangup')).toEqual([]);
    expect(store.getState().wrapUp).toBeNull();
    // and it is the call's media now: hanging up closes it
    await calls.hangUp();
    expect(peers[1]?.closed).toBe(true);
    expect(mics[1]?.readyState).toBe('ended');
    expect(store.getState().wrapUp).toMatchObject({ callId: 'c1', message: 'You hung up.' });
  });

  it('asks for a fresh leg after 5 s of a dropped path, not Meta’s 30 s a direct call waits', async () => {
    const { store, signaling, peers, talking, legTaken } = setup();
    await talking();
    peers[0]?.moveTo('disconnected');
    expect(store.getState().current?.phase).toBe('reconnecting');
    await vi.advanceTimersByTimeAsync(ANCHORED_RECONNECT_MS - 100);
    expect(store.getState().current?.phase).toBe('reconnecting');
    expect(signaling.sentOf('call:rejoin')).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    expect(store.getState().current?.phase).toBe('rejoining');
    expect(peers[0]?.closed).toBe(true);
    await legTaken(1);
  });

  it('keeps a muted agent muted on the fresh leg, from the start', async () => {
    const { store, calls, peers, mics, talking, legTaken } = setup();
    await talking();
    calls.toggleMute();
    peers[0]?.moveTo('failed');
    await legTaken(1);
    expect(mics[1]?.enabled).toBe(false);
    peers[1]?.moveTo('connected');
    await vi.waitFor(() => expect(store.getState().current?.phase).toBe('active'));
    expect(store.getState().current?.muted).toBe(true);
    expect(mics[1]?.enabled).toBe(false);
    calls.toggleMute();
    expect(mics[1]?.enabled).toBe(true);
  });

  it('keeps a held call held: the music, not the microphone, goes on the fresh leg', async () => {
    const { store, calls, peers, mics, music, talking, legTaken } = setup();
    await talking();
    await calls.toggleHold();
    peers[0]?.moveTo('failed');
    await legTaken(1);
    expect(mics[1]?.enabled).toBe(false);
    peers[1]?.moveTo('connected');
    await vi.waitFor(() => expect(peers[1]?.senders[0]?.track).toBe(music));
    expect(store.getState().current).toMatchObject({ phase: 'active', held: true });
    await calls.toggleHold();
    expect(peers[1]?.senders[0]?.track).toBe(mics[1]);
    expect(mics[1]?.enabled).toBe(true);
  });

  it('asks again every 3 s while the network is down, and goes on once a leg connects', async () => {
    const { store, signaling, peers, mics, rejoinsAt, talking, legTaken } = setup();
    let refusals = 2;
    signaling.replies['call:rejoin'] = () =>
      refusals-- > 0 ? OFFLINE : { ok: true, sdp: META_OFFER };
    await talking();
    const lostAt = Date.now();
    peers[0]?.moveTo('failed');
    await vi.advanceTimersByTimeAsync(6_500);
    expect(rejoinsAt.map((at) => at - lostAt)).toEqual([0, 3_000, 6_000]);
    await legTaken(1);
    // the refused attempts left nothing open
    expect(mics.slice(0, 3).map((mic) => mic.readyState)).toEqual(['ended', 'ended', 'ended']);
    expect(store.getState().current?.phase).toBe('rejoining');
    peers[1]?.moveTo('connected');
    await vi.waitFor(() => expect(store.getState().current?.phase).toBe('active'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rejoinsAt).toHaveLength(3);
  });

  it('closes a fresh leg that does not connect, and asks for another 3 s later', async () => {
    const { store, peers, mics, rejoinsAt, talking, legTaken } = setup();
    await talking();
    peers[0]?.moveTo('failed');
    await legTaken(1);
    const failedAt = Date.now();
    // the new network blocks it: ICE gives up before it ever connected
    peers[1]?.moveTo('failed');
    await vi.advanceTimersByTimeAsync(2_900);
    expect(rejoinsAt).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(100);
    expect(rejoinsAt[1]).toBe(failedAt + 3_000);
    await legTaken(2);
    expect(peers[1]?.closed).toBe(true);
    expect(mics[1]?.readyState).toBe('ended');
    expect(store.getState().current?.phase).toBe('rejoining');
    peers[2]?.moveTo('connected');
    await vi.waitFor(() => expect(store.getState().current?.phase).toBe('active'));
    expect(mics[2]?.readyState).toBe('live');
  });

  it('is lost 60 s after the loss when no leg came back: the lost message and a wrap-up', async () => {
    const { store, signaling, peers, mics, rejoinsAt, talking } = setup();
    signaling.replies['call:rejoin'] = OFFLINE;
    await talking();
    peers[0]?.moveTo('failed');
    await vi.advanceTimersByTimeAsync(59_900);
    expect(store.getState().current?.phase).toBe('rejoining');
    expect(signaling.sentOf('call:hangup')).toEqual([]);
    await vi.advanceTimersByTimeAsync(100);
    await vi.waitFor(() =>
      expect(store.getState().wrapUp).toMatchObject({
        callId: 'c1',
        outcome: 'failed',
        message: LOST,
      }),
    );
    expect(store.getState().current).toBeNull();
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }]);
    expect(rejoinsAt).toHaveLength(20);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(rejoinsAt).toHaveLength(20);
    expect(mics.every((mic) => mic.readyState === 'ended')).toBe(true);
  });

  it('closes the leg still connecting when the 60 s run out', async () => {
    const { store, peers, mics, talking, legTaken } = setup();
    await talking();
    peers[0]?.moveTo('failed');
    await legTaken(1);
    // it never connects, nor fails
    await vi.advanceTimersByTimeAsync(60_000);
    await vi.waitFor(() => expect(store.getState().wrapUp?.message).toBe(LOST));
    expect(peers[1]?.closed).toBe(true);
    expect(mics[1]?.readyState).toBe('ended');
    expect(peers).toHaveLength(2);
  });

  it('stops asking when the agent hangs up meanwhile, and ends the call as usual', async () => {
    const { store, signaling, calls, peers, mics, rejoinsAt, talking } = setup();
    signaling.replies['call:rejoin'] = OFFLINE;
    await talking();
    peers[0]?.moveTo('failed');
    await vi.advanceTimersByTimeAsync(4_000);
    expect(rejoinsAt).toHaveLength(2);
    await calls.hangUp();
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }]);
    expect(store.getState().current).toBeNull();
    expect(store.getState().wrapUp).toMatchObject({ callId: 'c1', message: 'You hung up.' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rejoinsAt).toHaveLength(2);
    expect(mics.every((mic) => mic.readyState === 'ended')).toBe(true);
    expect(store.getState().wrapUp?.message).toBe('You hung up.');
  });

  it('closes the leg still connecting when the agent hangs up', async () => {
    const { store, calls, peers, mics, talking, legTaken } = setup();
    await talking();
    peers[0]?.moveTo('failed');
    await legTaken(1);
    await calls.hangUp();
    expect(peers[1]?.closed).toBe(true);
    expect(mics[1]?.readyState).toBe('ended');
    expect(calls.session).toBeNull();
    peers[1]?.moveTo('connected');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(store.getState().current).toBeNull();
    expect(peers).toHaveLength(2);
  });

  it('stops asking when the customer hangs up meanwhile', async () => {
    const { store, signaling, peers, rejoinsAt, talking } = setup();
    signaling.replies['call:rejoin'] = OFFLINE;
    await talking();
    peers[0]?.moveTo('failed');
    await vi.advanceTimersByTimeAsync(1_000);
    signaling.emit('call:ended', { callId: 'c1', outcome: 'completed' });
    expect(store.getState().wrapUp).toMatchObject({ message: 'The caller hung up.' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(rejoinsAt).toHaveLength(1);
    expect(signaling.sentOf('call:hangup')).toEqual([]);
  });

  it('is rejoined again when the fresh leg is lost later', async () => {
    const { store, signaling, calls, peers, talking, legTaken } = setup();
    await talking();
    peers[0]?.moveTo('failed');
    await legTaken(1);
    peers[1]?.moveTo('connected');
    await vi.waitFor(() => expect(store.getState().current?.phase).toBe('active'));
    peers[1]?.moveTo('failed');
    expect(store.getState().current?.phase).toBe('rejoining');
    expect(peers[1]?.closed).toBe(true);
    await legTaken(2);
    peers[2]?.moveTo('connected');
    await vi.waitFor(() => expect(store.getState().current?.phase).toBe('active'));
    expect(signaling.sentOf('call:rejoin')).toHaveLength(2);
    expect(calls.session).not.toBeNull();
  });

  it('is rejoined too when it was taken back after a reload', async () => {
    const { store, signaling, peers, view, legTaken } = setup();
    store.getState().ringingRemoved('c1');
    // a reloaded page: the server re-announces the call, and the page rejoins it
    signaling.emit('call:updated', view());
    await legTaken(1);
    peers[0]?.moveTo('connected');
    await vi.waitFor(() => expect(store.getState().current?.phase).toBe('active'));
    peers[0]?.moveTo('failed');
    expect(store.getState().current?.phase).toBe('rejoining');
    await legTaken(2);
    peers[1]?.moveTo('connected');
    await vi.waitFor(() => expect(store.getState().current?.phase).toBe('active'));
  });
});

describe('a direct call whose connection is lost', () => {
  it('ends as before: a hang-up, the lost message, a wrap-up, and no rejoin', async () => {
    const { store, signaling, peers, talking } = setup();
    await talking({ anchored: undefined });
    peers[0]?.moveTo('failed');
    await vi.waitFor(() =>
      expect(store.getState().wrapUp).toMatchObject({ outcome: 'failed', message: LOST }),
    );
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c1' }]);
    expect(signaling.sentOf('call:rejoin')).toEqual([]);
    expect(store.getState().current).toBeNull();
  });
});
