import { describe, expect, it } from 'vitest';
import { ORIGIN, useStack } from '../testing/test-stack';

const stack = useStack();

const json = (body: unknown): RequestInit => ({
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** every admin and supervisor route, with a body that would pass validation */
function routes(ids: { workspace: string; user: string; channel: string; call: string }) {
  const reads = [
    '/api/admin/workspaces',
    `/api/admin/workspaces/${ids.workspace}`,
    '/api/admin/users',
    `/api/admin/users/${ids.user}`,
    '/api/admin/channels',
    `/api/admin/channels/${ids.channel}`,
    '/api/admin/meta-webhook',
    '/api/admin/webhooks',
    '/api/admin/audit',
  ];
  const changes: [method: string, path: string, init: RequestInit][] = [
    ['PATCH', `/api/admin/workspaces/${ids.workspace}`, json({ name: 'Renamed' })],
    [
      'POST',
      '/api/admin/users',
      json({ email: `x${Date.now()}@example.com`, password: 'long enough', role: 'agent' }),
    ],
    ['PATCH', `/api/admin/users/${ids.user}`, json({ name: 'New name' })],
    [
      'POST',
      '/api/admin/channels',
      json({
        channel: 'messenger',
        pageId: '106378625519911',
        name: 'P',
        accessToken: 'x'.repeat(24),
      }),
    ],
    ['PATCH', `/api/admin/channels/${ids.channel}`, json({ ringTimeoutSec: 30 })],
    ['POST', `/api/admin/channels/${ids.channel}/test`, {}],
    ['PUT', '/api/admin/meta-webhook', json({ appSecret: 'a-new-app-secret-value' })],
    ['POST', '/api/admin/webhooks', json({ url: 'https://crm.example.com/hook', events: ['*'] })],
  ];
  const supervisorActions: [string, string][] = [
    ['POST', `/api/supervisor/calls/${ids.call}/end`],
    ['POST', `/api/supervisor/agents/${ids.user}/away`],
  ];
  return { reads, changes, supervisorActions };
}

async function setup() {
  const ws = await stack().workspace();
  const agent = await ws.addUser('agent');
  const supervisor = await ws.addUser('supervisor');
  const admin = await ws.addUser('admin');
  const ids = {
    workspace: ws.id,
    user: agent.id,
    channel: ws.messengerChannelId,
    call: '00000000-0000-4000-8000-000000000000',
  };
  return {
    ws,
    ids,
    cookies: {
      agent: await stack().signIn(agent.email),
      supervisor: await stack().signIn(supervisor.email),
      admin: await stack().signIn(admin.email),
    },
  };
}

describe('who may use the admin and supervisor APIs', () => {
  it('refuses agents everything, with 403', async () => {
    const { ids, cookies } = await setup();
    const { reads, changes, supervisorActions } = routes(ids);
    for (const path of [...reads, '/api/supervisor/board']) {
      expect((await stack().request(cookies.agent, path)).status, path).toBe(403);
    }
    for (const [method, path, init] of changes) {
      const res = await stack().request(cookies.agent, path, { ...init, method });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect(await res.json()).toEqual({
        error: { code: 'forbidden', message: 'Your role does not allow this.' },
      });
    }
    for (const [method, path] of supervisorActions) {
      expect((await stack().request(cookies.agent, path, { method })).status, path).toBe(403);
    }
  });

  it('lets supervisors read every admin setting but change none', async () => {
    const { ids, cookies } = await setup();
    const { reads, changes } = routes(ids);
    for (const path of [...reads, '/api/supervisor/board']) {
      expect((await stack().request(cookies.supervisor, path)).status, path).toBe(200);
    }
    for (const [method, path, init] of changes) {
      const res = await stack().request(cookies.supervisor, path, { ...init, method });
      expect(res.status, `${method} ${path}`).toBe(403);
    }
    // nothing changed behind the refusals
    const users = await stack().app.repos.users.listUsers(ids.workspace);
    expect(users.map((u) => u.name)).not.toContain('New name');
    expect(
      (await stack().app.repos.channels.getChannel(ids.workspace, ids.channel))?.ringTimeoutSec,
    ).toBe(45);
  });

  it('asks for a sign-in first (401) and refuses changes from another site (403)', async () => {
    const { ids, cookies } = await setup();
    for (const path of routes(ids).reads) {
      expect((await fetch(`${stack().url}${path}`)).status, path).toBe(401);
    }
    const forged = await fetch(`${stack().url}/api/admin/users/${ids.user}`, {
      method: 'PATCH',
      headers: {
        cookie: cookies.admin,
        origin: 'https://evil.example',
        'content-type': 'application/json',
      },
      body: JSON.stringify({ role: 'admin' }),
    });
    expect(forged.status).toBe(403);
    expect((await stack().app.repos.users.getUser(ids.workspace, ids.user))?.role).toBe('agent');
    const fromConsole = await fetch(`${stack().url}/api/admin/users/${ids.user}`, {
      method: 'PATCH',
      headers: { cookie: cookies.admin, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed agent' }),
    });
    expect(fromConsole.status).toBe(200);
  });

  it('answers an unknown admin path with a JSON 404 after the same checks', async () => {
    const { cookies } = await setup();
    expect((await stack().request(cookies.agent, '/api/admin/nothing-here')).status).toBe(403);
    const res = await stack().request(cookies.admin, '/api/admin/nothing-here');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('workspace scoping', () => {
  it('shows an admin only their own workspace, users, channels and webhooks', async () => {
    const mine = await setup();
    const theirs = await setup();
    const get = (path: string) => stack().request(mine.cookies.admin, path);

    const workspaces = (await (await get('/api/admin/workspaces')).json()) as {
      items: { id: string }[];
    };
    expect(workspaces.items.map((w) => w.id)).toEqual([mine.ids.workspace]);
    const users = (await (await get('/api/admin/users')).json()) as {
      items: { workspaceId: string }[];
    };
    expect(users.items.length).toBe(3);
    expect(users.items.every((u) => u.workspaceId === mine.ids.workspace)).toBe(true);
    const channels = (await (await get('/api/admin/channels')).json()) as {
      items: { id: string }[];
    };
    expect(channels.items.map((c) => c.id).sort()).toEqual(
      [mine.ws.whatsappChannelId, mine.ws.messengerChannelId].sort(),
    );

    for (const path of [
      `/api/admin/workspaces/${theirs.ids.workspace}`,
      `/api/admin/users/${theirs.ids.user}`,
      `/api/admin/channels/${theirs.ids.channel}`,
    ]) {
      expect((await get(path)).status, path).toBe(404);
    }
    const change = await stack().request(
      mine.cookies.admin,
      `/api/admin/users/${theirs.ids.user}`,
      {
        method: 'PATCH',
        ...json({ disabled: true }),
      },
    );
    expect(change.status).toBe(404);
    expect(
      (await stack().app.repos.users.getUser(theirs.ids.workspace, theirs.ids.user))?.active,
    ).toBe(true);

    const sub = await stack().request(theirs.cookies.admin, '/api/admin/webhooks', {
      method: 'POST',
      ...json({ url: 'https://crm.example.com/theirs', events: ['*'] }),
    });
    const { id } = (await sub.json()) as { id: string };
    expect((await get(`/api/admin/webhooks/${id}`)).status).toBe(404);
    expect((await get(`/api/admin/webhooks/${id}/deliveries`)).status).toBe(404);
    const listed = (await (await get('/api/admin/webhooks')).json()) as { items: unknown[] };
    expect(listed.items).toEqual([]);
  });

  it('refuses to create users or channels in another workspace', async () => {
    const mine = await setup();
    const theirs = await setup();
    const user = await stack().request(mine.cookies.admin, '/api/admin/users', {
      method: 'POST',
      ...json({
        email: 'intruder@example.com',
        password: 'long enough',
        role: 'admin',
        workspaceId: theirs.ids.workspace,
      }),
    });
    expect(user.status).toBe(403);
    const channel = await stack().request(mine.cookies.admin, '/api/admin/channels', {
      method: 'POST',
      ...json({
        channel: 'messenger',
        pageId: '106378625519977',
        name: 'X',
        accessToken: 'y'.repeat(30),
        workspaceId: theirs.ids.workspace,
      }),
    });
    expect(channel.status).toBe(403);
    expect(await stack().app.repos.users.findUserByEmail('intruder@example.com')).toBeUndefined();
  });
});
