import type { CallView } from '@ringside/contracts';
import { describe, expect, it, vi } from 'vitest';
import { inboundMedia } from '../rtc/call-media';
import { META_OFFER } from '../rtc/testing/sdp-samples';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME } from '../state/testing';
import { CallController } from './CallController';
import { anchoredCallView } from './testing/call-views';
import { fakeMicrophones, fakePeerConnections } from './testing/fake-browser';

// the engine's offer of a fresh leg is Meta-shaped (docs/anchor.md): a WhatsApp offer stands in
const ENGINE_OFFER = META_OFFER;
const ANSWERED_AT = 900_000;

/** a page just reloaded: the controller with real call media over a fake browser and server */
function setup() {
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  signaling.replies['call:rejoin'] = { ok: true, sdp: ENGINE_OFFER };
  const { peers, createPeerConnection } = fakePeerConnections();
  const { mics, microphone, microphoneForCall } = fakeMicrophones();
  const offers: string[] = [];
  let now = 1_000_000;
  const calls = new CallController({
    store,
    signaling: signaling.client,
    createInboundMedia: async () => ({ error: 'no ringing calls in these tests' }),
    createOutboundMedia: async () => ({ error: 'not placed in these tests' }),
    // as the console builds it: answered as a WhatsApp ring is
    createRejoinMedia: async (callId, mic, offer) => {
      offers.push(offer);
      return inboundMedia(
        {
          callId,
          microphone: mic,
          audio: { attach: vi.fn(), detach: vi.fn() },
          createPeerConnection,
          timing: { iceGatheringMs: 20, noAudioMs: 60_000, statsIntervalMs: 60_000 },
        },
        'whatsapp',
        offer,
      );
    },
    microphoneForCall,
    takeOffer: () => undefined,
    hangUpOverHttp: vi.fn(),
    now: () => now,
  });
  calls.start();
  /** the server re-announces our call after the reload */
  const announce = (extra: Partial<CallView> = {}) =>
    signaling.emit('call:updated', anchoredCallView('c7', ANSWERED_AT, extra));
  /** until the new leg is the call's media: the engine took our answer */
  const rejoined = () => vi.waitFor(() => expect(calls.session).not.toBeNull());
  /** until the rejoin gave up: the call is offered to be ended */
  const gaveUp = () => vi.waitFor(() => expect(store.getState().current?.phase).toBe('orphaned'));
  return {
    store,
    signaling,
    calls,
    peers,
    mics,
    offers,
    microphone,
    announce,
    rejoined,
    gaveUp,
    advance: (ms: number) => (now += ms),
  };
}

/** a command's acknowledgement held until the test lands it */
function held(
  signaling: ReturnType<typeof fakeSignaling>,
  command: 'call:rejoin' | 'call:rejoin-answer',
) {
  let land: (reply: { ok: true; sdp?: string }) => void = () => undefined;
  signaling.replies[command] = () => new Promise((resolve) => (land = resolve));
  return { land: (reply: { ok: true; sdp?: string }) => land(reply) };
}

describe('an anchored call the page lost its audio of', () => {
  it('is shown at once with its timer, then rejoined: rejoin, then our answer, sending the microphone', async () => {
    const { store, signaling, peers, mics, offers, announce, rejoined } = setup();
    announce();
    expect(store.getState().current).toMatchObject({
      callId: 'c7',
      phase: 'rejoining',
      answeredAt: ANSWERED_AT,
    });
    await rejoined();
    expect(signaling.sent.map((s) => s.event)).toEqual(['call:rejoin', 'call:rejoin-answer']);
    expect(signaling.sentOf('call:rejoin')).toEqual([{ callId: 'c7' }]);
    expect(offers).toEqual([ENGINE_OFFER]);
    const [answer] = signaling.sentOf('call:rejoin-answer');
    expect(answer?.['callId']).toBe('c7');
    expect(answer?.['sdp']).toBe(peers[0]?.localDescription?.sdp);
    expect(String(answer?.['sdp'])).toContain('a=sendrecv');
    // the microphone goes on the leg before the answer is made
    expect(peers[0]?.calls.slice(0, 3)).toEqual([
      'setRemoteDescription:offer',
      'addTrack',
      'createAnswer',
    ]);
    expect(peers[0]?.senders[0]?.track).toBe(mics[0]);
    // the engine's candidates were held back with the offer, and go in once the leg is ours
    expect(peers[0]?.candidates.length).toBeGreaterThan(0);
    expect(store.getState().current?.phase).toBe('rejoining');
    peers[0]?.moveTo('connected');
    expect(store.getState().current).toMatchObject({ callId: 'c7', phase: 'active' });
  });

  it('is then an ordinary call: mute, its media for device switching, a wrap-up timed from the first answer', async () => {
    const { store, signaling, calls, peers, mics, announce, rejoined, advance } = setup();
    announce();
    await rejoined();
    peers[0]?.moveTo('connected');
    expect(calls.session).not.toBeNull();
    calls.toggleMute();
    expect(mics[0]?.enabled).toBe(false);
    expect(store.getState().current?.muted).toBe(true);
    advance(20_000);
    signaling.emit('call:ended', { callId: 'c7', outcome: 'completed' });
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    expect(store.getState().wrapUp).toMatchObject({
      callId: 'c7',
      message: 'The caller hung up.',
      durationSec: 120,
    });
  });

  it('is rejoined once, however often the server re-announces it meanwhile', async () => {
    const { signaling, announce, rejoined } = setup();
    announce();
    announce();
    await rejoined();
    announce();
    expect(signaling.sentOf('call:rejoin')).toHaveLength(1);
    expect(signaling.sentOf('call:rejoin-answer')).toHaveLength(1);
  });
});

