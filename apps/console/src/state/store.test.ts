import { describe, expect, it } from 'vitest';
import { createAppStore, resetAgentData } from './store';
import { ME, ringingCard } from './testing';
import type { CurrentCall, TransferOffer } from './types';

const current = (callId: string): CurrentCall => ({
  callId,
  channel: 'whatsapp',
  direction: 'inbound',
  caller: { name: 'Rahul' },
  called: { channelId: 'ch1', label: '+1' },
  phase: 'claiming',
  acceptedAt: 0,
  muted: false,
  held: false,
  dtmfSent: '',
});

describe('calls slice', () => {
  it('adds a ringing card once, however often the server re-announces it', () => {
    const store = createAppStore();
    store.getState().ringingAdded(ringingCard('c1'));
    store.getState().ringingAdded(ringingCard('c1', { earlierCalls: 9 }));
    expect(Object.keys(store.getState().ringing)).toEqual(['c1']);
    expect(store.getState().ringing['c1']?.earlierCalls).toBe(0);
  });

  it('never rings the agent’s own call again', () => {
    const store = createAppStore();
    store.getState().callStarted(current('c1'));
    store.getState().ringingAdded(ringingCard('c1'));
    expect(store.getState().ringing).toEqual({});
  });

  it('keeps the first reason a card goes away', () => {
    const store = createAppStore();
    store.getState().ringingAdded(ringingCard('c1'));
    store.getState().ringingNoticed('c1', { kind: 'answered-elsewhere', by: 'Bo' });
    store.getState().ringingNoticed('c1', { kind: 'caller-hung-up' });
    expect(store.getState().ringing['c1']?.notice).toEqual({
      kind: 'answered-elsewhere',
      by: 'Bo',
    });
    store.getState().ringingNoticed('gone', { kind: 'caller-hung-up' });
    expect(store.getState().ringing['gone']).toBeUndefined();
  });

  it('moves an accepted call from ringing to current', () => {
    const store = createAppStore();
    store.getState().ringingAdded(ringingCard('c1'));
    store.getState().ringingAdded(ringingCard('c2'));
    store.getState().callStarted(current('c1'));
    expect(Object.keys(store.getState().ringing)).toEqual(['c2']);
    expect(store.getState().current?.callId).toBe('c1');
  });

  it('changes only the agent’s own call', () => {
    const store = createAppStore();
    store.getState().callStarted(current('c1'));
    store.getState().callPatched('other', { muted: true });
    store.getState().callFinished('other', null);
    expect(store.getState().current?.muted).toBe(false);
    store.getState().callPatched('c1', { muted: true, phase: 'active' });
    expect(store.getState().current).toMatchObject({ muted: true, phase: 'active' });
  });

  it('keeps the keypad display to the last 32 tones', () => {
    const store = createAppStore();
    store.getState().callStarted(current('c1'));
    for (let i = 0; i < 40; i += 1) store.getState().dtmfSent('c1', String(i % 10));
    expect(store.getState().current?.dtmfSent).toHaveLength(32);
    expect(store.getState().current?.dtmfSent.endsWith('9')).toBe(true);
  });

  it('runs a wrap-up from the end of the call to Save', () => {
    const store = createAppStore();
    store.getState().callStarted(current('c1'));
    store.getState().callFinished('c1', {
      callId: 'c1',
      channel: 'whatsapp',
      caller: { name: 'Rahul' },
      outcome: 'completed',
      message: 'The caller hung up.',
      saving: false,
    });
    expect(store.getState().current).toBeNull();
    store.getState().wrapUpSaving('c1');
    expect(store.getState().wrapUp?.saving).toBe(true);
    store.getState().wrapUpFailed('c1', 'Not found.');
    expect(store.getState().wrapUp).toMatchObject({ saving: false, error: 'Not found.' });
    store.getState().wrapUpClosed('c1');
    expect(store.getState().wrapUp).toBeNull();
  });

  it('numbers problems so an old dismiss cannot hide a new one', () => {
    const store = createAppStore();
    store.getState().problemShown('first');
    const first = store.getState().problem?.id ?? -1;
    store.getState().problemShown('second');
    store.getState().problemDismissed(first);
    expect(store.getState().problem?.message).toBe('second');
  });

  it('holds a Call back for the New call form until the form takes it, and only that one', () => {
    const store = createAppStore();
    store.getState().dialNoticed('ended', 'The customer declined.');
    store.getState().dialDrafted({ channelId: 'ch1', to: '+447700900654' });
    const first = store.getState().dialDraft;
    expect(first).toEqual({ channelId: 'ch1', to: '+447700900654' });
    // the last attempt's notice was about another call
    expect(store.getState().dialNotice).toBeNull();
    // the same customer again is a new draft: the form fills in again
    store.getState().dialDrafted({ channelId: 'ch1', to: '+447700900654' });
    const second = store.getState().dialDraft;
    expect(second).not.toBe(first);
    if (!first || !second) throw new Error('drafts expected');
    store.getState().dialDraftTaken(first);
    expect(store.getState().dialDraft).toBe(second);
    store.getState().dialDraftTaken(second);
    expect(store.getState().dialDraft).toBeNull();
  });
});

