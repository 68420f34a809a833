import type { AuditPageReply, WorkspaceView } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { useStack } from '../testing/test-stack';

const stack = useStack();

const patch = (cookie: string, path: string, body: unknown) =>
  stack().request(cookie, path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function setup() {
  const ws = await stack().workspace();
  const admin = await ws.addUser('admin', 'Ana');
  return {
    ws,
    admin,
    cookie: await stack().signIn(admin.email),
    supervisor: await stack().signIn((await ws.addUser('supervisor')).email),
    agent: await stack().signIn((await ws.addUser('agent')).email),
  };
}

const page = async (cookie: string, query = '') =>
  (await (await stack().request(cookie, `/api/admin/audit${query}`)).json()) as AuditPageReply;

describe('the audit log', () => {
  it('records who renamed the workspace, and when', async () => {
    const { ws, admin, cookie } = await setup();
    const before = Date.now();
    const res = await patch(cookie, `/api/admin/workspaces/${ws.id}`, {
      name: 'Acme Support (EU)',
    });
    expect(((await res.json()) as WorkspaceView).name).toBe('Acme Support (EU)');
    const [entry] = (await page(cookie)).items;
    expect(entry).toMatchObject({
      action: 'workspace.rename',
      actor: { userId: admin.id, name: 'Ana', email: admin.email },
      target: { type: 'workspace', id: ws.id },
      changes: { name: 'Acme Support (EU)' },
      secretsChanged: [],
    });
    expect(Date.parse(entry?.at ?? '')).toBeGreaterThanOrEqual(before - 1_000);
    expect((await patch(cookie, `/api/admin/workspaces/${ws.id}`, { name: '  ' })).status).toBe(
      400,
    );
  });

  it('pages newest first, and only ever shows the reader’s own workspace', async () => {
    const { ws, cookie, supervisor, agent } = await setup();
    const other = await setup();
    for (const name of ['One', 'Two', 'Three']) {
      await patch(cookie, `/api/admin/workspaces/${ws.id}`, { name });
    }
    await patch(other.cookie, `/api/admin/workspaces/${other.ws.id}`, { name: 'Elsewhere' });

    const first = await page(supervisor, '?limit=2');
    expect(first.items.map((e) => e.changes['name'])).toEqual(['Three', 'Two']);
    expect(first.nextCursor).not.toBeNull();
    const second = await page(supervisor, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.items.map((e) => e.changes['name'])).toEqual(['One']);
    expect(second.nextCursor).toBeNull();

    expect((await stack().request(agent, '/api/admin/audit')).status).toBe(403);
    expect((await stack().request(cookie, '/api/admin/audit?cursor=not-a-cursor')).status).toBe(
      400,
    );
    expect((await stack().request(cookie, '/api/admin/audit?limit=0')).status).toBe(400);
  });

  it('renames only the reader’s own workspace', async () => {
    const mine = await setup();
    const theirs = await setup();
    const res = await patch(mine.cookie, `/api/admin/workspaces/${theirs.ws.id}`, {
      name: 'Taken over',
    });
    expect(res.status).toBe(404);
    expect((await stack().app.repos.workspaces.getWorkspace(theirs.ws.id))?.name).not.toBe(
      'Taken over',
    );
    expect((await page(theirs.cookie)).items).toEqual([]);
  });
});
