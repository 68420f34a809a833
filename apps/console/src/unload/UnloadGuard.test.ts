import { describe, expect, it, vi } from 'vitest';
import { createAppStore } from '../state/store';
import type { CallPhase } from '../state/types';
import { UnloadGuard } from './UnloadGuard';

// node's Event has a read-only legacy returnValue; the browser's BeforeUnloadEvent lets it be set
class BeforeUnload extends Event {
  override returnValue = true;
  constructor() {
    super('beforeunload', { cancelable: true });
  }
}

function setup(phase?: CallPhase) {
  const store = createAppStore();
  if (phase) {
    store.getState().callStarted({
      callId: 'c1',
      channel: 'whatsapp',
      direction: 'inbound',
      caller: {},
      called: { channelId: 'x', label: 'x' },
      phase,
      acceptedAt: 0,
      muted: false,
      held: false,
      dtmfSent: '',
    });
  }
  const target = new EventTarget();
  const hangUp = vi.fn();
  const guard = new UnloadGuard({
    store,
    target: target as unknown as Window,
    hangUpOnUnload: hangUp,
  });
  guard.start();
  const beforeUnload = () => {
    const event = new BeforeUnload();
    target.dispatchEvent(event);
    return event;
  };
  return { store, target, hangUp, guard, beforeUnload };
}

describe('UnloadGuard', () => {
  it('asks before closing a tab that is in a call', () => {
    const { beforeUnload } = setup('active');
    expect(beforeUnload().defaultPrevented).toBe(true);
  });

  it('lets a tab without a call close quietly', () => {
    const { beforeUnload, target, hangUp } = setup();
    expect(beforeUnload().defaultPrevented).toBe(false);
    target.dispatchEvent(new Event('pagehide'));
    expect(hangUp).not.toHaveBeenCalled();
  });

  it('ends the call with a keepalive request when the tab closes anyway, once', () => {
    const { target, hangUp } = setup('connecting');
    target.dispatchEvent(new Event('pagehide'));
    target.dispatchEvent(new Event('pagehide'));
    expect(hangUp).toHaveBeenCalledExactlyOnceWith('c1');
  });

  it('leaves a call alone that is already being hung up', () => {
    const { target, hangUp, beforeUnload } = setup('ending');
    expect(beforeUnload().defaultPrevented).toBe(false);
    target.dispatchEvent(new Event('pagehide'));
    expect(hangUp).not.toHaveBeenCalled();
  });

  it('asks before closing while a call is being placed, but has no server id to end yet', () => {
    const { target, hangUp, beforeUnload } = setup('placing');
    expect(beforeUnload().defaultPrevented).toBe(true);
    target.dispatchEvent(new Event('pagehide'));
    expect(hangUp).not.toHaveBeenCalled();
  });

  it('stops listening when stopped', () => {
    const { target, hangUp, guard } = setup('active');
    guard.stop();
    target.dispatchEvent(new Event('pagehide'));
    expect(hangUp).not.toHaveBeenCalled();
  });
});
