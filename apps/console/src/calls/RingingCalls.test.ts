import type { CallRingingPayload } from '@ringside/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME } from '../state/testing';
import { RingingCalls } from './RingingCalls';

const RINGING: CallRingingPayload = {
  callId: 'c1',
  channel: 'whatsapp',
  direction: 'inbound',
  caller: { name: 'Rahul', number: '+918097530000' },
  called: { channelId: 'ch1', label: '+91 91299 50000' },
  earlierCalls: 2,
  ringingSince: '2026-01-01T10:00:00.000Z',
  sdpOffer: 'v=0 offer',
  ringTimeoutMs: 45_000,
};
const T0 = Date.parse(RINGING.ringingSince);

function setup(now = T0 + 5_000) {
  vi.useFakeTimers();
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  const ringing = new RingingCalls({
    store,
    signaling: signaling.client,
    noticeMs: 900,
    now: () => now,
  });
  ringing.start();
  return { store, signaling, ringing };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('RingingCalls', () => {
  it('shows a card with what the agent needs, and keeps the SDP offer out of the store', () => {
    const { store, signaling, ringing } = setup();
    signaling.emit('call:ringing', RINGING);
    expect(store.getState().ringing['c1']).toEqual({
      callId: 'c1',
      channel: 'whatsapp',
      caller: RINGING.caller,
      called: RINGING.called,
      earlierCalls: 2,
      ringingSince: T0,
      ringTimeoutMs: 45_000,
    });
    expect(ringing.takeOffer('c1')).toBe('v=0 offer');
    expect(ringing.takeOffer('c1')).toBeUndefined();
  });

  it('shows a queued caller as such from the ring itself', () => {
    const { store, signaling } = setup();
    signaling.emit('call:ringing', { ...RINGING, waiting: 'queued' });
    expect(store.getState().ringing['c1']?.waiting).toBe('queued');
  });

  it('says who answered when another agent wins, then clears within a second', () => {
    const { store, signaling } = setup();
    signaling.emit('call:ringing', RINGING);
    signaling.emit('call:claimed', { callId: 'c1', by: { userId: 'u_bo', name: 'Bo Agent' } });
    expect(store.getState().ringing['c1']?.notice).toEqual({
      kind: 'answered-elsewhere',
      by: 'Bo Agent',
    });
    vi.advanceTimersByTime(899);
    expect(store.getState().ringing['c1']).toBeDefined();
    vi.advanceTimersByTime(1);
    expect(store.getState().ringing['c1']).toBeUndefined();
  });

  it('ignores the claim this agent made', () => {
    const { store, signaling } = setup();
    signaling.emit('call:ringing', RINGING);
    signaling.emit('call:claimed', { callId: 'c1', by: { userId: ME.id, name: ME.name } });
    expect(store.getState().ringing['c1']?.notice).toBeUndefined();
  });

  it('says the caller hung up when the call ends while ringing', () => {
    const { store, signaling } = setup();
    signaling.emit('call:ringing', RINGING);
    signaling.emit('call:ended', { callId: 'c1', outcome: 'missed' });
    expect(store.getState().ringing['c1']?.notice).toEqual({ kind: 'caller-hung-up' });
    vi.advanceTimersByTime(900);
    expect(store.getState().ringing).toEqual({});
  });

  it('says nobody answered when the ring ran out', () => {
    const { store, signaling } = setup(T0 + 45_000);
    signaling.emit('call:ringing', RINGING);
    signaling.emit('call:ended', { callId: 'c1', outcome: 'missed' });
    expect(store.getState().ringing['c1']?.notice).toEqual({ kind: 'timed-out' });
  });

  it('stops ringing by itself when this agent’s turn passes (longest-idle sends no event)', () => {
    // offered 5 s into the ring with a 15 s turn: the card is due to go 10 s from now
    const { store, signaling } = setup(T0 + 5_000);
    signaling.emit('call:ringing', { ...RINGING, ringTimeoutMs: 15_000 });
    vi.advanceTimersByTime(10_000 + 499);
    expect(store.getState().ringing['c1']?.notice).toBeUndefined();
    vi.advanceTimersByTime(1);
    expect(store.getState().ringing['c1']?.notice).toEqual({
      kind: 'ended',
      text: 'Not answered in time',
    });
    vi.advanceTimersByTime(900);
    expect(store.getState().ringing).toEqual({});
  });

  it('keeps the server’s reason when it comes before the card’s own deadline', () => {
    const { store, signaling } = setup(T0 + 5_000);
    signaling.emit('call:ringing', { ...RINGING, ringTimeoutMs: 15_000 });
    signaling.emit('call:claimed', { callId: 'c1', by: { userId: 'u_bo', name: 'Bo Agent' } });
    vi.advanceTimersByTime(900);
    expect(store.getState().ringing).toEqual({});
    signaling.emit('call:ringing', { ...RINGING, callId: 'c2', ringTimeoutMs: 15_000 });
    vi.advanceTimersByTime(20_000);
    expect(store.getState().ringing['c2']).toBeUndefined();
    expect(store.getState().ringing['c1']).toBeUndefined();
  });

  it('declines: the card goes at once and the server is told', async () => {
    const { store, signaling, ringing } = setup();
    signaling.emit('call:ringing', RINGING);
    await ringing.decline('c1');
    expect(store.getState().ringing).toEqual({});
    expect(signaling.sentOf('call:decline')).toEqual([{ callId: 'c1' }]);
    expect(store.getState().problem).toBeNull();
  });

  it('shows why a decline failed, unless the call was already over', async () => {
    const { store, signaling, ringing } = setup();
    signaling.emit('call:ringing', RINGING);
    signaling.replies['call:decline'] = {
      ok: false,
      error: { code: 'invalid_state', message: 'This call has already ended.' },
    };
    await ringing.decline('c1');
    expect(store.getState().problem).toBeNull();
    signaling.emit('call:ringing', { ...RINGING, callId: 'c2' });
    signaling.replies['call:decline'] = {
      ok: false,
      error: { code: 'offline', message: 'Not connected.' },
    };
    await ringing.decline('c2');
    expect(store.getState().problem?.message).toBe('Could not decline the call: Not connected.');
  });

  it('forgets stale cards after a reconnect, and shows what the server re-announces', () => {
    const { store, signaling, ringing } = setup();
    signaling.emit('call:ringing', RINGING);
    signaling.emit('call:ringing', { ...RINGING, callId: 'c2' });
    signaling.connected(false);
    expect(Object.keys(store.getState().ringing)).toEqual(['c1', 'c2']);
    signaling.connected(true);
    expect(store.getState().ringing).toEqual({});
    expect(ringing.takeOffer('c1')).toBeUndefined();
    signaling.emit('call:ringing', RINGING);
    expect(Object.keys(store.getState().ringing)).toEqual(['c1']);
  });
});
