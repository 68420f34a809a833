import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../db/test-databases';
import { ringingCall, seedWorkspace, storeCall, testRepos } from './test-seed';

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
});
