import type { CallEvent } from '@ringside/calls';
import { describe, expect, it, vi } from 'vitest';
import { capturedLogger } from '../../testing/test-auth-server';
import type { ChannelListing } from '../../repos/channel-rows';
import type { OverdueCall, OverdueQuery } from '../../repos/overdue-calls';
import type { StuckCall, StuckQuery } from '../../repos/stuck-calls';
import type { Applied } from '../call-engine';
import { createTimerSweep, type TimerSweepOptions } from './timer-sweep';

const NOW = Date.parse('2025-07-01T10:00:00Z');

function overdue(n: number, over: Partial<OverdueCall> = {}): OverdueCall {
  return {
    id: `call-${n}`,
    workspaceId: 'ws',
    channelId: 'ch',
    metaCallId: `wacid.${n}`,
    overdue: 'ring-timeout',
    agentIds: [],
    ...over,
  };
}

/** a sweep over a list of overdue calls, each read once (then acted on); `failing` ones throw */
function sweepOver(
  calls: OverdueCall[],
  options: TimerSweepOptions = {},
  failing = new Set(),
  stuck: StuckCall[] = [],
) {
  const queries: OverdueQuery[] = [];
  const stuckQueries: StuckQuery[] = [];
  const fed: CallEvent[] = [];
  const { logger, lines } = capturedLogger();
  const sweep = createTimerSweep(
    {
      repos: {
        calls: {
          overdueCalls: async (query: OverdueQuery) => {
            queries.push(query);
            return calls.splice(0, query.limit);
          },
          stuckCalls: async (query: StuckQuery) => {
            stuckQueries.push(query);
            return stuck.splice(0, query.limit);
          },
        },
        channels: { getChannel: async () => ({ id: 'ch' }) as ChannelListing },
      } as never,
      feed: async (_channel, event) => {
        if (failing.has(event.callId)) throw new Error('Graph is down');
        fed.push(event);
        return { changed: event.callId !== 'wacid.done' } as Applied;
      },
      clock: () => new Date(NOW),
      logger,
      noPickupMs: 60_000,
    },
    options,
  );
  return { sweep, queries, stuckQueries, fed, lines };
}

