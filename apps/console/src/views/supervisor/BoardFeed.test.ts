import type {
  AgentView,
  BoardSnapshotPayload,
  CallSummary,
  CallView,
  ServerToClientEvents,
} from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import type { ApiResult } from '../../api/http';
import {
  agentView,
  at,
  callView,
  NO_COUNTERS,
  snapshot,
  summary,
  T0,
} from '../../state/board-testing';
import type { ConnectionState } from '../../state/types';
import { BoardFeed } from './BoardFeed';

type EventName = keyof ServerToClientEvents;

class FakeSignaling {
  state: ConnectionState = 'connected';
  handlers = new Map<EventName, Set<(payload: never) => void>>();
  stateListeners = new Set<(state: ConnectionState) => void>();
  on<E extends EventName>(
    event: E,
    handler: (payload: Parameters<ServerToClientEvents[E]>[0]) => void,
  ) {
    const set = this.handlers.get(event) ?? new Set();
    set.add(handler as (payload: never) => void);
    this.handlers.set(event, set);
    return () => void set.delete(handler as (payload: never) => void);
  }
  onState(listener: (state: ConnectionState) => void) {
    this.stateListeners.add(listener);
    return () => void this.stateListeners.delete(listener);
  }
  emit<E extends EventName>(event: E, payload: Parameters<ServerToClientEvents[E]>[0]) {
    for (const handler of this.handlers.get(event) ?? [])
      (handler as (p: typeof payload) => void)(payload);
  }
  setState(state: ConnectionState) {
    this.state = state;
    for (const listener of this.stateListeners) listener(state);
  }
}

function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const ok = <T>(data: T): ApiResult<T> => ({ ok: true, data });
const refused = (message: string): ApiResult<never> => ({
  ok: false,
  error: { status: 409, code: 'invalid_state', message },
});

