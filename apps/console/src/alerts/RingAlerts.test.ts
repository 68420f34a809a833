import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../state/store';
import { ringingCard } from '../state/testing';
import { RingAlerts } from './RingAlerts';

function setup() {
  const store = createAppStore();
  const outputs = {
    ringtone: { start: vi.fn(), stop: vi.fn() },
    notifier: { show: vi.fn(), close: vi.fn() },
    title: { flash: vi.fn(), stop: vi.fn() },
  };
  const alerts = new RingAlerts(store, outputs);
  alerts.start();
  vi.clearAllMocks();
  return { store, outputs, alerts };
}

describe('RingAlerts', () => {
  it('rings, notifies with the caller and flashes the title while a call rings', () => {
    const { store, outputs } = setup();
    store.getState().ringingAdded(ringingCard('c1'));
    expect(outputs.ringtone.start).toHaveBeenCalled();
    expect(outputs.notifier.show).toHaveBeenCalledWith(
      'c1',
      'Rahul is calling',
      'WhatsApp · +918097530000',
    );
    expect(outputs.title.flash).toHaveBeenCalledWith('Rahul is calling');
  });

  it('notifies once per call', () => {
    const { store, outputs } = setup();
    store.getState().ringingAdded(ringingCard('c1'));
    store
      .getState()
      .ringingAdded(ringingCard('c2', { caller: { psid: '42' }, channel: 'messenger' }));
    expect(outputs.notifier.show).toHaveBeenCalledTimes(2);
    expect(outputs.notifier.show).toHaveBeenLastCalledWith(
      'c2',
      'Messenger user is calling',
      'Messenger · Messenger ID …42',
    );
  });

  it('stops ringing the moment a card says why it goes', () => {
    const { store, outputs } = setup();
    store.getState().ringingAdded(ringingCard('c1'));
    store.getState().ringingNoticed('c1', { kind: 'answered-elsewhere', by: 'Bo' });
    expect(outputs.ringtone.stop).toHaveBeenCalled();
    expect(outputs.notifier.close).toHaveBeenCalledWith('c1');
    expect(outputs.title.stop).toHaveBeenCalled();
  });

  it('does not ring over a call in progress', () => {
    const { store, outputs } = setup();
    store.getState().callStarted({
      callId: 'mine',
      channel: 'whatsapp',
      direction: 'inbound',
      caller: {},
      called: { channelId: 'x', label: 'x' },
      phase: 'active',
      acceptedAt: 0,
      muted: false,
      held: false,
      dtmfSent: '',
    });
    vi.clearAllMocks();
    store.getState().ringingAdded(ringingCard('c2'));
    expect(outputs.ringtone.start).not.toHaveBeenCalled();
    expect(outputs.notifier.show).toHaveBeenCalledOnce();
  });

  it('rings for a call a colleague offers to transfer, until Accept is pressed', () => {
    const { store, outputs } = setup();
    store.getState().transferOffered({
      callId: 'c7',
      mode: 'cold',
      from: { userId: 'u_bo', name: 'Bo Agent' },
      channel: 'whatsapp',
      caller: { name: 'Rahul', number: '+918097530000' },
      called: { channelId: 'ch1', label: '+1' },
      offeredAt: 0,
      accepting: false,
    });
    expect(outputs.ringtone.start).toHaveBeenCalled();
    expect(outputs.notifier.show).toHaveBeenCalledWith(
      'c7',
      'Transfer from Bo Agent',
      'WhatsApp · Rahul',
    );
    expect(outputs.title.flash).toHaveBeenCalledWith('Transfer from Bo Agent');

    store.getState().transferAccepting('c7');
    expect(outputs.ringtone.stop).toHaveBeenCalled();
    expect(outputs.notifier.close).toHaveBeenCalledWith('c7');
  });

  it('goes quiet when stopped', () => {
    const { store, outputs, alerts } = setup();
    store.getState().ringingAdded(ringingCard('c1'));
    alerts.stop();
    expect(outputs.ringtone.stop).toHaveBeenCalled();
    expect(outputs.notifier.close).toHaveBeenCalledWith('c1');
  });
});
