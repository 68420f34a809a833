import { eq } from 'drizzle-orm';
import { io as connectSocket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema';
import { sessionIdOf } from '../repos/sessions';
import {
  connected,
  createTestUser,
  signIn,
  socketClient,
  useAuthFixture,
} from '../testing/test-auth-server';
import {
  command,
  ORIGIN,
  useStack,
  waitUntil,
  type ConsoleSocket,
  type Stack,
} from '../testing/test-stack';

const opened: ConsoleSocket[] = [];
afterEach(() => {
  for (const socket of opened.splice(0)) socket.disconnect();
});

/** a console socket for a session cookie, connected */
async function consoleFor(stack: Stack, cookie: string): Promise<ConsoleSocket> {
  const socket: ConsoleSocket = connectSocket(stack.url, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin: ORIGIN },
    reconnection: false,
    forceNew: true,
  });
  opened.push(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

/** resolves with the reason once the server drops the socket; fails after 10 s */
function dropped(socket: ConsoleSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket is still connected')), 10_000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

const tokenOf = (cookie: string) => decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));

function patchUser(stack: Stack, cookie: string, userId: string, body: object) {
  return stack.request(cookie, `/api/admin/users/${userId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('a socket acts only while its session lives', () => {
  const stack = useStack({ auth: { sessionSweepMs: 100 } });

  it('logout drops the sockets of that sign-in', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const cookie = await stack().signIn(agent.email);
    const socket = await consoleFor(stack(), cookie);
    const gone = dropped(socket);

    const out = await stack().request(cookie, '/api/auth/logout', { method: 'POST' });

    expect(out.status).toBe(204);
    expect(await gone).toBe('io server disconnect');
  });

  it('a new sign-in in the same browser ends the one it replaces and drops its sockets', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const first = await stack().signIn(agent.email);
    const socket = await consoleFor(stack(), first);
    const gone = dropped(socket);

    const again = await fetch(`${stack().url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: first },
      body: JSON.stringify({ email: agent.email, password: 'correct horse battery staple' }),
    });

    expect(again.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect((await stack().request(first, '/api/me')).status).toBe(401);
    const second = again.headers.getSetCookie()[0]?.split(';')[0] ?? '';
    const fresh = await consoleFor(stack(), second);
    expect(await command(fresh, 'agent:set-status', { status: 'away' })).toEqual({ ok: true });
  });

  it('changing one’s own password signs out every other browser, and keeps this one', async () => {
    const ws = await stack().workspace();
    const admin = await ws.addUser('admin');
    const here = await stack().signIn(admin.email);
    const elsewhere = await stack().signIn(admin.email);
    const hereSocket = await consoleFor(stack(), here);
    const elsewhereSocket = await consoleFor(stack(), elsewhere);
    const gone = dropped(elsewhereSocket);

    const changed = await patchUser(stack(), here, admin.id, {
      password: 'a brand new passphrase',
    });

    expect(changed.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
    expect((await stack().request(elsewhere, '/api/me')).status).toBe(401);
    expect((await stack().request(here, '/api/me')).status).toBe(200);
    expect(hereSocket.connected).toBe(true);
    expect(await command(hereSocket, 'agent:set-status', { status: 'away' })).toEqual({ ok: true });
  });

  it.each([
    ['a password reset by an admin', { password: 'reset by the admin 1' }],
    ['deactivation', { disabled: true }],
    ['a role change', { role: 'supervisor' }],
  ])('%s drops the user’s sockets', async (_event, body) => {
    const ws = await stack().workspace();
    const admin = await ws.addUser('admin');
    const agent = await ws.addUser('agent');
    const adminCookie = await stack().signIn(admin.email);
    const socket = await consoleFor(stack(), await stack().signIn(agent.email));
    const gone = dropped(socket);

    expect((await patchUser(stack(), adminCookie, agent.id, body)).status).toBe(200);

    expect(await gone).toBe('io server disconnect');
  });

  it('a session gone from the database by any other way drops its socket at the next sweep', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const cookie = await stack().signIn(agent.email);
    const socket = await consoleFor(stack(), cookie);
    const gone = dropped(socket);

    // as a node that died before telling the others would leave it: no event at all
    await stack()
      .database.db.delete(sessions)
      .where(eq(sessions.id, sessionIdOf(tokenOf(cookie))));

    expect(await gone).toBe('io server disconnect');
  });

  it('expired sessions are deleted from the database by the periodic sweep; live ones stay', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const { repos } = stack().app;
    const expired = await repos.sessions.createSession(
      agent.id,
      60_000,
      new Date(Date.now() - 120_000),
    );
    const live = await repos.sessions.createSession(agent.id, 3_600_000, new Date());
    const rowOf = async (token: string) =>
      stack()
        .database.db.select()
        .from(sessions)
        .where(eq(sessions.id, sessionIdOf(token)));

    await waitUntil(
      'the expired session is purged',
      async () => (await rowOf(expired)).length === 0,
    );

    expect(await rowOf(live)).toHaveLength(1);
    expect((await stack().app.sessionGuard.runOnce()).purged).toBe(0);
  });
});

describe('a session that expires without any event', () => {
  const stack = useStack({ auth: { sessionTtlMs: 1_500 } });

  it('drops its socket at expiry, with no request, logout or command', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const signedInAt = Date.now();
    const socket = await consoleFor(stack(), await stack().signIn(agent.email));

    expect(await dropped(socket)).toBe('io server disconnect');
    expect(Date.now() - signedInAt).toBeGreaterThanOrEqual(1_400);
  });
});

describe('an expired session, read on the server’s clock', () => {
  const fixture = useAuthFixture();
  const TWELVE_HOURS = 12 * 3_600_000;

  it('a command sent after expiry is not run, and drops the socket', async () => {
    const { repos, workspaceId, start } = fixture();
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const socket = socketClient(server, {
      origin: server.origin,
      cookie: await signIn(server, asha),
    });
    await connected(socket);
    let handled = 0;
    for (const serverSide of server.io.of('/').sockets.values()) {
      serverSide.on('agent:set-status', () => void (handled += 1));
    }
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    server.clock.advance(TWELVE_HOURS);
    socket.emit('agent:set-status', { status: 'available' }, () => undefined);

    expect(await gone).toBe('io server disconnect');
    expect(handled).toBe(0);
  });

  it('the sweep drops sockets whose session expired and deletes the expired rows', async () => {
    const { repos, workspaceId, start } = fixture();
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const socket = socketClient(server, {
      origin: server.origin,
      cookie: await signIn(server, asha),
    });
    await connected(socket);
    const gone = new Promise<string>((resolve) => socket.once('disconnect', resolve));

    expect(await server.sessionGuard.runOnce()).toEqual({ disconnected: 0, purged: 0 });
    server.clock.advance(TWELVE_HOURS + 1);
    const swept = await server.sessionGuard.runOnce();

    expect(swept.disconnected).toBe(1);
    expect(swept.purged).toBeGreaterThanOrEqual(1);
    expect(await gone).toBe('io server disconnect');
  });
});
