import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../ops/logger';
import { createSessionGuard } from './session-bound';
import type { RingsideServer, RingsideSocket } from './socket-types';

/** just enough of a server-side socket for the guard to bind: connected until dropped */
function fakeSocket() {
  const state = { connected: true, drops: 0 };
  const socket = {
    data: { userId: 'u1' },
    get connected() {
      return state.connected;
    },
    use: () => socket,
    once: () => socket,
    disconnect: () => {
      state.connected = false;
      state.drops += 1;
      return socket;
    },
  };
  return { socket: socket as unknown as RingsideSocket, state };
}

function guardWithClock(clock: () => Date) {
  return createSessionGuard({
    io: {} as RingsideServer,
    sessions: { liveSessionIds: async () => new Set(), deleteExpiredSessions: async () => 0 },
    clock,
    logger: createLogger('silent'),
  });
}

describe('the expiry timer of a bound socket', () => {
  beforeEach(() => vi.useFakeTimers({ now: new Date('2026-12-07T09:00:00Z') }));
  afterEach(() => vi.useRealTimers());

  it('drops the socket even when its timer fires before the clock reads the deadline', () => {
    // once armed, the clock reads a millisecond behind the timers, as when Node fires early
    let lag = 0;
    const guard = guardWithClock(() => new Date(Date.now() - lag));
    const { socket, state } = fakeSocket();
    guard.bind(socket, { sessionId: 's1', expiresAt: new Date(Date.now() + 1_500) });
    lag = 1;

    vi.advanceTimersByTime(1_500);
    expect(state.connected).toBe(true);

    vi.advanceTimersByTime(1);
    expect(state.connected).toBe(false);
    expect(state.drops).toBe(1);
  });

  it('keeps the socket until the deadline, and drops it once', () => {
    const guard = guardWithClock(() => new Date());
    const { socket, state } = fakeSocket();
    guard.bind(socket, { sessionId: 's1', expiresAt: new Date(Date.now() + 60_000) });

    vi.advanceTimersByTime(59_999);
    expect(state.connected).toBe(true);

    vi.advanceTimersByTime(10_000);
    expect(state.drops).toBe(1);
  });
});
