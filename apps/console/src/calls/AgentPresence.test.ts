import { describe, expect, it, vi } from 'vitest';
import type { Outcome } from '../rtc/LocalAudio';
import { MIC_UNPLUGGED } from '../rtc/media-errors';
import { fakeSignaling } from '../signaling/testing/fake-signaling';
import { createAppStore } from '../state/store';
import { ME } from '../state/testing';
import { AgentPresence } from './AgentPresence';

function setup(mic: Outcome = { ok: true }) {
  const store = createAppStore();
  store.getState().signedIn(ME);
  const signaling = fakeSignaling();
  const unlock = vi.fn();
  const presence = new AgentPresence({
    store,
    signaling: signaling.client,
    acquireMicrophone: async () => {
      store.getState().micChanged(mic.ok ? 'ready' : 'denied', mic.ok ? null : mic.message);
      return mic;
    },
    unlockFromGesture: unlock,
  });
  presence.start();
  return { store, signaling, presence, unlock };
}

describe('AgentPresence', () => {
  it('goes Available only after unlocking audio and opening the microphone', async () => {
    const { store, signaling, presence, unlock } = setup();
    await presence.choose('available');
    expect(unlock).toHaveBeenCalledOnce();
    expect(signaling.sentOf('agent:set-status')).toEqual([{ status: 'available' }]);
    expect(store.getState()).toMatchObject({ chosen: 'available', statusPending: false });
  });

  it('stays Away, and offered no calls, when the microphone is blocked', async () => {
    const { store, signaling, presence } = setup({
      ok: false,
      message: 'Microphone access is blocked.',
    });
    await presence.choose('available');
    expect(signaling.sentOf('agent:set-status')).toEqual([]);
    expect(store.getState()).toMatchObject({
      chosen: 'away',
      mic: 'denied',
      micMessage: 'Microphone access is blocked.',
    });
  });

  it('goes Away without touching the microphone', async () => {
    const { signaling, presence, unlock } = setup();
    await presence.choose('away');
    expect(unlock).not.toHaveBeenCalled();
    expect(signaling.sentOf('agent:set-status')).toEqual([{ status: 'away' }]);
  });

  it('says so when the server refuses the change', async () => {
    const { store, signaling, presence } = setup();
    signaling.replies['agent:set-status'] = {
      ok: false,
      error: { code: 'offline', message: 'Not connected.' },
    };
    await presence.choose('away');
    expect(store.getState().problem?.message).toBe('Your status did not change: Not connected.');
  });

  it('shows the server’s word for the agent’s own presence only', () => {
    const { store, signaling } = setup();
    signaling.emit('agent:updated', {
      userId: 'someone-else',
      name: 'Bo',
      status: 'busy',
      since: '2026-01-01T00:00:00Z',
    });
    expect(store.getState().presence).toBe('offline');
    signaling.emit('agent:updated', {
      userId: ME.id,
      name: ME.name,
      status: 'busy',
      since: '2026-01-01T00:00:00Z',
    });
    expect(store.getState().presence).toBe('busy');
  });

  it('asks for Available again after a reconnect, when that was the agent’s choice', async () => {
    const { signaling, presence } = setup();
    await presence.choose('available');
    signaling.connected(false);
    signaling.connected(true);
    await vi.waitFor(() => expect(signaling.sentOf('agent:set-status')).toHaveLength(2));
  });

  it('does not make an Away agent available after a reconnect', async () => {
    const { signaling, presence } = setup();
    await presence.choose('away');
    signaling.connected(true);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(signaling.sentOf('agent:set-status')).toEqual([{ status: 'away' }]);
  });

  it('sets the agent Away when the microphone is lost', async () => {
    const { store, signaling, presence } = setup();
    await presence.choose('available');
    await presence.microphoneLost(MIC_UNPLUGGED);
    expect(signaling.sentOf('agent:set-status').at(-1)).toEqual({ status: 'away' });
    expect(store.getState().problem?.message).toBe(MIC_UNPLUGGED.message);
  });
});
