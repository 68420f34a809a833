// a transfer end to end in one console: the controller's calls with the transfer classes
import type { CallTransferOfferedPayload } from '@ringside/contracts';
import { describe, expect, it, vi } from 'vitest';
import { inboundMedia } from '../rtc/call-media';
import { META_OFFER } from '../rtc/testing/sdp-samples';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME } from '../state/testing';
import { CallController } from './CallController';
import { CallTransfer } from './CallTransfer';
import { ConsultLeg } from './ConsultLeg';
import { anchoredCallView } from './testing/call-views';
import { fakeMicrophones, fakePeerConnections } from './testing/fake-browser';
import { TransferOffers } from './TransferOffers';

// the engine's offers are Meta-shaped (docs/anchor.md): a WhatsApp offer stands in
const ENGINE_OFFER = META_OFFER;
const ANSWERED_AT = 900_000;
const BO = { userId: 'u_bo', name: 'Bo Agent' };

/** one agent's console: calls, transfers both ways, over a fake browser and a fake server */
function console_() {
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  signaling.replies['call:rejoin'] = { ok: true, sdp: ENGINE_OFFER };
  const { peers, createPeerConnection } = fakePeerConnections();
  const { mics, microphoneForCall } = fakeMicrophones();
  const calls = new CallController({
    store,
    signaling: signaling.client,
    createInboundMedia: async () => ({ error: 'no ringing calls in these tests' }),
    createOutboundMedia: async () => ({ error: 'not placed in these tests' }),
    createRejoinMedia: async (callId, mic, offer) =>
      inboundMedia(
        {
          callId,
          microphone: mic,
          audio: { attach: vi.fn(), detach: vi.fn() },
          createPeerConnection,
          timing: { iceGatheringMs: 20, noAudioMs: 60_000, statsIntervalMs: 60_000 },
        },
        'whatsapp',
        offer,
      ),
    microphoneForCall,
    takeOffer: () => undefined,
    hangUpOverHttp: vi.fn(),
    now: () => 1_000_000,
  });
  const transfer = new CallTransfer({
    store,
    signaling: signaling.client,
    handedOver: (callId, words) => calls.handedOver(callId, words),
  });
  const offers = new TransferOffers({
    store,
    signaling: signaling.client,
    consult: new ConsultLeg({
      signaling: signaling.client,
      audio: { attach: vi.fn(), detach: vi.fn() },
      icePaths: async () => ({ iceServers: [], iceTransportPolicy: 'all' }),
      microphone: microphoneForCall,
      createPeerConnection,
    }),
  });
  calls.start();
  transfer.start();
  offers.start();
  return { store, signaling, calls, transfer, offers, peers, mics };
}

/** Bo hands us their call c7 */
const offeredByBo = (mode: 'cold' | 'warm'): CallTransferOfferedPayload => ({
  callId: 'c7',
  mode,
  from: BO,
  call: anchoredCallView('c7', ANSWERED_AT, { agent: BO }),
});

