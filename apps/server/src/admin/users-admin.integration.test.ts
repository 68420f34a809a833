import type { UserView } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { PASSWORD, useStack, waitUntil } from '../testing/test-stack';

const stack = useStack();

const send = (cookie: string, method: string, path: string, body?: unknown) =>
  stack().request(cookie, path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

async function signInStatus(email: string, password: string): Promise<number> {
  const res = await fetch(`${stack().url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    body: JSON.stringify({ email, password }),
  });
  return res.status;
}

async function adminOfNewWorkspace() {
  const ws = await stack().workspace();
  const admin = await ws.addUser('admin', 'Ana Admin');
  return { ws, admin, cookie: await stack().signIn(admin.email) };
}

describe('users, as an admin manages them', () => {
  it('adds a user with a password, who can then sign in; the reply holds no password', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const res = await send(cookie, 'POST', '/api/admin/users', {
      email: ' Priya@Example.com ',
      password: 'priya-long-password',
      role: 'supervisor',
      name: 'Priya',
    });
    expect(res.status).toBe(201);
    const text = await res.text();
    expect(text).not.toContain('priya-long-password');
    const user = JSON.parse(text) as UserView;
    expect(user).toMatchObject({
      email: 'priya@example.com',
      name: 'Priya',
      role: 'supervisor',
      workspaceId: ws.id,
      disabled: false,
    });
    expect(await signInStatus('priya@example.com', 'priya-long-password')).toBe(200);

    const again = await send(cookie, 'POST', '/api/admin/users', {
      email: 'priya@example.com',
      password: 'another-password',
      role: 'agent',
    });
    expect(again.status).toBe(409);
  });

  it('refuses bad input, naming the fields', async () => {
    const { cookie } = await adminOfNewWorkspace();
    const res = await send(cookie, 'POST', '/api/admin/users', {
      email: 'not-an-email',
      password: 'short',
      role: 'owner',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['email', 'password', 'role']);
    expect(
      (await send(cookie, 'PATCH', `/api/admin/users/${crypto.randomUUID()}`, {})).status,
    ).toBe(400);
    expect(
      (await send(cookie, 'PATCH', `/api/admin/users/${crypto.randomUUID()}`, { name: 'X' }))
        .status,
    ).toBe(404);
    expect((await send(cookie, 'PATCH', '/api/admin/users/not-a-uuid', { name: 'X' })).status).toBe(
      404,
    );
  });

  it('deactivating drops the user’s console at once and signs them out; reactivating lets them back in', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const agent = await ws.agent('Asha');
    const agentCookie = await stack().signIn(agent.email);
    const dropped = new Promise<string>((resolve) =>
      agent.socket.once('disconnect', (reason) => resolve(reason)),
    );
    const started = Date.now();

    const res = await send(cookie, 'PATCH', `/api/admin/users/${agent.id}`, { disabled: true });
    expect(res.status).toBe(200);
    expect(((await res.json()) as UserView).disabled).toBe(true);
    expect(await dropped).toBe('io server disconnect');
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await stack().request(agentCookie, '/api/me')).status).toBe(401);
    expect(await signInStatus(agent.email, PASSWORD)).toBe(401);
    // nobody rings a deactivated agent
    await waitUntil('the agent is offline', async () => {
      const presence = await stack().app.repos.presence.listPresence(ws.id);
      return presence.find((p) => p.userId === agent.id)?.status === 'offline';
    });

    const back = await send(cookie, 'PATCH', `/api/admin/users/${agent.id}`, { disabled: false });
    expect(((await back.json()) as UserView).disabled).toBe(false);
    expect(await signInStatus(agent.email, PASSWORD)).toBe(200);
  });

  it('resets a password: the old one stops working and the user’s sessions end', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const agent = await ws.addUser('agent');
    const agentCookie = await stack().signIn(agent.email);
    const res = await send(cookie, 'PATCH', `/api/admin/users/${agent.id}`, {
      password: 'a brand new password',
    });
    expect(res.status).toBe(200);
    expect((await stack().request(agentCookie, '/api/me')).status).toBe(401);
    expect(await signInStatus(agent.email, PASSWORD)).toBe(401);
    expect(await signInStatus(agent.email, 'a brand new password')).toBe(200);
  });

  it('changes a role, and the user’s sockets reconnect with it (a demoted supervisor loses the board)', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const supervisor = await ws.addUser('supervisor');
    const socket = await stack().connect(supervisor.email);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const res = await send(cookie, 'PATCH', `/api/admin/users/${supervisor.id}`, { role: 'agent' });
    expect(((await res.json()) as UserView).role).toBe('agent');
    expect(await dropped).toBe('io server disconnect');
    const agentCookie = await stack().signIn(supervisor.email);
    expect((await stack().request(agentCookie, '/api/supervisor/board')).status).toBe(403);
  });

  it('keeps at least one active admin in a workspace', async () => {
    const { admin, cookie } = await adminOfNewWorkspace();
    const demote = await send(cookie, 'PATCH', `/api/admin/users/${admin.id}`, { role: 'agent' });
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { error: { message: string } }).error.message).toBe(
      'A workspace needs at least one active admin.',
    );
    expect(
      (await send(cookie, 'PATCH', `/api/admin/users/${admin.id}`, { disabled: true })).status,
    ).toBe(409);
    expect(
      (await send(cookie, 'PATCH', `/api/admin/users/${admin.id}`, { name: 'Ana' })).status,
    ).toBe(200);
  });

  it('records each change in the audit log, never a password', async () => {
    const { cookie, admin } = await adminOfNewWorkspace();
    const created = await send(cookie, 'POST', '/api/admin/users', {
      email: `audit.${Date.now()}@example.com`,
      password: 'audited-secret-password',
      role: 'agent',
    });
    const user = (await created.json()) as UserView;
    await send(cookie, 'PATCH', `/api/admin/users/${user.id}`, {
      password: 'second-secret-password',
    });
    await send(cookie, 'PATCH', `/api/admin/users/${user.id}`, { disabled: true });

    const res = await stack().request(cookie, '/api/admin/audit');
    const text = await res.text();
    expect(text).not.toContain('audited-secret-password');
    expect(text).not.toContain('second-secret-password');
    const { items } = JSON.parse(text) as {
      items: {
        action: string;
        actor: { userId: string };
        target: { id: string };
        secretsChanged: string[];
        changes: Record<string, unknown>;
      }[];
    };
    expect(items.map((e) => e.action)).toEqual([
      'user.deactivate',
      'user.reset-password',
      'user.create',
    ]);
    expect(items.every((e) => e.actor.userId === admin.id && e.target.id === user.id)).toBe(true);
    expect(items[1]?.secretsChanged).toEqual(['password']);
    expect(items[2]?.changes).toMatchObject({ email: user.email, role: 'agent' });
    expect(stack().logs.join('')).not.toContain('audited-secret-password');
  });
});