describe('timer sweep rounds', () => {
  it('ends claims and conversations past their bounds, naming the claim or answer it saw', async () => {
    const stuck = (n: number, state: StuckCall['state'], since: number): StuckCall => ({
      id: `call-${n}`,
      workspaceId: 'ws',
      channelId: 'ch',
      metaCallId: `wacid.${n}`,
      state,
      since,
    });
    const { sweep, stuckQueries, fed, lines } = sweepOver(
      [],
      { claimBoundMs: 90_000, activeBoundMs: 3_600_000, batch: 5 },
      new Set(),
      [stuck(1, 'claimed', NOW - 95_000), stuck(2, 'active', NOW - 3_700_000)],
    );
    expect(await sweep.runOnce()).toEqual({ found: 2, applied: 2 });
    expect(stuckQueries).toEqual([
      {
        claimedBefore: new Date(NOW - 90_000),
        answeredBefore: new Date(NOW - 3_600_000),
        limit: 5,
      },
    ]);
    expect(fed).toEqual([
      {
        kind: 'call.expired',
        callId: 'wacid.1',
        state: 'claimed',
        since: NOW - 95_000,
        occurredAt: NOW,
      },
      {
        kind: 'call.expired',
        callId: 'wacid.2',
        state: 'active',
        since: NOW - 3_700_000,
        occurredAt: NOW,
      },
    ]);
    expect(lines.filter((l) => l.includes('outlasted its bound'))).toHaveLength(2);
  });

  it('asks for calls overdue by more than the grace, and feeds nothing when none is', async () => {
    const { sweep, queries, fed } = sweepOver([], { graceMs: 1_000, batch: 7 });
    expect(await sweep.runOnce()).toEqual({ found: 0, applied: 0 });
    expect(queries).toEqual([{ before: new Date(NOW - 1_000), noPickupMs: 60_000, limit: 7 }]);
    expect(fed).toEqual([]);
  });

  it('feeds a ring timeout, or the decline of each agent whose turn is over', async () => {
    const { sweep, fed } = sweepOver([
      overdue(1),
      overdue(2, { overdue: 'agent-turn', agentIds: ['u1', 'u2'] }),
      overdue(3, { overdue: 'no-pickup' }),
    ]);
    expect(await sweep.runOnce()).toEqual({ found: 3, applied: 4 });
    expect(fed).toEqual([
      { kind: 'ring.timeout', callId: 'wacid.1', occurredAt: NOW },
      { kind: 'agent.decline', callId: 'wacid.2', agentId: 'u1', occurredAt: NOW },
      { kind: 'agent.decline', callId: 'wacid.2', agentId: 'u2', occurredAt: NOW },
      { kind: 'ring.timeout', callId: 'wacid.3', occurredAt: NOW },
    ]);
  });

  it('counts only what the model applied, and goes on past a call that fails', async () => {
    const { sweep, fed, lines } = sweepOver(
      [overdue(1), overdue(2), { ...overdue(3), metaCallId: 'wacid.done' }],
      {},
      new Set(['wacid.1']),
    );
    expect(await sweep.runOnce()).toEqual({ found: 3, applied: 1 });
    expect(fed.map((e) => e.callId)).toEqual(['wacid.2', 'wacid.done']);
    expect(lines.some((line) => line.includes('timer sweep failed for a call'))).toBe(true);
  });

  it('runs one round at a time', async () => {
    const { sweep, queries } = sweepOver([overdue(1)]);
    const [first, second] = await Promise.all([sweep.runOnce(), sweep.runOnce()]);
    expect(second).toBe(first);
    expect(queries).toHaveLength(1);
  });

  it('sweeps every period once started, and no more once stopped', async () => {
    vi.useFakeTimers();
    try {
      const { sweep, queries } = sweepOver([], { periodMs: 20 });
      sweep.start();
      // jittered 16-24 ms apart: at least 6 rounds in 150 ms, at most 9
      await vi.advanceTimersByTimeAsync(150);
      const rounds = queries.length;
      expect(rounds).toBeGreaterThanOrEqual(6);
      expect(rounds).toBeLessThanOrEqual(9);
      await sweep.stop();
      await vi.advanceTimersByTimeAsync(100);
      expect(queries).toHaveLength(rounds);
    } finally {
      vi.useRealTimers();
    }
  });

  // the jitter at both ends of its range (Math.random 0 and just under 1): periods of 8 s and 12 s
  it.each([
    { random: 0, periodMs: 8_000 },
    { random: 0.9999, periodMs: 11_999.2 },
  ])(
    'follows a full round with another straight away, then waits a period ($periodMs ms)',
    async ({ random, periodMs }) => {
      vi.useFakeTimers();
      vi.spyOn(Math, 'random').mockReturnValue(random);
      try {
        const { sweep, queries } = sweepOver([overdue(1), overdue(2)], {
          periodMs: 10_000,
          batch: 1,
        });
        sweep.start();
        await vi.advanceTimersByTimeAsync(periodMs - 1);
        expect(queries).toHaveLength(0);
        // the first round after a period, two more at once: 1 call, 1 call, none
        await vi.advanceTimersByTimeAsync(10);
        expect(queries).toHaveLength(3);
        // the next a whole period after the round that found nothing, not sooner
        await vi.advanceTimersByTimeAsync(periodMs - 11);
        expect(queries).toHaveLength(3);
        await vi.advanceTimersByTimeAsync(10);
        expect(queries).toHaveLength(4);
        await sweep.stop();
      } finally {
        vi.restoreAllMocks();
        vi.useRealTimers();
      }
    },
  );

  it('refuses a period or batch that is not a positive number', () => {
    expect(() => sweepOver([], { periodMs: 0 })).toThrow(/periodMs must be a positive/);
    expect(() => sweepOver([], { batch: Number.NaN })).toThrow(/batch must be a positive/);
    expect(() => sweepOver([], { graceMs: -1 })).toThrow(/graceMs must be 0 or more/);
  });
});
