import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import { sameCustomerSql, type CustomerIds } from './same-customer';
import { ringingCall, seedWorkspace, storeCall, testRepos } from '../testing/test-seed';

// *Business-scoped user IDs*: Meta names a customer by phone, by BSUID, or by both
const T0 = Date.parse('2025-07-01T10:00:00Z');
const PHONE = '918097530000';
const BSUID = 'IN.13491208655302741918';

describe.each(ENGINES)('one customer, known by phone, BSUID or both, on %s', (engine) => {
  const database = useTestDatabase(engine);

  async function seedHistory() {
    const repos = testRepos(database().db, engine);
    const seeded = await seedWorkspace(repos, ['agent']);
    const at = (minutes: number) => T0 + minutes * 60_000;
    // by phone alone, by BSUID alone (a username caller), then by both
    await storeCall(
      repos,
      seeded,
      ringingCall({ caller: { id: PHONE, name: 'Priya' }, offeredAt: at(0) }),
    );
    await storeCall(
      repos,
      seeded,
      ringingCall({
        caller: { id: BSUID, userId: BSUID, name: 'Priya', username: '@priya.k' },
        offeredAt: at(1),
      }),
    );
    const both = ringingCall({
      caller: { id: PHONE, userId: BSUID, name: 'Priya', username: '@priya.k' },
      offeredAt: at(2),
    });
    await storeCall(repos, seeded, both);
    // someone else
    await storeCall(
      repos,
      seeded,
      ringingCall({ caller: { id: '447700900123' }, offeredAt: at(3) }),
    );
    return { repos, seeded, at, both };
  }

  it('counts earlier calls under both identities when Meta sends both', async () => {
    const { repos, seeded, at } = await seedHistory();
    const ws = seeded.workspaceId;
    const plan = (caller: { id: string; userId?: string }) =>
      repos.ringPlan.firstRing(ws, seeded.channel.id, caller, new Date(at(10)));
    expect((await plan({ id: PHONE, userId: BSUID })).earlierCalls).toBe(3);
    // one identity alone still finds the other through the call that named both
    expect((await plan({ id: PHONE })).earlierCalls).toBe(3);
    expect((await plan({ id: BSUID, userId: BSUID })).earlierCalls).toBe(3);
    expect((await plan({ id: '447700900123' })).earlierCalls).toBe(1);
    expect(await repos.calls.countEarlierCalls(ws, BSUID, new Date(at(10)), BSUID)).toBe(3);
    // before the call that linked them, each identity has only its own past
    expect(await repos.calls.countEarlierCalls(ws, PHONE, new Date(at(1)))).toBe(1);
  });

  it('finds the customer in the call log by number, BSUID or @username, and a call by Meta’s id', async () => {
    const { repos, seeded, both } = await seedHistory();
    const ws = seeded.workspaceId;
    const count = async (q: string) => {
      const page = await repos.calls.listCalls(ws, { q });
      return page.ok ? page.items.length : -1;
    };
    expect(await count('priya.k')).toBe(2);
    expect(await count('@priya.k')).toBe(2);
    expect(await count('13491208655302741918')).toBe(2);
    expect(await count('+91 80975 30000')).toBe(2);
    const page = await repos.calls.listCalls(ws, { q: both.id });
    expect(page.ok && page.items.map((row) => row.metaCallId)).toEqual([both.id]);
    expect(page.ok && page.items[0]).toMatchObject({
      callerId: PHONE,
      callerUserId: BSUID,
      callerUsername: '@priya.k',
    });
  });

  it('counts a customer’s earlier calls from their own rows, not the whole call history', async () => {
    const { repos, seeded, at } = await seedHistory();
    const ws = seeded.workspaceId;
    // a busy line's history: thousands of other customers' calls
    await database().db.execute(sql`insert into calls
        (workspace_id, channel_id, meta_call_id, channel_kind, state, caller_id, called_label, model, offered_at)
      select ${ws}::uuid, ${seeded.channel.id}::uuid, 'history.' || g, 'whatsapp', 'ended',
        '4470' || lpad(g::text, 8, '0'), 'History', '{}'::jsonb, ${new Date(at(5)).toISOString()}::timestamptz
      from generate_series(1, 3000) g`);
    await database().db.execute(sql`analyze calls`);
    const before = new Date(at(10));
    for (const customer of [
      { id: PHONE, userId: BSUID },
      { id: PHONE },
      { id: BSUID, userId: BSUID },
    ]) {
      // the ring plan's count: rings slow down with every call ever taken if it reads them all
      expect(await callRowsRead(database().db, ws, customer, before)).toBeLessThan(50);
      expect(
        (await repos.ringPlan.firstRing(ws, seeded.channel.id, customer, before)).earlierCalls,
      ).toBe(3);
    }
  });
});

/** rows of `calls` the database reads (returned or filtered out) to count one customer's calls */
async function callRowsRead(db: Db, workspaceId: string, customer: CustomerIds, before: Date) {
  const [row] = await queryRows<{ 'QUERY PLAN': unknown }>(
    db,
    sql`explain (analyze, format json) select count(*) from calls
      where calls.workspace_id = ${workspaceId} and ${sameCustomerSql(workspaceId, customer)}
        and calls.offered_at < ${before.toISOString()}::timestamptz and calls.state <> 'tombstone'`,
  );
  const plan = row?.['QUERY PLAN'];
  const [root] = (typeof plan === 'string' ? JSON.parse(plan) : plan) as [{ Plan: PlanNode }];
  let read = 0;
  const visit = (node: PlanNode) => {
    if (node['Relation Name'] === 'calls') {
      const rows = node['Actual Rows'] + (node['Rows Removed by Filter'] ?? 0);
      read += rows * node['Actual Loops'];
    }
    for (const child of node.Plans ?? []) visit(child);
  };
  visit(root.Plan);
  return read;
}

interface PlanNode {
  'Relation Name'?: string;
  'Actual Rows': number;
  'Actual Loops': number;
  'Rows Removed by Filter'?: number;
  Plans?: PlanNode[];
}
