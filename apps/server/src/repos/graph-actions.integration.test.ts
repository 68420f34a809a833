import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import type { GraphActionKind } from './graph-actions';
import { ringingCall, seedWorkspace, storeCall, testRepos } from '../testing/test-seed';

const T0 = Date.parse('2025-07-01T10:00:00Z');
const at = (ms: number) => new Date(T0 + ms);

describe.each(ENGINES)('the Graph action outbox on %s', (engine) => {
  const database = useTestDatabase(engine);

  async function callWith(actions: readonly GraphActionKind[], holdMs = 30_000) {
    const repos = testRepos(database().db, engine);
    const seeded = await seedWorkspace(repos);
    const callId = await storeCall(repos, seeded, ringingCall({ offeredAt: T0 }));
    const rows = actions.map((action) => ({
      callId,
      workspaceId: seeded.workspaceId,
      action,
      holdMs,
    }));
    await repos.graphActions.record(database().db, rows, at(0));
    const mine = async (when: Date, limit = 10) =>
      (await repos.graphActions.claimDue(when, limit, 30_000)).filter((r) => r.callId === callId);
    return { repos, callId, mine };
  }

  it('keeps one decision per call and action, however often it is recorded', async () => {
    const { repos, callId } = await callWith(['reject']);
    await repos.graphActions.record(
      database().db,
      [
        {
          callId,
          workspaceId: (await repos.graphActions.forCall(callId))[0]!.workspaceId,
          action: 'reject',
          holdMs: 0,
        },
      ],
      at(5_000),
    );
    const rows = await repos.graphActions.forCall(callId);
    expect(rows.map((r) => [r.action, r.nextAttemptAt.getTime()])).toEqual([
      ['reject', T0 + 30_000],
    ]);
  });

  it('holds a decision back for the decider, then hands it to one claimer for a lease', async () => {
    const { mine } = await callWith(['terminate']);
    expect(await mine(at(29_999))).toEqual([]);
    const [claimed] = await mine(at(30_000));
    expect([claimed?.action, claimed?.attempts]).toEqual(['terminate', 1]);
    // hidden while leased, back when the lease runs out unsettled
    expect(await mine(at(59_999))).toEqual([]);
    expect((await mine(at(60_000))).map((r) => r.attempts)).toEqual([2]);
  });

  it('never gives the same action to two claimers at once', async () => {
    const { mine } = await callWith(['reject', 'terminate', 'accept']);
    const rounds = await Promise.all([
      mine(at(40_000), 2),
      mine(at(40_000), 2),
      mine(at(40_000), 2),
    ]);
    const ids = rounds.flat().map((r) => r.id);
    expect(ids).toHaveLength(3);
    expect(new Set(ids).size).toBe(3);
  });

  it('settles once: a second settle, a postpone or a claim after it changes nothing', async () => {
    const { repos, callId, mine } = await callWith(['reject']);
    expect(await repos.graphActions.settle(callId, 'reject', 'confirmed', at(31_000))).toBe(true);
    expect(await repos.graphActions.settle(callId, 'reject', 'refused', at(32_000))).toBe(false);
    await repos.graphActions.postpone(callId, 'reject', 'late', at(33_000));
    expect(await mine(at(99_000))).toEqual([]);
    const [row] = await repos.graphActions.forCall(callId);
    expect([row?.result, row?.lastError, row?.doneAt?.getTime()]).toEqual([
      'confirmed',
      null,
      T0 + 31_000,
    ]);
  });

  it('Meta ending the call makes everything still pending for it moot', async () => {
    const { repos, callId, mine } = await callWith(['pre-accept', 'accept']);
    await repos.graphActions.settle(callId, 'pre-accept', 'confirmed', at(1_000));
    expect(await repos.graphActions.settleCall(database().db, callId, 'moot', at(2_000))).toBe(1);
    expect((await repos.graphActions.forCall(callId)).map((r) => [r.action, r.result])).toEqual([
      ['pre-accept', 'confirmed'],
      ['accept', 'moot'],
    ]);
    expect(await mine(at(99_000))).toEqual([]);
  });
});