describe('taking a call a colleague transfers', () => {
  it('cold: Accept claims it; the server naming us on it makes it our call in progress, on a fresh leg', async () => {
    const { store, signaling, calls, offers, peers, mics } = console_();
    signaling.emit('call:transfer-offered', offeredByBo('cold'));
    expect(store.getState().transferOffers['c7']).toMatchObject({ from: BO, mode: 'cold' });

    await offers.accept('c7');
    expect(signaling.sentOf('call:transfer-accept')).toEqual([{ callId: 'c7' }]);
    expect(store.getState().transferOffers).toEqual({});
    // nothing else until the server says the call is ours
    expect(store.getState().current).toBeNull();
    expect(peers).toHaveLength(0);

    signaling.emit('call:updated', anchoredCallView('c7', ANSWERED_AT));
    expect(store.getState().current).toMatchObject({
      callId: 'c7',
      phase: 'rejoining',
      anchored: true,
      answeredAt: ANSWERED_AT,
    });
    await vi.waitFor(() => expect(calls.session).not.toBeNull());
    expect(signaling.sent.map((s) => s.event)).toEqual([
      'call:transfer-accept',
      'call:rejoin',
      'call:rejoin-answer',
    ]);
    expect(peers[0]?.senders[0]?.track).toBe(mics[0]);
    peers[0]?.moveTo('connected');
    expect(store.getState().current).toMatchObject({ callId: 'c7', phase: 'active' });
  });

  it('warm: a line with the colleague first, closed when the call becomes ours, which then rejoins', async () => {
    const { store, signaling, calls, offers, peers, mics } = console_();
    signaling.replies['call:transfer-accept'] = { ok: true, sdp: ENGINE_OFFER };
    signaling.emit('call:transfer-offered', offeredByBo('warm'));

    await offers.accept('c7');
    expect(store.getState().consult).toMatchObject({ callId: 'c7', from: BO, phase: 'talking' });
    // the consult is not the agent's call: the controller's rejoin path stays open
    expect(store.getState().current).toBeNull();
    expect(signaling.sentOf('call:transfer-answer')).toEqual([
      { callId: 'c7', sdp: peers[0]?.localDescription?.sdp },
    ]);

    // bo completes: the server names us on the call
    signaling.emit('call:updated', anchoredCallView('c7', ANSWERED_AT));
    expect(store.getState().consult).toBeNull();
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    await vi.waitFor(() => expect(calls.session).not.toBeNull());
    expect(peers).toHaveLength(2);
    expect(signaling.sentOf('call:rejoin')).toEqual([{ callId: 'c7' }]);
    expect(store.getState().current).toMatchObject({ callId: 'c7', anchored: true });
  });
});

describe('handing our call to a colleague', () => {
  /** our anchored call c7, talking */
  async function onACall() {
    const world = console_();
    world.signaling.emit('call:updated', anchoredCallView('c7', ANSWERED_AT));
    await vi.waitFor(() => expect(world.calls.session).not.toBeNull());
    world.peers[0]?.moveTo('connected');
    world.signaling.sent.length = 0;
    return world;
  }

  it('keeps the call’s media while it rings, then ends our part with a wrap-up saying to whom', async () => {
    const { store, signaling, transfer, peers, mics } = await onACall();
    await transfer.transfer('c7', { kind: 'agent', agent: BO }, 'cold');
    expect(signaling.sentOf('call:transfer')).toEqual([
      { callId: 'c7', toUserId: BO.userId, mode: 'cold' },
    ]);
    expect(store.getState().transfer).toMatchObject({ callId: 'c7', step: 'ringing', to: BO });
    expect(peers[0]?.closed).toBe(false);

    signaling.emit('call:transfer-progress', { callId: 'c7', to: BO, state: 'completed' });
    expect(peers[0]?.closed).toBe(true);
    expect(mics[0]?.readyState).toBe('ended');
    expect(store.getState().current).toBeNull();
    expect(store.getState().transfer).toBeNull();
    expect(store.getState().wrapUp).toMatchObject({
      callId: 'c7',
      outcome: 'completed',
      message: 'Transferred to Bo Agent',
    });
    // the call goes on with bo: nothing of ours ends it
    expect(signaling.sentOf('call:hangup')).toEqual([]);
  });

  it('stays ours, media untouched, when the colleague declines', async () => {
    const { store, signaling, transfer, peers, mics } = await onACall();
    await transfer.transfer('c7', { kind: 'agent', agent: BO }, 'warm');
    signaling.emit('call:transfer-progress', { callId: 'c7', to: BO, state: 'declined' });
    expect(store.getState().transfer).toBeNull();
    expect(store.getState().current).toMatchObject({ callId: 'c7', phase: 'active' });
    expect(peers[0]?.closed).toBe(false);
    expect(peers[0]?.senders[0]?.track).toBe(mics[0]);
    expect(store.getState().transferNotice?.message).toBe(
      'Bo Agent declined the transfer: you are back with the customer',
    );
  });
});
