import { describe, expect, it } from 'vitest';
import { createAppStore } from '../state/store';
import { ME } from '../state/testing';
import { placedCall } from './call-records';
import { dialBlockedReason } from './dial-availability';

function ready() {
  const store = createAppStore();
  const state = store.getState();
  state.signedIn(ME);
  state.setTab('owner');
  state.setConnection('connected');
  state.micChanged('ready');
  return store;
}

describe('dialBlockedReason', () => {
  it('lets an agent with a warm microphone, connected, in no call, place a call', () => {
    expect(dialBlockedReason(ready().getState())).toBeNull();
  });

  it('says why not: another tab, no connection, a call in progress, the microphone', () => {
    const store = ready();
    store.getState().setTab('other-tab');
    expect(dialBlockedReason(store.getState())).toBe(
      'Calls are handled in your other tab: call from there.',
    );
    store.getState().setTab('owner');
    store.getState().setConnection('reconnecting');
    expect(dialBlockedReason(store.getState())).toBe('Not connected to Ringside right now.');
    store.getState().setConnection('connected');
    const [whatsapp] = ME.channels;
    if (!whatsapp) throw new Error('ME has a WhatsApp channel');
    store.getState().callStarted(placedCall('local-1', whatsapp, '+447700900123', 0));
    expect(dialBlockedReason(store.getState())).toBe('You are on a call.');
    store.getState().callFinished('local-1', null);
    store.getState().micChanged('denied', 'Blocked');
    expect(dialBlockedReason(store.getState())).toBe(
      'Your microphone is off: choose Available to turn it on.',
    );
  });

  it('says so when no channel is assigned to call from', () => {
    const store = ready();
    store.getState().signedIn({ ...ME, channels: [] });
    expect(dialBlockedReason(store.getState())).toBe('You have no channel to call from.');
  });
});
