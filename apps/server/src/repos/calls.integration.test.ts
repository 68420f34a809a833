import { transition, type EndedCall } from '@ringside/calls';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '../db/query-rows';
import { calls } from '../db/schema';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import { ringingCall, seedWorkspace, storeCall, testRepos } from '../testing/test-seed';

const T0 = Date.parse('2025-07-01T10:00:00Z');
const pause = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe.each(ENGINES)('calls on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('lets exactly one of 10 concurrent claims see the call ringing', async () => {
    // as the app runs on this engine: PGlite's one-at-a-time transactions stand for the lock
    const repos = testRepos(database().db, engine);
    const seeded = await seedWorkspace(repos, Array<'agent'>(10).fill('agent'));
    const agentIds = seeded.users.map((user) => user.id);
    const ringing = ringingCall({ agentsOffered: agentIds });
    await storeCall(repos, seeded, ringing);

    const results = await Promise.all(
      agentIds.map((agentId, index) =>
        repos.calls.withCallLock(ringing.id, async (current, tx) => {
          const sawRinging = current?.model.state === 'ringing';
          const [backend] = await queryRows<{ pid: number }>(
            tx,
            sql`select pg_backend_pid() as pid`,
          );
          // hold the lock a moment: without it, every claim would read 'ringing' meanwhile
          await pause(20);
          const { call } = transition(current?.model, {
            kind: 'agent.claim',
            callId: ringing.id,
            agentId,
            occurredAt: T0 + 1_000 + index,
          });
          if (sawRinging && call) {
            await repos.calls.saveCall(tx, {
              workspaceId: seeded.workspaceId,
              channelId: seeded.channel.id,
              model: call,
            });
          }
          return { agentId, sawRinging, pid: backend?.pid };
        }),
      ),
    );

    const winners = results.filter((result) => result.sawRinging);
    expect(winners).toHaveLength(1);
    const stored = await repos.calls.getCallByMetaId(seeded.workspaceId, ringing.id);
    expect(stored?.state).toBe('claimed');
    expect(stored?.agentId).toBe(winners[0]?.agentId);
    if (engine === 'postgres') {
      // the race ran on a real pool: several server connections, not one queue
      expect(new Set(results.map((result) => result.pid)).size).toBeGreaterThan(1);
    }
  });

  it('serializes the first save of a call too: concurrent connects create it once', async () => {
    const repos = testRepos(database().db, engine);
    const seeded = await seedWorkspace(repos);
    const model = ringingCall();
    const created = await Promise.all(
      Array.from({ length: 5 }, () =>
        repos.calls.withCallLock(model.id, async (current, tx) => {
          if (current) return false;
          await pause(10);
          await repos.calls.saveCall(tx, {
            workspaceId: seeded.workspaceId,
            channelId: seeded.channel.id,
            model,
          });
          return true;
        }),
      ),
    );
    expect(created.filter(Boolean)).toHaveLength(1);
  });

  it('rolls back everything a locked section wrote when it throws', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos);
    const model = ringingCall();
    await expect(
      repos.calls.withCallLock(model.id, async (_current, tx) => {
        const row = await repos.calls.saveCall(tx, {
          workspaceId: seeded.workspaceId,
          channelId: seeded.channel.id,
          model,
        });
        await repos.calls.appendCallEvent(tx, {
          callId: row.id,
          workspaceId: seeded.workspaceId,
          kind: 'webhook.connect',
          occurredAt: new Date(T0),
        });
        throw new Error('graph failed');
      }),
    ).rejects.toThrow('graph failed');
    expect(await repos.calls.getCallByMetaId(seeded.workspaceId, model.id)).toBeUndefined();
  });

  it('derives the log columns from the model and keeps notes, quality and the start on update', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent']);
    const agentId = seeded.users[0]!.id;
    const ringing = ringingCall({ agentsOffered: [agentId], offeredAt: T0 });
    const id = await storeCall(repos, seeded, ringing);
    let row = (await repos.calls.getCall(seeded.workspaceId, id))?.call;
    expect(row).toMatchObject({
      state: 'ringing',
      direction: 'inbound',
      channelKind: 'whatsapp',
      callerId: '918097530000',
      callerName: 'Rahul',
      calledLabel: '+919129950000',
      agentId: null,
      outcome: null,
      offeredAt: new Date(T0),
    });
    expect(row?.model).toEqual(ringing);

    await repos.calls.saveQuality(seeded.workspaceId, id, {
      level: 'good',
      rttMs: 80,
      jitterMs: 4,
      lossPct: 0,
      mos: 4.3,
    });

    const ended: EndedCall = {
      state: 'ended',
      id: ringing.id,
      channel: 'whatsapp',
      direction: 'inbound',
      endpointId: ringing.endpointId,
      caller: ringing.caller,
      called: ringing.called,
      mediaVersion: 0,
      appliedKeys: [],
      outcome: 'completed',
      agentId,
      answeredAt: T0 + 5_000,
      endedAt: T0 + 65_000,
      durationSec: 60,
    };
    await storeCall(repos, seeded, ended);
    expect(
      await repos.calls.saveWrapUp(seeded.workspaceId, id, agentId, 'asked for refund', 'resolved'),
    ).toBe(true);
    // a later save of the model (a duplicate terminate, say) leaves the agent's work alone
    await storeCall(repos, seeded, ended);
    row = (await repos.calls.getCall(seeded.workspaceId, id))?.call;
    expect(row).toMatchObject({
      state: 'ended',
      outcome: 'completed',
      agentId,
      agentName: 'agent 0',
      // the ended model forgot when it rang; the stored start is kept
      offeredAt: new Date(T0),
      answeredAt: new Date(T0 + 5_000),
      endedAt: new Date(T0 + 65_000),
      durationSec: 60,
      notes: 'asked for refund',
      disposition: 'resolved',
      quality: { level: 'good', rttMs: 80, jitterMs: 4, lossPct: 0, mos: 4.3 },
    });
  });

  it('refuses to file a call under a channel of another workspace', async () => {
    const repos = testRepos(database().db);
    const mine = await seedWorkspace(repos);
    const theirs = await seedWorkspace(repos);
    await expect(
      repos.calls.withCallLock('wacid.cross', (_current, tx) =>
        repos.calls.saveCall(tx, {
          workspaceId: mine.workspaceId,
          channelId: theirs.channel.id,
          model: ringingCall({ id: 'wacid.cross' }),
        }),
      ),
    ).rejects.toThrow();
  });

  it('returns a call with its timeline in order, only to its own workspace', async () => {
    const repos = testRepos(database().db);
    const mine = await seedWorkspace(repos);
    const other = await seedWorkspace(repos);
    const model = ringingCall();
    const id = await storeCall(repos, mine, model);
    await repos.calls.withCallLock(model.id, async (current, tx) => {
      for (const [offset, kind] of [
        [2_000, 'state.changed'],
        [0, 'webhook.connect'],
        [1_000, 'ring.offered'],
      ] as const) {
        await repos.calls.appendCallEvent(tx, {
          callId: current!.row.id,
          workspaceId: mine.workspaceId,
          kind,
          data: { offset },
          occurredAt: new Date(T0 + offset),
        });
      }
    });
    const detail = await repos.calls.getCall(mine.workspaceId, id);
    expect(detail?.events.map((event) => event.kind)).toEqual([
      'webhook.connect',
      'ring.offered',
      'state.changed',
    ]);
    expect(detail?.events[1]?.data).toEqual({ offset: 1_000 });
    expect(await repos.calls.getCall(other.workspaceId, id)).toBeUndefined();
    expect(await repos.calls.getCallByMetaId(other.workspaceId, model.id)).toBeUndefined();
    expect(await repos.calls.getCall(mine.workspaceId, 'not-a-uuid')).toBeUndefined();
    // the row alone, as an agent's command reads it
    expect(await repos.calls.getCallRow(mine.workspaceId, id)).toMatchObject({
      id,
      metaCallId: model.id,
      workspaceId: mine.workspaceId,
    });
    expect(await repos.calls.getCallRow(other.workspaceId, id)).toBeUndefined();
    expect(await repos.calls.getCallRow(mine.workspaceId, 'not-a-uuid')).toBeUndefined();
  });

  it('tells when a call was last offered to an agent, from the ring entries naming them', async () => {
    const repos = testRepos(database().db);
    const mine = await seedWorkspace(repos, ['agent', 'agent']);
    const other = await seedWorkspace(repos);
    const [a = '', b = ''] = mine.users.map((user) => user.id);
    const model = ringingCall();
    const id = await storeCall(repos, mine, model);
    await repos.calls.withCallLock(model.id, (_current, tx) =>
      repos.calls.appendCallEvent(
        tx,
        [
          { kind: 'ring.offered', agentIds: [a], offset: 1_000 },
          // only ring entries count
          { kind: 'agent.decline', agentIds: [b], offset: 3_500 },
          { kind: 'ring.offered', agentIds: [b], offset: 3_000 },
          // a ring-all to more agents than the timeline lists names nobody
          { kind: 'ring.offered', agentIds: undefined, offset: 4_000 },
          { kind: 'ring.offered', agentIds: [a], offset: 5_000 },
        ].map(({ kind, agentIds, offset }) => ({
          callId: id,
          workspaceId: mine.workspaceId,
          kind,
          data: agentIds ? { agentIds, agentCount: agentIds.length } : { agentCount: 40 },
          occurredAt: new Date(T0 + offset),
        })),
      ),
    );
    expect(await repos.calls.lastOfferedTo(mine.workspaceId, id, a)).toEqual(new Date(T0 + 5_000));
    expect(await repos.calls.lastOfferedTo(mine.workspaceId, id, b)).toEqual(new Date(T0 + 3_000));
    expect(await repos.calls.lastOfferedTo(mine.workspaceId, id, 'nobody')).toBeUndefined();
    expect(await repos.calls.lastOfferedTo(other.workspaceId, id, a)).toBeUndefined();
  });

  it('lists live calls of the workspace only, oldest first', async () => {
    const repos = testRepos(database().db);
    const mine = await seedWorkspace(repos, ['agent']);
    const other = await seedWorkspace(repos);
    const later = ringingCall({ offeredAt: T0 + 10_000 });
    const earlier = ringingCall({ offeredAt: T0 });
    const finished = ringingCall({ offeredAt: T0 - 10_000 });
    await storeCall(repos, mine, later);
    await storeCall(repos, mine, earlier);
    await storeCall(repos, mine, finished);
    await storeCall(repos, other, ringingCall());
    const { call: missed } = transition(finished, {
      kind: 'ring.timeout',
      callId: finished.id,
      occurredAt: T0,
    });
    await storeCall(repos, mine, missed!);

    const live = await repos.calls.liveCalls(mine.workspaceId);
    expect(live.map((row) => row.metaCallId)).toEqual([earlier.id, later.id]);
  });

  it('counts a caller’s earlier calls in the workspace', async () => {
    const repos = testRepos(database().db);
    const mine = await seedWorkspace(repos);
    const other = await seedWorkspace(repos);
    const caller = { id: '447700900123', name: 'Jo' };
    for (const offset of [0, 60_000, 120_000]) {
      await storeCall(repos, mine, ringingCall({ caller, offeredAt: T0 + offset }));
    }
    await storeCall(repos, other, ringingCall({ caller, offeredAt: T0 }));
    expect(
      await repos.calls.countEarlierCalls(mine.workspaceId, caller.id, new Date(T0 + 120_000)),
    ).toBe(2);
    expect(await repos.calls.countEarlierCalls(mine.workspaceId, caller.id, new Date(T0))).toBe(0);
    expect(
      await repos.calls.countEarlierCalls(mine.workspaceId, '0000', new Date(T0 + 999_999)),
    ).toBe(0);
  });

  it('tells whether an agent is on a call now: talking, or calling out', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent']);
    const [asha, ben] = seeded.users;
    const ringing = ringingCall({ agentsOffered: [asha!.id, ben!.id] });
    await storeCall(repos, seeded, ringing);
    expect(await repos.calls.hasActiveCall(seeded.workspaceId, asha!.id)).toBe(false);
    await storeCall(repos, seeded, {
      ...ringing,
      state: 'active',
      agentId: asha!.id,
      answeredAt: T0 + 5_000,
    });
    expect(await repos.calls.hasActiveCall(seeded.workspaceId, asha!.id)).toBe(true);
    expect(await repos.calls.hasActiveCall(seeded.workspaceId, ben!.id)).toBe(false);
    // calling a customer who has not picked up yet keeps an agent on a call as well
    await storeCall(repos, seeded, {
      state: 'dialing',
      id: `wacid.out-${Math.random()}`,
      channel: 'whatsapp',
      direction: 'outbound',
      endpointId: ringing.endpointId,
      caller: ringing.called,
      called: { id: '447700900123' },
      mediaVersion: 0,
      appliedKeys: [],
      agentId: ben!.id,
      dialedAt: T0,
    });
    expect(await repos.calls.hasActiveCall(seeded.workspaceId, ben!.id)).toBe(true);
    const other = await seedWorkspace(repos);
    expect(await repos.calls.hasActiveCall(other.workspaceId, asha!.id)).toBe(false);
    expect(await repos.calls.hasActiveCall(seeded.workspaceId, 'nope')).toBe(false);
  });

  it('marks the webhook event processed with the timeline entries it caused, or not at all', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos);
    const key = `whatsapp:connect:${T0}:${Math.random()}`;
    await repos.webhookReceipts.storeReceipt({
      object: 'whatsapp_business_account',
      raw: '{}',
      outcome: 'stored',
      events: [{ idempotencyKey: key, metaCallId: null, kind: 'call.offered', payload: {} }],
    });
    const model = ringingCall();
    const id = await storeCall(repos, seeded, model);
    const entries = (kind: string, offset: number) => ({
      callId: id,
      workspaceId: seeded.workspaceId,
      kind,
      data: { offset },
      occurredAt: new Date(T0 + offset),
    });
    const pending = async () =>
      (await repos.webhookReceipts.unprocessedEvents(1_000)).map((e) => e.idempotencyKey);

    await expect(
      repos.calls.withCallLock(model.id, async (_current, tx) => {
        await repos.calls.appendCallEvent(tx, [entries('webhook.offered', 0)], key);
        throw new Error('saving the call failed');
      }),
    ).rejects.toThrow('saving the call failed');
    expect(await pending()).toContain(key);

    await repos.calls.withCallLock(model.id, (_current, tx) =>
      repos.calls.appendCallEvent(
        tx,
        [entries('webhook.offered', 0), entries('ring.offered', 1_000)],
        key,
      ),
    );
    expect(await pending()).not.toContain(key);
    const detail = await repos.calls.getCall(seeded.workspaceId, id);
    expect(detail?.events.map((e) => [e.kind, e.data])).toEqual([
      ['webhook.offered', { offset: 0 }],
      ['ring.offered', { offset: 1_000 }],
    ]);
  });

  it('reads who can take a new call and how often its caller called before, in one go', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent']);
    const [asha, ben] = seeded.users;
    const ws = seeded.workspaceId;
    await repos.presence.setPresence(ben!.id, ws, 'available', new Date(T0 - 60_000));
    await repos.presence.setPresence(asha!.id, ws, 'available', new Date(T0 - 30_000));
    const caller = { id: '447700900999', name: 'Kim' };
    await storeCall(repos, seeded, ringingCall({ caller, offeredAt: T0 - 3_600_000 }));
    expect(await repos.ringPlan.firstRing(ws, seeded.channel.id, caller.id, new Date(T0))).toEqual({
      agentIds: [ben!.id, asha!.id],
      earlierCalls: 1,
    });
    expect(await repos.ringPlan.firstRing(ws, seeded.channel.id, undefined, new Date(T0))).toEqual({
      agentIds: [ben!.id, asha!.id],
      earlierCalls: 0,
    });
    const other = await seedWorkspace(repos);
    expect(await repos.ringPlan.firstRing(ws, other.channel.id, caller.id, new Date(T0))).toEqual({
      agentIds: [],
      earlierCalls: 1,
    });
    expect(
      await repos.ringPlan.firstRing('nope', seeded.channel.id, caller.id, new Date(T0)),
    ).toEqual({
      agentIds: [],
      earlierCalls: 0,
    });
  });

  it('lets only the call’s agent save the wrap-up', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent']);
    const [owner, stranger] = seeded.users;
    const ringing = ringingCall({ agentsOffered: [owner!.id] });
    const { call: claimed } = transition(ringing, {
      kind: 'agent.claim',
      callId: ringing.id,
      agentId: owner!.id,
      occurredAt: T0 + 1,
    });
    const id = await storeCall(repos, seeded, claimed!);
    expect(
      await repos.calls.saveWrapUp(seeded.workspaceId, id, stranger!.id, 'mine now', null),
    ).toBe(false);
    const other = await seedWorkspace(repos);
    expect(await repos.calls.saveWrapUp(other.workspaceId, id, owner!.id, 'x', null)).toBe(false);
    expect(
      await repos.calls.saveQuality(other.workspaceId, id, {
        level: 'poor',
        rttMs: 1,
        jitterMs: 1,
        lossPct: 9,
        mos: 2,
      }),
    ).toBe(false);
    expect(await repos.calls.saveWrapUp(seeded.workspaceId, id, owner!.id, 'all good', null)).toBe(
      true,
    );
    const [row] = await database()
      .db.select({ notes: calls.notes })
      .from(calls)
      .where(sql`${calls.id} = ${id}`);
    expect(row?.notes).toBe('all good');
  });
});