describe('agent slice', () => {
  it('remembers the agent’s choice when the server says away after a reconnect', () => {
    const store = createAppStore();
    store.getState().statusRequested('available');
    store.getState().statusSettled();
    store.getState().presenceUpdated('away');
    expect(store.getState()).toMatchObject({
      presence: 'away',
      chosen: 'available',
      statusPending: false,
    });
  });
});

describe('devices slice', () => {
  it('falls back to the default when the chosen device disappears', () => {
    const store = createAppStore();
    store
      .getState()
      .devicesListed([{ id: 'mic-a', label: 'Headset' }], [{ id: 'spk', label: 'Speaker' }]);
    store.getState().inputChosen('mic-a');
    store.getState().outputChosen('spk');
    store.getState().devicesListed([], [{ id: 'spk', label: 'Speaker' }]);
    expect(store.getState()).toMatchObject({ inputId: '', outputId: 'spk' });
  });

  it('clears the fix-it message once the microphone works', () => {
    const store = createAppStore();
    store.getState().micChanged('denied', 'Allow it.');
    expect(store.getState().micMessage).toBe('Allow it.');
    store.getState().micChanged('ready', 'ignored');
    expect(store.getState().micMessage).toBeNull();
  });
});

describe('session slice and reset', () => {
  it('forgets everything about the agent on sign-out', () => {
    const store = createAppStore();
    store.getState().signedIn(ME);
    store.getState().ringingAdded(ringingCard('c1'));
    store.getState().micChanged('ready');
    store.getState().dialDrafted({ channelId: 'ch1', to: '+447700900654' });
    resetAgentData(store);
    store.getState().signedOut();
    expect(store.getState()).toMatchObject({
      auth: 'signed-out',
      me: null,
      ringing: {},
      dialDraft: null,
      mic: 'idle',
      tab: 'checking',
    });
    // actions survive the reset
    store.getState().signedIn(ME);
    expect(store.getState().auth).toBe('signed-in');
  });
});

describe('transfers slice', () => {
  const SALES = { channelId: 'ch_sales', name: 'Sales' };
  const offer = (callId: string, queue?: typeof SALES): TransferOffer => ({
    callId,
    mode: 'cold',
    from: { userId: 'u_bo', name: 'Bo Agent' },
    channel: 'whatsapp',
    caller: { name: 'Rahul' },
    called: { channelId: 'ch1', label: '+1' },
    offeredAt: 0,
    accepting: false,
    ...(queue ? { queue } : {}),
  });

  it('keeps the first offer of a call, its queue too, however often it is offered again', () => {
    const store = createAppStore();
    store.getState().transferOffered(offer('c7', SALES));
    store.getState().transferOffered(offer('c7'));
    store.getState().transferAccepting('c7');
    expect(store.getState().transferOffers['c7']).toMatchObject({ queue: SALES, accepting: true });
  });

  it('clears only the transfer of the call it names, to a queue as to a colleague', () => {
    const store = createAppStore();
    store.getState().transferShown({ callId: 'c1', queue: SALES, mode: 'cold', step: 'ringing' });
    store.getState().transferCleared('c2');
    expect(store.getState().transfer).toEqual({
      callId: 'c1',
      queue: SALES,
      mode: 'cold',
      step: 'ringing',
    });
    store.getState().transferCleared('c1');
    expect(store.getState().transfer).toBeNull();
  });

  it('forgets transfers both ways on sign-out', () => {
    const store = createAppStore();
    store.getState().transferShown({ callId: 'c1', queue: SALES, mode: 'cold', step: 'ringing' });
    store.getState().transferOffered(offer('c7', SALES));
    store.getState().transferNoticed('Nobody in the Sales queue took the call');
    resetAgentData(store);
    expect(store.getState()).toMatchObject({
      transfer: null,
      transferOffers: {},
      consult: null,
      transferNotice: null,
    });
  });
});
