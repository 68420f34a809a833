import { randomUUID } from 'node:crypto';
import {
  transition,
  type AgentClaimCommand,
  type Call,
  type DialingCall,
  type RingTimeoutCommand,
} from '@ringside/calls';
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import type { OverdueQuery } from './overdue-calls';
import { ringingCall, seedWorkspace, storeCall, testRepos } from '../testing/test-seed';

const T0 = Date.parse('2025-07-01T10:00:00Z');
const at = (ms: number) => new Date(T0 + ms);
const NO_PICKUP_MS = 60_000;

describe.each(ENGINES)('overdue call timers on %s', (engine) => {
  const database = useTestDatabase(engine);

  /** a workspace whose channel rings 30 s, 10 s per longest-idle turn, and what is overdue there */
  async function workspace(roles: readonly 'agent'[] = ['agent']) {
    const repos = testRepos(database().db, engine);
    const seeded = await seedWorkspace(repos, roles);
    await repos.channels.updateChannel(seeded.workspaceId, seeded.channel.id, {
      ringTimeoutSec: 30,
      agentTimeoutSec: 10,
    });
    const overdueAt = async (ms: number, query: Partial<OverdueQuery> = {}) =>
      (
        await repos.calls.overdueCalls({
          before: at(ms),
          noPickupMs: NO_PICKUP_MS,
          limit: 100,
          ...query,
        })
      ).filter((call) => call.workspaceId === seeded.workspaceId);
    return { repos, seeded, overdueAt };
  }

  it('finds a call ringing past its channel’s ring timeout, not a moment before', async () => {
    const { repos, seeded, overdueAt } = await workspace();
    const ringing = ringingCall({ offeredAt: T0, agentsOffered: [seeded.users[0]!.id] });
    const id = await storeCall(repos, seeded, ringing);

    expect(await overdueAt(29_999)).toEqual([]);
    expect(await overdueAt(30_000)).toEqual([
      {
        id,
        workspaceId: seeded.workspaceId,
        channelId: seeded.channel.id,
        metaCallId: ringing.id,
        overdue: 'ring-timeout',
        agentIds: [],
      },
    ]);
  });

  it('finds a longest-idle call whose agent’s turn is over, counted from their latest offer', async () => {
    const { repos, seeded, overdueAt } = await workspace(['agent', 'agent']);
    const [first, second] = seeded.users.map((user) => user.id);
    // offered to `first` 5 s in: the turn ends at 15 s
    const offeredLate = ringingCall({
      offeredAt: T0,
      strategy: 'longest-idle',
      agentsOffered: [first!],
    });
    const lateId = await storeCall(repos, seeded, offeredLate);
    await repos.calls.appendCallEvent(database().db, {
      callId: lateId,
      workspaceId: seeded.workspaceId,
      kind: 'ring.offered',
      data: { agentIds: [first], strategy: 'longest-idle' },
      occurredAt: at(5_000),
    });
    // no timeline entry names `second`: their turn counts from the call's start (ends at 12 s)
    const unlisted = ringingCall({
      offeredAt: T0 + 2_000,
      strategy: 'longest-idle',
      agentsOffered: [second!],
    });
    const unlistedId = await storeCall(repos, seeded, unlisted);

    expect(await overdueAt(11_999)).toEqual([]);
    expect(await overdueAt(12_000)).toMatchObject([
      { id: unlistedId, overdue: 'agent-turn', agentIds: [second] },
    ]);
    expect(await overdueAt(15_000)).toMatchObject([
      { id: lateId, overdue: 'agent-turn', agentIds: [first] },
      { id: unlistedId, overdue: 'agent-turn', agentIds: [second] },
    ]);
    // past the ring timeout the whole call is over, not only a turn
    expect(await overdueAt(32_000)).toMatchObject([
      { id: lateId, overdue: 'ring-timeout', agentIds: [] },
      { id: unlistedId, overdue: 'ring-timeout', agentIds: [] },
    ]);
  });

  it('leaves a longest-idle call ringing for nobody, and ring-all calls, to the ring timeout', async () => {
    const { repos, seeded, overdueAt } = await workspace();
    await storeCall(repos, seeded, ringingCall({ offeredAt: T0, strategy: 'longest-idle' }));
    await storeCall(
      repos,
      seeded,
      ringingCall({ offeredAt: T0, strategy: 'all', agentsOffered: [seeded.users[0]!.id] }),
    );
    expect(await overdueAt(29_000)).toEqual([]);
  });

  it('finds an outbound call not picked up within the no-pickup time; never a claimed or ended one', async () => {
    const { repos, seeded, overdueAt } = await workspace();
    const agentId = seeded.users[0]!.id;
    const dialing: DialingCall = {
      state: 'dialing',
      id: `wacid.${randomUUID()}`,
      channel: 'whatsapp',
      direction: 'outbound',
      endpointId: '115017831530658',
      caller: { id: '919129950000' },
      called: { id: '447700900123' },
      mediaVersion: 0,
      appliedKeys: [],
      agentId,
      dialedAt: T0,
    };
    const dialId = await storeCall(repos, seeded, dialing);
    const offered = ringingCall({ offeredAt: T0, agentsOffered: [agentId] });
    const claim: AgentClaimCommand = {
      kind: 'agent.claim',
      callId: offered.id,
      agentId,
      occurredAt: T0 + 1_000,
    };
    const missed = ringingCall({ offeredAt: T0 });
    const timeout: RingTimeoutCommand = {
      kind: 'ring.timeout',
      callId: missed.id,
      occurredAt: T0 + 1_000,
    };
    const moved: (Call | undefined)[] = [
      transition(offered, claim).call,
      transition(missed, timeout).call,
    ];
    expect(moved.map((call) => call?.state)).toEqual(['claimed', 'ended']);
    for (const call of moved) if (call) await storeCall(repos, seeded, call);

    expect(await overdueAt(NO_PICKUP_MS - 1)).toEqual([]);
    expect(await overdueAt(NO_PICKUP_MS)).toMatchObject([{ id: dialId, overdue: 'no-pickup' }]);
    // a longer no-pickup time: not yet
    expect(await overdueAt(NO_PICKUP_MS, { noPickupMs: NO_PICKUP_MS + 1 })).toEqual([]);
  });

  it('answers the oldest first, at most `limit`, and refuses a limit that is not a count', async () => {
    const { repos, seeded, overdueAt } = await workspace();
    // a year before the other tests' calls, so only these are overdue by then
    const early = T0 - 365 * 24 * 3600_000;
    const ids: string[] = [];
    for (const offset of [2_000, 0, 1_000]) {
      ids.push(await storeCall(repos, seeded, ringingCall({ offeredAt: early + offset })));
    }
    const overdue = await overdueAt(early - T0 + 60_000, { limit: 2 });
    expect(overdue.map((call) => call.id)).toEqual([ids[1], ids[2]]);
    await expect(overdueAt(0, { limit: 0 })).rejects.toThrow(/limit must be a positive/);
    await expect(overdueAt(0, { noPickupMs: Number.NaN })).rejects.toThrow(/noPickupMs/);
  });

  // PGlite has the same planner, but its tests would only repeat this one
  if (engine === 'postgres')
    it('reads the live calls’ partial index, not the whole call history', async () => {
      const { repos, seeded } = await workspace();
      const id = await storeCall(repos, seeded, ringingCall({ offeredAt: T0 }));
      // a history of finished calls, as a busy workspace keeps
      await database().db.execute(sql`insert into calls
          (workspace_id, channel_id, meta_call_id, channel_kind, state, called_label, model, offered_at)
        select workspace_id, channel_id, meta_call_id || '.' || n, channel_kind, 'ended',
          called_label, '{}'::jsonb, offered_at - n * interval '1 minute'
        from calls, generate_series(1, 5000) n where id = ${id}`);
      await database().db.execute(sql`analyze calls`);
      const plans: string[] = [];
      const db = database().db;
      // the same repository, but each statement it runs is explained first
      const explaining = new Proxy(db, {
        get(target, key, receiver) {
          if (key !== 'execute') return Reflect.get(target, key, receiver) as unknown;
          return async (query: Parameters<Db['execute']>[0]) => {
            const rows = await queryRows<{ 'QUERY PLAN': string }>(db, sql`explain ${query}`);
            plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
            return db.execute(query);
          };
        },
      });
      await testRepos(explaining, engine).calls.overdueCalls({
        before: at(0),
        noPickupMs: NO_PICKUP_MS,
        limit: 50,
      });
      expect(plans).toHaveLength(1);
      expect(plans[0]).toContain('calls_live_idx');
      expect(plans[0]).not.toMatch(/Seq Scan on calls\b/);
    });
});
