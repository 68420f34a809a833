import type { CallTransferOfferedPayload } from '@ringside/contracts';
import { describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../rtc/LocalAudio';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME, ringingCard } from '../state/testing';
import { startedCall } from './call-records';
import type { ConsultRequest } from './ConsultLeg';
import { anchoredCallView } from './testing/call-views';
import { TransferOffers } from './TransferOffers';

const BO = { userId: 'u_bo', name: 'Bo Agent' };
const SALES = { channelId: 'ch_sales', name: 'Sales' };
const ENGINE_OFFER = 'v=0\r\nm=audio 9 UDP/TLS/RTP/SAVPF 111\r\na=mid:audio\r\n';

const offered = (mode: 'cold' | 'warm', callId = 'c7'): CallTransferOfferedPayload => ({
  callId,
  mode,
  from: BO,
  call: anchoredCallView(callId, 900_000, { agent: BO }),
});

/** the consult leg, its joins recorded and answered as a test says */
function fakeConsult() {
  const joins: ConsultRequest[] = [];
  const consult = {
    joins,
    closed: 0,
    result: { ok: true } as Outcome | Promise<Outcome>,
    join: vi.fn(async (request: ConsultRequest) => {
      joins.push(request);
      return consult.result;
    }),
    close: vi.fn(() => void consult.closed++),
  };
  return consult;
}

function harness() {
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  const consult = fakeConsult();
  const offers = new TransferOffers({
    store,
    signaling: signaling.client,
    consult,
    now: () => 1_000_000,
  });
  offers.start();
  return { store, signaling, consult, offers };
}

/** a warm offer accepted: the agent is on the line with bo */
async function consulting() {
  const world = harness();
  world.signaling.replies['call:transfer-accept'] = { ok: true, sdp: ENGINE_OFFER };
  world.signaling.emit('call:transfer-offered', offered('warm'));
  await world.offers.accept('c7');
  return world;
}

describe('TransferOffers', () => {
  it('shows an offered call as a card, from whom, with the customer', () => {
    const { store, signaling } = harness();
    signaling.emit('call:transfer-offered', offered('cold'));
    expect(store.getState().transferOffers).toEqual({
      c7: {
        callId: 'c7',
        mode: 'cold',
        from: BO,
        channel: 'whatsapp',
        caller: { name: 'Rahul', number: '+918097530000' },
        called: { channelId: 'ch1', label: '+91 91299 50000' },
        offeredAt: 1_000_000,
        accepting: false,
      },
    });
  });

  it('shows a call sent to a line’s queue as a card saying which queue', () => {
    const { store, signaling } = harness();
    signaling.emit('call:transfer-offered', { ...offered('cold'), queue: SALES });
    expect(store.getState().transferOffers['c7']).toMatchObject({
      callId: 'c7',
      from: BO,
      queue: SALES,
    });
    // a colleague's own offer names no queue
    signaling.emit('call:transfer-offered', offered('cold', 'c8'));
    expect(store.getState().transferOffers['c8']).not.toHaveProperty('queue');
  });

  it('says nothing when another agent of the queue took the call while Accept was on its way', async () => {
    const { store, signaling, consult, offers } = harness();
    let land: (reply: { ok: false; error: { code: string; message: string } }) => void = () =>
      undefined;
    signaling.replies['call:transfer-accept'] = () => new Promise((resolve) => (land = resolve));
    signaling.emit('call:transfer-offered', { ...offered('warm'), queue: SALES });
    const accepting = offers.accept('c7');
    await vi.waitFor(() => expect(signaling.sentOf('call:transfer-accept')).toHaveLength(1));
    signaling.emit('call:transfer-withdrawn', { callId: 'c7' });
    land({
      ok: false,
      error: { code: 'invalid_state', message: 'This transfer is no longer offered.' },
    });
    await accepting;
    expect(store.getState().transferOffers).toEqual({});
    expect(consult.join).not.toHaveBeenCalled();
    expect(store.getState().problem).toBeNull();
    expect(store.getState().transferNotice).toBeNull();
  });

  it('shows none while the agent has a call of their own', () => {
    const { store, signaling } = harness();
    store.getState().callStarted(startedCall(ringingCard('c1'), 1_000_000));
    signaling.emit('call:transfer-offered', offered('cold'));
    expect(store.getState().transferOffers).toEqual({});
  });

  it('takes the card away when the offer is withdrawn', () => {
    const { store, signaling } = harness();
    signaling.emit('call:transfer-offered', offered('cold'));
    signaling.emit('call:transfer-withdrawn', { callId: 'c7' });
    expect(store.getState().transferOffers).toEqual({});
    expect(store.getState().transferNotice).toBeNull();
  });

  it('Decline: the card goes and the server hears it', async () => {
    const { store, signaling, offers } = harness();
    signaling.emit('call:transfer-offered', offered('cold'));
    await offers.decline('c7');
    expect(signaling.sentOf('call:transfer-decline')).toEqual([{ callId: 'c7' }]);
    expect(store.getState().transferOffers).toEqual({});
  });

  it('cold Accept only claims it: the card goes, no line opens, nothing is the agent’s yet', async () => {
    const { store, signaling, consult, offers } = harness();
    signaling.emit('call:transfer-offered', offered('cold'));
    await offers.accept('c7');
    expect(signaling.sentOf('call:transfer-accept')).toEqual([{ callId: 'c7' }]);
    expect(store.getState().transferOffers).toEqual({});
    expect(consult.join).not.toHaveBeenCalled();
    expect(store.getState().consult).toBeNull();
    expect(store.getState().current).toBeNull();
  });

  it('a refused Accept says why', async () => {
    const { store, signaling, offers } = harness();
    signaling.replies['call:transfer-accept'] = {
      ok: false,
      error: { code: 'invalid_state', message: 'This transfer is no longer offered.' },
    };
    signaling.emit('call:transfer-offered', offered('cold'));
    await offers.accept('c7');
    expect(store.getState().transferOffers).toEqual({});
    expect(store.getState().problem?.message).toBe('This transfer is no longer offered.');
  });

  it('warm Accept opens the line with the engine’s offer and shows it', async () => {
    const { store, consult } = await consulting();
    expect(consult.joins).toMatchObject([{ callId: 'c7', offer: ENGINE_OFFER }]);
    expect(store.getState().consult).toEqual({
      callId: 'c7',
      from: BO,
      caller: { name: 'Rahul', number: '+918097530000' },
      phase: 'talking',
    });
  });

  it('Leave consult closes the line and tells the server', async () => {
    const { store, signaling, consult, offers } = await consulting();
    await offers.leaveConsult();
    expect(consult.closed).toBe(1);
    expect(store.getState().consult).toBeNull();
    expect(signaling.sentOf('call:transfer-decline')).toEqual([{ callId: 'c7' }]);
  });

  it('says the colleague took the call back when the consult is withdrawn', async () => {
    const { store, signaling, consult } = await consulting();
    signaling.emit('call:transfer-withdrawn', { callId: 'c7' });
    expect(consult.closed).toBe(1);
    expect(store.getState().consult).toBeNull();
    expect(store.getState().transferNotice?.message).toBe('Bo Agent took the call back');
    expect(signaling.sentOf('call:transfer-decline')).toEqual([]);
  });

  it('closes the line once the server names the agent on the call, not for another agent', async () => {
    const { store, signaling, consult } = await consulting();
    signaling.emit('call:updated', anchoredCallView('c7', 900_000, { agent: BO }));
    expect(store.getState().consult).not.toBeNull();
    signaling.emit('call:updated', anchoredCallView('c7', 900_000));
    expect(consult.closed).toBe(1);
    expect(store.getState().consult).toBeNull();
    expect(signaling.sentOf('call:transfer-decline')).toEqual([]);
  });

  it('gives the call back, saying why, when the line cannot be opened', async () => {
    const world = harness();
    world.consult.result = { ok: false, message: 'The microphone is blocked.' };
    world.signaling.replies['call:transfer-accept'] = { ok: true, sdp: ENGINE_OFFER };
    world.signaling.emit('call:transfer-offered', offered('warm'));
    await world.offers.accept('c7');
    expect(world.store.getState().consult).toBeNull();
    expect(world.signaling.sentOf('call:transfer-decline')).toEqual([{ callId: 'c7' }]);
    expect(world.store.getState().transferNotice?.message).toBe(
      'The line with your colleague could not be opened: The microphone is blocked.',
    );
  });

  it('leaves, saying so, when the line drops', async () => {
    const { store, signaling, consult } = await consulting();
    consult.joins[0]?.lost();
    await vi.waitFor(() =>
      expect(signaling.sentOf('call:transfer-decline')).toEqual([{ callId: 'c7' }]),
    );
    expect(store.getState().consult).toBeNull();
    expect(store.getState().transferNotice?.message).toBe(
      'The line with Bo Agent dropped: the call stays with them',
    );
  });

  it('stopping closes the line and forgets the cards', async () => {
    const { store, signaling, consult, offers } = harness();
    signaling.replies['call:transfer-accept'] = { ok: true, sdp: ENGINE_OFFER };
    signaling.emit('call:transfer-offered', offered('warm'));
    signaling.emit('call:transfer-offered', offered('cold', 'c8'));
    await offers.accept('c7');
    expect(Object.keys(store.getState().transferOffers)).toEqual(['c8']);

    offers.stop();
    expect(consult.closed).toBe(1);
    expect(store.getState().consult).toBeNull();
    expect(store.getState().transferOffers).toEqual({});
  });

  it('drops its cards when the connection comes back, and shows again those the server re-sends', () => {
    const { store, signaling } = harness();
    signaling.emit('call:transfer-offered', offered('cold', 'c7'));
    signaling.emit('call:transfer-offered', offered('cold', 'c8'));
    // c8 was taken back while the connection was down: its withdrawn never arrived
    signaling.connected(true);
    expect(Object.keys(store.getState().transferOffers)).toEqual([]);
    signaling.emit('call:transfer-offered', offered('cold', 'c7'));
    expect(Object.keys(store.getState().transferOffers)).toEqual(['c7']);
    // the first connection of the page drops nothing
    signaling.connected(false);
    expect(Object.keys(store.getState().transferOffers)).toEqual(['c7']);
  });
});
