import type { Call, EndedCall } from '@ringside/calls';
import type { CallOutcome } from '@ringside/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import type { CallListFilters, CallSummaryRow } from './call-list';
import type { Repos } from './index';
import {
  ringingCall,
  seedWorkspace,
  storeCall,
  testRepos,
  type SeededWorkspace,
} from '../testing/test-seed';

const T0 = Date.parse('2025-07-01T10:00:00Z');
const MINUTE = 60_000;

function ended(
  minute: number,
  outcome: CallOutcome,
  caller: { id: string; name?: string },
  agentId?: string,
): EndedCall {
  const base = ringingCall({ caller });
  return {
    state: 'ended',
    id: base.id,
    channel: 'whatsapp',
    direction: 'inbound',
    endpointId: base.endpointId,
    caller,
    called: base.called,
    mediaVersion: 0,
    appliedKeys: [],
    outcome,
    endedAt: T0 + minute * MINUTE + 30_000,
    ...(agentId ? { agentId, answeredAt: T0 + minute * MINUTE, durationSec: 30 } : {}),
  };
}

describe.each(ENGINES)('listCalls on %s', (engine) => {
  const database = useTestDatabase(engine);
  let repos: Repos;
  let acme: SeededWorkspace;
  let other: SeededWorkspace;
  const ids = new Map<string, string>();

  // 12 calls in acme, one a minute, plus a Messenger call and another workspace's call
  beforeAll(async () => {
    repos = testRepos(database().db);
    acme = await seedWorkspace(repos, ['agent', 'agent']);
    other = await seedWorkspace(repos, ['agent']);
    const [asha, ben] = acme.users;
    const rahul = { id: '918097530000', name: 'Rahul Sharma' };
    const priya = { id: '919812345678', name: 'Priya' };
    const anon = { id: '447700900123' };
    const models: [string, Call][] = [];
    for (let minute = 0; minute < 12; minute += 1) {
      const who = [rahul, priya, anon][minute % 3]!;
      const outcome: CallOutcome = minute % 4 === 0 ? 'missed' : 'completed';
      const agent = outcome === 'missed' ? undefined : minute % 2 ? asha!.id : ben!.id;
      models.push([`m${minute}`, ended(minute, outcome, who, agent)]);
    }
    for (const [name, model] of models) ids.set(name, await storeCall(repos, acme, model));
    const messengerChannel = await repos.channels.createMessengerChannel({
      workspaceId: acme.workspaceId,
      pageId: '123456789012',
      name: 'Acme Page',
      accessToken: 'EAAGpage-token-0123456789',
    });
    if (!messengerChannel.ok) throw new Error(messengerChannel.error.message);
    const psidCall = ringingCall({
      channel: 'messenger',
      caller: { id: '24000000000001', name: 'Mia' },
      offeredAt: T0 + 30 * MINUTE,
    });
    const messengerRow = await repos.calls.withCallLock(psidCall.id, (_c, tx) =>
      repos.calls.saveCall(tx, {
        workspaceId: acme.workspaceId,
        channelId: messengerChannel.channel.id,
        model: psidCall,
      }),
    );
    ids.set('messenger', messengerRow.id);
    ids.set(
      'other',
      await storeCall(repos, other, ended(5, 'completed', rahul, other.users[0]!.id)),
    );
    // a terminate whose connect never came is not a call anyone saw
    await storeCall(repos, acme, {
      state: 'tombstone',
      id: 'wacid.tombstone',
      channel: 'whatsapp',
      endpointId: '115017831530658',
      terminatedAt: T0 + 40 * MINUTE,
      status: 'failed',
      pickedUp: false,
      appliedKeys: [],
    });
  });

  async function list(filters: CallListFilters = {}, workspaceId = acme.workspaceId) {
    const page = await repos.calls.listCalls(workspaceId, filters);
    if (!page.ok) throw new Error(page.error.message);
    return page;
  }
  const names = (items: CallSummaryRow[]) =>
    items.map((item) => [...ids].find(([, id]) => id === item.id)?.[0]);

  it('lists the workspace’s calls newest first, without tombstones or other tenants', async () => {
    const page = await list();
    expect(names(page.items)).toEqual([
      'messenger',
      ...Array.from({ length: 12 }, (_, i) => `m${11 - i}`),
    ]);
    expect(page.nextCursor).toBeNull();
    expect(page.items[0]).not.toHaveProperty('model');
    expect(names((await list({}, other.workspaceId)).items)).toEqual(['other']);
  });

  it('filters by channel, outcome and agent', async () => {
    expect(names((await list({ channel: 'messenger' })).items)).toEqual(['messenger']);
    expect(names((await list({ outcome: 'missed' })).items)).toEqual(['m8', 'm4', 'm0']);
    const asha = acme.users[0]!;
    const byAsha = await list({ agent: asha.id });
    expect(names(byAsha.items)).toEqual(['m11', 'm9', 'm7', 'm5', 'm3', 'm1']);
    expect(byAsha.items.every((item) => item.agentName === asha.name)).toBe(true);
    expect((await list({ agent: other.users[0]!.id })).items).toEqual([]);
    expect((await list({ agent: 'not-a-uuid' })).items).toEqual([]);
  });

  it('scopes to an agent: their calls, and the missed calls of the channels they answer', async () => {
    const asha = acme.users[0]!;
    const answering = { agentId: asha.id, answeredChannelIds: [acme.channel.id] };
    expect(names((await list({ seenBy: answering })).items)).toEqual([
      'm11',
      'm9',
      'm8',
      'm7',
      'm5',
      'm4',
      'm3',
      'm1',
      'm0',
    ]);
    expect(names((await list({ seenBy: answering, outcome: 'missed' })).items)).toEqual([
      'm8',
      'm4',
      'm0',
    ]);
    // answering no channel, or another workspace's: their own calls only
    const own = ['m11', 'm9', 'm7', 'm5', 'm3', 'm1'];
    const none = { agentId: asha.id, answeredChannelIds: [] };
    expect(names((await list({ seenBy: none })).items)).toEqual(own);
    const elsewhere = { agentId: asha.id, answeredChannelIds: [other.channel.id, 'not-a-uuid'] };
    expect(names((await list({ seenBy: elsewhere })).items)).toEqual(own);
    expect((await list({ seenBy: { ...answering, agentId: 'not-a-uuid' } })).items).toEqual([]);
  });

  it('filters by time, both ends inclusive', async () => {
    const page = await list({ from: new Date(T0 + 3 * MINUTE), to: new Date(T0 + 5 * MINUTE) });
    expect(names(page.items)).toEqual(['m5', 'm4', 'm3']);
  });

  it('finds callers by part of the name or number, in any case and format', async () => {
    expect(names((await list({ q: 'rahul' })).items)).toEqual(['m9', 'm6', 'm3', 'm0']);
    expect(names((await list({ q: 'SHARMA' })).items)).toEqual(['m9', 'm6', 'm3', 'm0']);
    expect(names((await list({ q: '+44 7700' })).items)).toEqual(['m11', 'm8', 'm5', 'm2']);
    expect(names((await list({ q: '98123' })).items)).toEqual(['m10', 'm7', 'm4', 'm1']);
    expect(names((await list({ q: 'priya', outcome: 'missed' })).items)).toEqual(['m4']);
    // like wildcards are matched literally
    expect((await list({ q: '%' })).items).toEqual([]);
    expect((await list({ q: '_' })).items).toEqual([]);
    expect((await list({ q: 'nobody' })).items).toEqual([]);
  });

  it('pages with a stable cursor, even when newer calls arrive between pages', async () => {
    const first = await list({ limit: 5 });
    expect(names(first.items)).toEqual(['messenger', 'm11', 'm10', 'm9', 'm8']);
    expect(first.nextCursor).toEqual(expect.any(String));
    // a call arriving now must not shift the next page
    await storeCall(
      repos,
      acme,
      ringingCall({ caller: { id: '15550000000', name: 'Newcomer' }, offeredAt: T0 + 99 * MINUTE }),
    );
    const second = await list({ limit: 5, cursor: first.nextCursor! });
    expect(names(second.items)).toEqual(['m7', 'm6', 'm5', 'm4', 'm3']);
    const third = await list({ limit: 5, cursor: second.nextCursor! });
    expect(names(third.items)).toEqual(['m2', 'm1', 'm0']);
    expect(third.nextCursor).toBeNull();
  });

  it('pages through filtered results too', async () => {
    const first = await list({ q: 'rahul', limit: 3 });
    const second = await list({ q: 'rahul', limit: 3, cursor: first.nextCursor! });
    expect([...names(first.items), ...names(second.items)]).toEqual(['m9', 'm6', 'm3', 'm0']);
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    'garbage',
    'bm90LWEtY3Vyc29y',
    Buffer.from('2025-07-01T10:00:00.000Z|x').toString('base64url'),
  ])('answers a bad cursor (%s) with a typed error', async (cursor) => {
    const page = await repos.calls.listCalls(acme.workspaceId, { cursor });
    expect(page).toEqual({
      ok: false,
      error: { code: 'invalid_cursor', message: expect.any(String) },
    });
  });

  it('clamps the page size', async () => {
    expect((await list({ limit: 0 })).items).toHaveLength(1);
    expect((await list({ limit: 1_000 })).items.length).toBeGreaterThan(12);
  });
});
