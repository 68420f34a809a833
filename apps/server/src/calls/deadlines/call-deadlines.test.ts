import type { CallEvent } from '@ringside/calls';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../ops/logger';
import type { ChannelRecord } from '../../repos/channel-rows';
import type { CallRow } from '../../repos/calls';
import type { Applied } from '../call-engine';
import { createCallDeadlines } from './call-deadlines';
import { createCallTimers } from './call-timers';

const START = Date.parse('2026-12-07T09:00:00Z');
const channel = {
  id: 'ch',
  workspaceId: 'ws',
  ringTimeoutSec: 45,
  agentTimeoutSec: 15,
} as ChannelRecord;
const row = { id: 'row-1', metaCallId: 'wacid.1', offeredAt: new Date(START) } as CallRow;

/** deadlines on fake timers: the clock is driven by the test, and what they feed is kept */
function drivenDeadlines() {
  const fed: CallEvent[] = [];
  const timers = createCallTimers();
  const deadlines = createCallDeadlines({
    timers,
    clock: () => new Date(),
    logger: createLogger('silent'),
    feed: (_channel, event) => {
      fed.push(event);
      return Promise.resolve({} as Applied);
    },
    repos: {} as never,
    noPickupMs: 60_000,
  });
  return { deadlines, fed, timers };
}

describe('a call’s deadlines, on a driven clock', () => {
  beforeEach(() => vi.useFakeTimers({ now: START }));
  afterEach(() => vi.useRealTimers());

  it('times a ringing call out at the channel’s ring timeout, counted from Meta’s start', () => {
    const { deadlines, fed } = drivenDeadlines();
    vi.advanceTimersByTime(5_000); // the webhook arrived five seconds into the ring
    deadlines.ringing(channel, row);

    vi.advanceTimersByTime(39_999);
    expect(fed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fed).toEqual([{ kind: 'ring.timeout', callId: 'wacid.1', occurredAt: START + 45_000 }]);
  });

  it('an answered call no longer times out; a claimed one ends nobody’s turn', () => {
    const { deadlines, fed } = drivenDeadlines();
    deadlines.ringing(channel, row);
    deadlines.turn(channel, row, 'asha');
    deadlines.claimed(row.id);
    vi.advanceTimersByTime(20_000);
    expect(fed).toEqual([]); // asha's turn would have ended at 15 s

    deadlines.answered(row.id);
    vi.advanceTimersByTime(60_000);
    expect(fed).toEqual([]);
  });

  it('ends one longest-idle turn after the channel’s per-agent timeout, or when told', () => {
    const { deadlines, fed } = drivenDeadlines();
    deadlines.turn(channel, row, 'asha');
    deadlines.turn(channel, row, 'ben', 3_000);
    vi.advanceTimersByTime(15_000);
    expect(fed.map((e) => e.kind === 'agent.decline' && [e.agentId, e.occurredAt])).toEqual([
      ['ben', START + 3_000],
      ['asha', START + 15_000],
    ]);
  });

  it('an ended call stops every deadline it had', () => {
    const { deadlines, fed, timers } = drivenDeadlines();
    deadlines.ringing(channel, row);
    deadlines.turn(channel, row, 'asha');
    deadlines.ended(row.id);
    expect(timers.size).toBe(0);
    vi.advanceTimersByTime(120_000);
    expect(fed).toEqual([]);
  });

  it('a dialed call ends when nobody picks up in time, from when it was dialed', () => {
    const { deadlines, fed } = drivenDeadlines();
    vi.advanceTimersByTime(2_000);
    deadlines.dialed(channel, row);
    vi.advanceTimersByTime(57_999);
    expect(fed).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(fed).toEqual([{ kind: 'ring.timeout', callId: 'wacid.1', occurredAt: START + 60_000 }]);
  });
});