describe('an orphaned call that is not rejoined', () => {
  it('is offered to be ended as before when its audio did not run through the engine', async () => {
    const { store, signaling, mics, announce } = setup();
    announce({ anchored: false });
    await Promise.resolve();
    expect(store.getState().current).toMatchObject({ callId: 'c7', phase: 'orphaned' });
    expect(signaling.sent).toEqual([]);
    expect(mics).toEqual([]);
  });

  it('is offered to be ended, with the refusal shown and nothing left open, when the server refuses', async () => {
    const { store, signaling, peers, mics, announce, gaveUp } = setup();
    signaling.replies['call:rejoin'] = {
      ok: false,
      error: { code: 'invalid_state', message: 'Only a call in progress can be rejoined.' },
    };
    announce();
    await gaveUp();
    expect(store.getState().current).toMatchObject({ callId: 'c7', phase: 'orphaned' });
    expect(store.getState().problem?.message).toBe(
      'Your audio for this call could not be reconnected: Only a call in progress can be rejoined.',
    );
    expect(mics[0]?.readyState).toBe('ended');
    expect(peers).toEqual([]);
    expect(signaling.sentOf('call:rejoin-answer')).toEqual([]);
  });

  it('closes the leg and the microphone when the server refuses our answer', async () => {
    const { store, signaling, calls, peers, mics, announce, gaveUp } = setup();
    signaling.replies['call:rejoin-answer'] = {
      ok: false,
      error: { code: 'invalid_payload', message: 'The answer does not send audio.' },
    };
    announce();
    await gaveUp();
    expect(store.getState().current?.phase).toBe('orphaned');
    expect(store.getState().problem?.message).toContain('The answer does not send audio.');
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    expect(calls.session).toBeNull();
    // the offer to end it still ends it
    await calls.hangUp();
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c7' }]);
    expect(store.getState().current).toBeNull();
  });

  it('says why when the engine’s offer cannot be answered, and sends nothing', async () => {
    const { store, signaling, peers, mics, announce, gaveUp } = setup();
    signaling.replies['call:rejoin'] = { ok: true, sdp: 'v=0\r\n' };
    announce();
    await gaveUp();
    expect(store.getState().current?.phase).toBe('orphaned');
    expect(store.getState().problem?.message).toMatch(
      /^Your audio for this call could not be reconnected: .*offer cannot be used/,
    );
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    expect(signaling.sentOf('call:rejoin-answer')).toEqual([]);
  });

  it('says why when the microphone cannot open, and asks the server for nothing', async () => {
    const { store, signaling, microphone, announce, gaveUp } = setup();
    microphone.error = 'The microphone is blocked for this site.';
    announce();
    await gaveUp();
    expect(store.getState().current?.phase).toBe('orphaned');
    expect(store.getState().problem?.message).toContain('The microphone is blocked for this site.');
    expect(signaling.sent).toEqual([]);
  });
});

describe('a call ended while it is being rejoined', () => {
  it('asks for no leg when the customer hung up while the rejoin was in flight', async () => {
    const { store, signaling, peers, mics, announce } = setup();
    const rejoin = held(signaling, 'call:rejoin');
    announce();
    await vi.waitFor(() => expect(signaling.sentOf('call:rejoin')).toHaveLength(1));
    signaling.emit('call:ended', { callId: 'c7', outcome: 'completed' });
    rejoin.land({ ok: true, sdp: ENGINE_OFFER });
    await vi.waitFor(() => expect(mics[0]?.readyState).toBe('ended'));
    expect(peers).toEqual([]);
    expect(signaling.sentOf('call:rejoin-answer')).toEqual([]);
    expect(store.getState().current).toBeNull();
    expect(store.getState().wrapUp).toMatchObject({ callId: 'c7', message: 'The caller hung up.' });
    expect(store.getState().problem).toBeNull();
  });

  it('closes the new leg when the agent hangs up while the answer is in flight', async () => {
    const { store, signaling, calls, peers, mics, announce } = setup();
    const answer = held(signaling, 'call:rejoin-answer');
    announce();
    await vi.waitFor(() => expect(signaling.sentOf('call:rejoin-answer')).toHaveLength(1));
    await calls.hangUp();
    answer.land({ ok: true });
    await vi.waitFor(() => expect(peers[0]?.closed).toBe(true));
    expect(mics[0]?.readyState).toBe('ended');
    expect(signaling.sentOf('call:hangup')).toEqual([{ callId: 'c7' }]);
    expect(store.getState().current).toBeNull();
    expect(store.getState().wrapUp).toMatchObject({ callId: 'c7', message: 'You hung up.' });
    expect(calls.session).toBeNull();
  });
});
