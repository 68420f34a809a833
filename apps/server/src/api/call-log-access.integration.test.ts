import { callsPageReplySchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../testing/parse-csv';
import { storePastCall } from '../testing/seed-calls';
import { useStack } from '../testing/test-stack';

const stack = useStack();
const at = Date.parse('2026-06-01T09:00:00Z');

/** a workspace with two agents, a supervisor, an admin, and a call for each agent plus a missed one */
async function callCentre(name: string) {
  const ws = await stack().workspace(name);
  const asha = await ws.addUser('agent', `${name} Asha`);
  const ben = await ws.addUser('agent', `${name} Ben`);
  const supervisor = await ws.addUser('supervisor');
  const admin = await ws.addUser('admin');
  const app = stack().app;
  const calls = {
    asha: await storePastCall(app, ws, { at, agentId: asha.id, talkedSec: 30 }),
    ben: await storePastCall(app, ws, { at: at + 1_000, agentId: ben.id, talkedSec: 30 }),
    missed: await storePastCall(app, ws, { at: at + 2_000 }),
  };
  const cookies = {
    asha: await stack().signIn(asha.email),
    ben: await stack().signIn(ben.email),
    supervisor: await stack().signIn(supervisor.email),
    admin: await stack().signIn(admin.email),
  };
  return { ws, asha, ben, calls, cookies };
}

async function listIds(cookie: string, query = ''): Promise<string[]> {
  const res = await stack().request(cookie, `/api/calls${query}`);
  expect(res.status).toBe(200);
  return callsPageReplySchema.parse(await res.json()).items.map((c) => c.id);
}

describe('who sees which calls', () => {
  it('an agent sees their own calls and their line’s missed ones, in the list, the export and the detail', async () => {
    const { asha, calls, cookies } = await callCentre('Acme');
    // nobody is assigned to the number: it rings every agent, so its missed calls are everyone's
    expect(await listIds(cookies.asha)).toEqual([calls.missed, calls.asha]);
    // asking for themselves is fine, and is just what they took
    expect(await listIds(cookies.asha, `?agent=${asha.id}`)).toEqual([calls.asha]);

    const csv = await stack().request(cookies.asha, '/api/calls/export.csv');
    expect(
      parseCsv(await csv.text())
        .slice(1)
        .map((row) => row[0]),
    ).toEqual([calls.missed, calls.asha]);

    for (const mine of [calls.asha, calls.missed]) {
      expect((await stack().request(cookies.asha, `/api/calls/${mine}`)).status).toBe(200);
    }
    for (const other of [calls.ben]) {
      const res = await stack().request(cookies.asha, `/api/calls/${other}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such call.' } });
    }
  });

  it('an agent asking for a colleague’s calls is refused', async () => {
    const { ben, cookies } = await callCentre('Acme');
    const res = await stack().request(cookies.asha, `/api/calls?agent=${ben.id}`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect(
      (await stack().request(cookies.asha, `/api/calls/export.csv?agent=${ben.id}`)).status,
    ).toBe(403);
  });

  it('supervisors and admins see every call of their workspace', async () => {
    const { calls, cookies } = await callCentre('Acme');
    const all = [calls.missed, calls.ben, calls.asha];
    expect(await listIds(cookies.supervisor)).toEqual(all);
    expect(await listIds(cookies.admin)).toEqual(all);
    for (const id of all) {
      expect((await stack().request(cookies.supervisor, `/api/calls/${id}`)).status).toBe(200);
    }
  });

  it('another workspace’s call is a 404, whoever asks and however', async () => {
    const acme = await callCentre('Acme');
    const globex = await callCentre('Globex');
    expect(await listIds(globex.cookies.supervisor)).not.toContain(acme.calls.asha);
    expect(await listIds(globex.cookies.admin, `?agent=${acme.asha.id}`)).toEqual([]);
    for (const cookie of Object.values(globex.cookies)) {
      const res = await stack().request(cookie, `/api/calls/${acme.calls.asha}`);
      expect(res.status).toBe(404);
    }
  });

  it('a malformed id is a 404, and no session is a 401', async () => {
    const { calls, cookies } = await callCentre('Acme');
    expect((await stack().request(cookies.supervisor, '/api/calls/not-a-uuid')).status).toBe(404);
    expect((await fetch(`${stack().url}/api/calls/${calls.asha}`)).status).toBe(401);
    expect((await fetch(`${stack().url}/api/calls/export.csv`)).status).toBe(401);
    const stale = 'ringside_session=forged-or-expired';
    expect((await stack().request(stale, '/api/calls')).status).toBe(401);
  });
});
