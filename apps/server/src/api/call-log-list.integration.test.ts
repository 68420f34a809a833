import { callsPageReplySchema, describeMetaError, type CallsPageReply } from '@ringside/contracts';
import { beforeAll, describe, expect, it } from 'vitest';
import { storePastCall } from '../testing/seed-calls';
import { useStack, type TestWorkspace } from '../testing/test-stack';

const stack = useStack();

const HOUR = 3_600_000;
const T0 = Date.parse('2026-06-01T09:00:00Z');

let ws: TestWorkspace;
let cookie = '';
let asha = { id: '' };
let ben = { id: '' };
const ids: Record<string, string> = {};

// six calls an hour apart, oldest first
beforeAll(async () => {
  ws = await stack().workspace();
  asha = await ws.addUser('agent', 'Asha');
  ben = await ws.addUser('agent', 'Ben');
  const supervisor = await ws.addUser('supervisor');
  cookie = await stack().signIn(supervisor.email);
  const app = stack().app;
  ids['rahul'] = await storePastCall(app, ws, {
    at: T0,
    name: 'Rahul Mehta',
    from: '918097530000',
    agentId: asha.id,
    talkedSec: 180,
  });
  ids['missed'] = await storePastCall(app, ws, {
    at: T0 + HOUR,
    name: 'Priya',
    from: '919900112233',
  });
  ids['psid'] = await storePastCall(app, ws, {
    at: T0 + 2 * HOUR,
    channel: 'messenger',
    from: '5275811702471834',
    agentId: ben.id,
    talkedSec: 60,
  });
  ids['failed'] = await storePastCall(app, ws, {
    at: T0 + 3 * HOUR,
    name: 'Omar',
    from: '447700900123',
    agentId: ben.id,
    outcome: 'failed',
    metaError: { code: 138021, message: 'Media receive timeout' },
  });
  ids['declined'] = await storePastCall(app, ws, {
    at: T0 + 4 * HOUR,
    name: '50%_off',
    from: '14155550100',
    agentId: asha.id,
    outcome: 'declined',
  });
  ids['msgr-missed'] = await storePastCall(app, ws, {
    at: T0 + 5 * HOUR,
    channel: 'messenger',
    from: '6275811702471999',
  });
});

async function list(query = ''): Promise<CallsPageReply> {
  const res = await stack().request(cookie, `/api/calls${query}`);
  expect(res.status).toBe(200);
  return callsPageReplySchema.parse(await res.json());
}

const named = (...keys: string[]) => keys.map((k) => ids[k]);

describe('GET /api/calls', () => {
  it('lists the workspace’s calls newest first, as the contract shapes them', async () => {
    const page = await list();
    expect(page.items.map((c) => c.id)).toEqual(
      named('msgr-missed', 'declined', 'failed', 'psid', 'missed', 'rahul'),
    );
    expect(page.nextCursor).toBeNull();
    expect(page.items.find((c) => c.id === ids['rahul'])).toEqual({
      id: ids['rahul'],
      // meta's own id, which support and Meta's logs know the call by
      metaCallId: expect.stringMatching(/^wacid\./),
      channel: 'whatsapp',
      direction: 'inbound',
      state: 'ended',
      outcome: 'completed',
      caller: { name: 'Rahul Mehta', number: '+918097530000' },
      called: { channelId: ws.whatsappChannelId, label: expect.stringMatching(/^\+155501/) },
      agent: { userId: asha.id, name: 'Asha' },
      startedAt: new Date(T0).toISOString(),
      answeredAt: new Date(T0 + 5_000).toISOString(),
      endedAt: new Date(T0 + 185_000).toISOString(),
      durationSec: 180,
    });
    expect(page.items.find((c) => c.id === ids['failed'])?.metaError).toEqual({
      code: 138021,
      meaning: describeMetaError(138021).meaning,
    });
    expect(page.items.find((c) => c.id === ids['psid'])?.caller).toEqual({
      psid: '5275811702471834',
    });
  });

  it.each([
    ['channel=messenger', ['msgr-missed', 'psid']],
    ['outcome=missed', ['msgr-missed', 'missed']],
    ['outcome=missed&channel=whatsapp', ['missed']],
    ['q=rahul', ['rahul']],
    ['q=%2B91%2080975-30000', ['rahul']],
    ['q=4477', ['failed']],
    ['q=50%25_', ['declined']],
    ['q=5275811702471834', ['psid']],
    ['from=2026-06-01T11:00:00Z&to=2026-06-01T13:00:00Z', ['declined', 'failed', 'psid']],
    ['from=2026-06-01T11:00:00Z&to=2026-06-01T12:59:59Z', ['failed', 'psid']],
    ['from=2026-06-01T13:00:01Z', ['msgr-missed']],
    ['to=2026-05-31', []],
    [
      'from=2026-06-01&to=2026-06-01',
      ['msgr-missed', 'declined', 'failed', 'psid', 'missed', 'rahul'],
    ],
    ['channel=&outcome=&q=', ['msgr-missed', 'declined', 'failed', 'psid', 'missed', 'rahul']],
  ])('filters by %s', async (query, expected) => {
    const page = await list(`?${query}`);
    expect(page.items.map((c) => c.id)).toEqual(named(...expected));
  });

  it('filters by agent', async () => {
    expect((await list(`?agent=${ben.id}`)).items.map((c) => c.id)).toEqual(
      named('failed', 'psid'),
    );
    expect((await list(`?agent=${asha.id}&outcome=completed`)).items.map((c) => c.id)).toEqual(
      named('rahul'),
    );
  });

  it('pages with a cursor: every call once, in order, and a last page without one', async () => {
    const seen: string[] = [];
    let query = '?limit=4';
    const sizes: number[] = [];
    for (;;) {
      const page = await list(query);
      sizes.push(page.items.length);
      seen.push(...page.items.map((c) => c.id));
      if (!page.nextCursor) break;
      query = `?limit=4&cursor=${encodeURIComponent(page.nextCursor)}`;
    }
    expect(sizes).toEqual([4, 2]);
    expect(seen).toEqual(named('msgr-missed', 'declined', 'failed', 'psid', 'missed', 'rahul'));
  });

  it('keeps its filters across pages', async () => {
    const first = await list('?channel=whatsapp&limit=2');
    expect(first.items.map((c) => c.id)).toEqual(named('declined', 'failed'));
    const second = await list(
      `?channel=whatsapp&limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`,
    );
    expect(second.items.map((c) => c.id)).toEqual(named('missed', 'rahul'));
    expect(second.nextCursor).toBeNull();
  });

  it.each([
    ['channel=fax', 'channel'],
    ['outcome=great', 'outcome'],
    ['limit=0', 'limit'],
    ['limit=201', 'limit'],
    ['limit=ten', 'limit'],
    ['from=yesterday', 'from'],
    ['from=2026-06-02&to=2026-06-01', 'to'],
    ['channel=whatsapp&channel=messenger', 'channel'],
  ])('refuses %s with 400, naming the bad field', async (query, path) => {
    const res = await stack().request(cookie, `/api/calls?${query}`);
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.issues.map((i) => i.path)).toContain(path);
  });

  it('refuses a cursor it did not make with 400', async () => {
    const res = await stack().request(cookie, '/api/calls?cursor=not-a-cursor');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: {
        code: 'invalid_payload',
        message: 'That page link is no longer valid. Start again from the first page.',
      },
    });
  });

  it('answers 401 without a session', async () => {
    const res = await fetch(`${stack().url}/api/calls`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('unauthorized');
  });
});