function setup(options: { connection?: ConnectionState } = {}) {
  const signaling = new FakeSignaling();
  signaling.state = options.connection ?? 'connected';
  const boards: ReturnType<typeof deferred<ApiResult<BoardSnapshotPayload>>>[] = [];
  const logReads: Date[] = [];
  let log: CallSummary[] = [];
  const timers: { run: () => void; ms: number; cancelled: boolean }[] = [];
  const supervisor = {
    board: () => {
      const next = deferred<ApiResult<BoardSnapshotPayload>>();
      boards.push(next);
      return next.promise;
    },
    endCall: async (_callId: string): Promise<ApiResult<CallView>> => refused('unused'),
    setAway: async (_userId: string): Promise<ApiResult<AgentView>> => refused('unused'),
  };
  const feed = new BoardFeed({
    signaling,
    supervisor,
    callLog: {
      since: async (from) => {
        logReads.push(from);
        return ok({ items: log, complete: true });
      },
    },
    now: () => T0 + 60_000,
    setTimer: (run, ms) => {
      const timer = { run, ms, cancelled: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (handle) => void ((handle as { cancelled: boolean }).cancelled = true),
  });
  const pending = () => timers.filter((t) => !t.cancelled);
  const fire = async (ms: number) => {
    const due = pending().filter((t) => t.ms === ms);
    for (const timer of due) {
      timer.cancelled = true;
      timer.run();
    }
    await flush();
  };
  return {
    signaling,
    supervisor,
    feed,
    boards,
    logReads,
    setLog: (items: CallSummary[]) => (log = items),
    pending,
    fire,
  };
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('BoardFeed', () => {
  it('shows the board from REST when the page opens, with today’s figures from the log', async () => {
    const { feed, boards, logReads, setLog } = setup();
    setLog([
      summary('a', {
        agent: { userId: 'u1', name: 'Asha' },
        answeredAt: at(1_000),
        endedAt: at(61_000),
        durationSec: 60,
      }),
    ]);
    feed.start();
    expect(feed.store.getState().phase).toBe('loading');
    boards[0]?.resolve(
      ok(
        snapshot({
          calls: [callView('c1')],
          agents: [agentView('u1', 'Asha')],
          counters: { ...NO_COUNTERS, answered: 1 },
        }),
      ),
    );
    await flush();
    const state = feed.store.getState();
    expect(state.calls.map((c) => c.id)).toEqual(['c1']);
    expect(state.today).toEqual({
      answeredByAgent: { u1: 1 },
      averageCallMs: 60_000,
      complete: true,
    });
    // today is counted from midnight UTC, like the server's counters
    expect(logReads.map((d) => d.toISOString())).toEqual(['2026-03-02T00:00:00.000Z']);
    feed.stop();
  });

  it('applies events that arrive during the fetch after the older snapshot', async () => {
    const { feed, boards, signaling } = setup();
    feed.start();
    signaling.emit('call:updated', callView('c1', { state: 'active' }));
    signaling.emit('call:ended', { callId: 'c2', outcome: 'missed' });
    boards[0]?.resolve(ok(snapshot({ calls: [callView('c1'), callView('c2')] })));
    await flush();
    expect(feed.store.getState().calls.map((c) => [c.id, c.state])).toEqual([['c1', 'active']]);
    feed.stop();
  });

  it('moves with live events, and re-reads the counters shortly after a call ends', async () => {
    const { feed, boards, signaling, fire, logReads } = setup();
    feed.start();
    boards[0]?.resolve(ok(snapshot()));
    await flush();
    signaling.emit('call:updated', callView('c1'));
    expect(feed.store.getState().calls.map((c) => c.state)).toEqual(['ringing']);
    signaling.emit(
      'agent:updated',
      agentView('u1', 'Asha', { status: 'busy', currentCallId: 'c1' }),
    );
    signaling.emit('call:updated', callView('c1', { state: 'active' }));
    signaling.emit('call:ended', { callId: 'c1', outcome: 'completed' });
    signaling.emit('call:ended', { callId: 'c1', outcome: 'completed' });
    expect(feed.store.getState().calls).toEqual([]);
    expect(boards).toHaveLength(1);

    await fire(300);
    // two endings close together share one read
    expect(boards).toHaveLength(2);
    boards[1]?.resolve(ok(snapshot({ counters: { ...NO_COUNTERS, answered: 1 } })));
    await flush();
    expect(feed.store.getState().counters?.answered).toBe(1);
    expect(logReads).toHaveLength(2);
    feed.stop();
  });

  it('reads today’s log again only when the server’s totals moved', async () => {
    const { feed, boards, logReads } = setup();
    feed.start();
    boards[0]?.resolve(ok(snapshot()));
    await flush();
    void feed.resync();
    boards[1]?.resolve(ok(snapshot()));
    await flush();
    expect(logReads).toHaveLength(1);
    feed.stop();
  });

  it('takes the server’s counters between snapshots (a callback done moves no call)', async () => {
    const { feed, boards, signaling } = setup();
    feed.start();
    boards[0]?.resolve(ok(snapshot()));
    await flush();
    const counters = {
      ...snapshot().counters,
      callbacksWaiting: 0,
      oldestCallbackWaitingSince: null,
    };
    signaling.emit('board:counters', { ...counters, callbacksWaiting: 1 });
    expect(feed.store.getState().counters?.callbacksWaiting).toBe(1);
    signaling.emit('board:counters', counters);
    expect(feed.store.getState().counters?.callbacksWaiting).toBe(0);
    feed.stop();
  });

  it('replaces the board with the snapshot a reconnect brings', async () => {
    const { feed, boards, signaling } = setup();
    feed.start();
    boards[0]?.resolve(ok(snapshot({ calls: [callView('gone')] })));
    await flush();
    signaling.emit(
      'board:snapshot',
      snapshot({ calls: [callView('new')], agents: [agentView('u1', 'Asha')] }),
    );
    expect(feed.store.getState().calls.map((c) => c.id)).toEqual(['new']);
    expect(feed.store.getState().agents.map((a) => a.name)).toEqual(['Asha']);
    feed.stop();
  });

  it('re-reads on a timer while there is no live connection, and stops once it is back', async () => {
    const { feed, boards, signaling, fire, pending } = setup({ connection: 'idle' });
    feed.start();
    boards[0]?.resolve(ok(snapshot()));
    await flush();
    await fire(5_000);
    expect(boards).toHaveLength(2);
    boards[1]?.resolve(ok(snapshot({ calls: [callView('c1')] })));
    await flush();
    expect(feed.store.getState().calls).toHaveLength(1);
    expect(pending().map((t) => t.ms)).toEqual([5_000]);
    signaling.setState('connected');
    expect(pending()).toEqual([]);
    feed.stop();
  });

  it('ends a call and sets an agent Away, showing the result at once', async () => {
    const { feed, boards, supervisor } = setup();
    feed.start();
    boards[0]?.resolve(
      ok(
        snapshot({
          calls: [callView('c1', { state: 'active' })],
          agents: [agentView('u1', 'Asha')],
        }),
      ),
    );
    await flush();
    supervisor.endCall = async () => ok(callView('c1', { state: 'ended', outcome: 'completed' }));
    supervisor.setAway = async () => ok(agentView('u1', 'Asha', { status: 'away' }));
    expect((await feed.endCall('c1')).ok).toBe(true);
    expect(feed.store.getState().calls).toEqual([]);
    expect((await feed.setAway('u1')).ok).toBe(true);
    expect(feed.store.getState().agents[0]?.status).toBe('away');
    feed.stop();
  });

  it('keeps the call when ending it is refused, and says why', async () => {
    const { feed, boards, supervisor } = setup();
    feed.start();
    boards[0]?.resolve(ok(snapshot({ calls: [callView('c1')] })));
    await flush();
    supervisor.endCall = async () => refused('This call has already ended.');
    const ended = await feed.endCall('c1');
    expect(ended).toMatchObject({ ok: false, error: { message: 'This call has already ended.' } });
    expect(feed.store.getState().calls).toHaveLength(1);
    feed.stop();
  });

  it('says why the board could not be read', async () => {
    const { feed, boards } = setup();
    feed.start();
    boards[0]?.resolve({
      ok: false,
      error: { status: 403, code: 'forbidden', message: 'You are not allowed to do that.' },
    });
    await flush();
    expect(feed.store.getState()).toMatchObject({
      phase: 'error',
      error: 'You are not allowed to do that.',
    });
    feed.stop();
  });

  it('hears nothing and schedules nothing after stop', async () => {
    const { feed, boards, signaling, pending } = setup({ connection: 'reconnecting' });
    feed.start();
    feed.stop();
    signaling.emit('call:updated', callView('c1'));
    signaling.emit('call:ended', { callId: 'c2', outcome: 'missed' });
    boards[0]?.resolve(ok(snapshot({ calls: [callView('c3')] })));
    await flush();
    expect(feed.store.getState().calls).toEqual([]);
    expect(pending()).toEqual([]);
  });
});
