import { eq } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema';
import type { Repos } from '../repos';
import { SCRYPT_COST, TEST_ONLY_SCRYPT_COST, verifyPassword } from './passwords';
import {
  createTestUser,
  getWithCookie,
  postJson,
  sessionCookieFrom,
  signIn,
  useAuthFixture,
  type AuthFixture,
} from '../testing/test-auth-server';

const fixture = useAuthFixture();
let repos: Repos;
let workspaceId: string;
let start: AuthFixture['start'];

beforeEach(() => {
  ({ repos, workspaceId, start } = fixture());
});

describe('POST /api/auth/login', () => {
  it('signs in: an HttpOnly, SameSite=Lax session cookie and the me reply', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId, 'supervisor');

    const response = await postJson(server, '/api/auth/login', {
      email: `  ${asha.email.toUpperCase()} `,
      password: asha.password,
    });

    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      id: asha.user.id,
      email: asha.email,
      name: 'Test supervisor',
      role: 'supervisor',
      workspaceId,
      workspaceName: 'Acme Support',
      channels: [],
      locale: null,
    });
    const [setCookie] = response.headers.getSetCookie();
    expect(setCookie).toMatch(/^ringside_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('Max-Age=43200');
    // the console is on http here: a Secure cookie would never come back
    expect(setCookie).not.toContain('Secure');
  });

  it('marks the cookie Secure when the console is served over https', async () => {
    const server = await start({ publicOrigins: ['https://ringside.example.com'] });
    const asha = await createTestUser(repos, workspaceId);

    const response = await postJson(server, '/api/auth/login', {
      email: asha.email,
      password: asha.password,
    });

    expect(response.status).toBe(200);
    expect(response.headers.getSetCookie()[0]).toContain('; Secure');
  });

  it('gives a wrong password and an unknown email the same 401 and no cookie', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);

    const wrongPassword = await postJson(server, '/api/auth/login', {
      email: asha.email,
      password: `${asha.password}x`,
    });
    const unknownEmail = await postJson(server, '/api/auth/login', {
      email: `nobody.${randomUUID()}@example.com`,
      password: asha.password,
    });

    const expected = {
      error: { code: 'unauthorized', message: 'Email or password is incorrect' },
    };
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(expected);
    expect(await unknownEmail.json()).toEqual(expected);
    expect(wrongPassword.headers.getSetCookie()).toEqual([]);
    expect(unknownEmail.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a deactivated user with the same 401 as a wrong password', async () => {
    const server = await start();
    const gone = await createTestUser(repos, workspaceId);
    await repos.users.deactivateUser(workspaceId, gone.user.id);

    const response = await postJson(server, '/api/auth/login', {
      email: gone.email,
      password: gone.password,
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      error: { code: 'unauthorized', message: 'Email or password is incorrect' },
    });
    expect(sessionCookieFrom(response)).toBeUndefined();
  });

  it('rate limits an email after 5 failures, even the right password, until the window passes', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const attempt = (password: string) =>
      postJson(server, '/api/auth/login', { email: asha.email, password });

    for (let i = 0; i < 5; i += 1) {
      expect((await attempt(`guess-${i}`)).status).toBe(401);
    }
    const limited = await attempt(asha.password);

    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('900');
    expect(await limited.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: 'Too many sign-in attempts. Try again in 15 minutes.',
      },
    });
    expect(sessionCookieFrom(limited)).toBeUndefined();

    server.clock.advance(10 * 60_000);
    const stillLimited = await attempt(asha.password);
    expect(stillLimited.status).toBe(429);
    expect(stillLimited.headers.get('retry-after')).toBe('300');

    server.clock.advance(5 * 60_000);
    const afterWindow = await attempt(asha.password);
    expect(afterWindow.status).toBe(200);
    expect(sessionCookieFrom(afterWindow)).toBeDefined();
  });

  it('lets the owner sign in from a fresh IP while their account is attacked from another', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const from = (ip: string, password: string) =>
      postJson(
        server,
        '/api/auth/login',
        { email: asha.email, password },
        { 'x-forwarded-for': ip },
      );
    for (let i = 0; i < 5; i += 1) {
      expect((await from('203.0.113.66', `guess-${i}`)).status).toBe(401);
    }

    const attacker = await from('203.0.113.66', asha.password);
    const owner = await from('198.51.100.9', asha.password);

    expect(attacker.status).toBe(429);
    expect(attacker.headers.get('retry-after')).toBe('900');
    expect(owner.status).toBe(200);
    expect(sessionCookieFrom(owner)).toBeDefined();
  });

  it('rehashes a password stored at an older, cheaper cost at its next sign-in', async () => {
    const server = await start({ testOnlyPasswordCost: SCRYPT_COST });
    const asha = await createTestUser(repos, workspaceId);
    const hashBefore = (await repos.users.findUserByEmail(asha.email))?.passwordHash ?? '';
    expect(hashBefore.startsWith(`scrypt$${TEST_ONLY_SCRYPT_COST.N}$`)).toBe(true);

    expect((await postJson(server, '/api/auth/login', asha)).status).toBe(200);

    const hashAfter = (await repos.users.findUserByEmail(asha.email))?.passwordHash ?? '';
    expect(hashAfter.startsWith('scrypt$131072$8$1$')).toBe(true);
    expect(await verifyPassword(asha.password, hashAfter)).toBe(true);
    const again = await postJson(server, '/api/auth/login', asha);
    expect(again.status).toBe(200);
  });

  it('rate limits one IP across many emails', async () => {
    const server = await start({ loginLimits: { maxPerIp: 3 } });
    const asha = await createTestUser(repos, workspaceId);

    for (let i = 0; i < 3; i += 1) {
      const response = await postJson(server, '/api/auth/login', {
        email: `guess${i}.${randomUUID()}@example.com`,
        password: 'nope',
      });
      expect(response.status).toBe(401);
    }
    const limited = await postJson(server, '/api/auth/login', {
      email: asha.email,
      password: asha.password,
    });

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('answers a malformed body with 400 invalid_payload and the problem paths', async () => {
    const server = await start();

    const badEmail = await postJson(server, '/api/auth/login', { email: 'not-an-email' });
    const notJson = await fetch(`${server.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.origin },
      body: '{"email":',
    });

    expect(badEmail.status).toBe(400);
    const body = (await badEmail.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.issues.map((issue) => issue.path).sort()).toEqual(['email', 'password']);
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({
      error: { code: 'invalid_payload', message: 'The request body is not valid JSON.' },
    });
  });

  it('refuses a sign-in posted from a foreign origin: 403, no cookie, no session', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);

    const response = await postJson(
      server,
      '/api/auth/login',
      { email: asha.email, password: asha.password },
      { origin: 'https://evil.example' },
    );

    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({
      error: { code: 'forbidden', message: 'This request did not come from the Ringside console.' },
    });
    expect(response.headers.getSetCookie()).toEqual([]);
    const ashasSessions = await fixture()
      .database.db.select()
      .from(sessions)
      .where(eq(sessions.userId, asha.user.id));
    expect(ashasSessions).toEqual([]);
  });

  it('never writes the password or the session token into a log line', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);

    await postJson(server, '/api/auth/login', { email: asha.email, password: 'wrong-secret-1' });
    const cookie = await signIn(server, asha);
    await postJson(server, '/api/auth/logout', {}, { cookie });

    const token = cookie.split('=')[1] ?? '';
    const logs = server.logs.join('\n');
    expect(server.logs.length).toBeGreaterThanOrEqual(3);
    expect(logs).toContain('signed in');
    expect(logs).not.toContain(asha.password);
    expect(logs).not.toContain('wrong-secret-1');
    expect(token.length).toBeGreaterThan(20);
    expect(logs).not.toContain(token);
  });
});

describe('GET /api/me and POST /api/auth/logout', () => {
  it('answers /api/me for a signed-in user and 401 without a cookie', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId, 'admin');
    const cookie = await signIn(server, asha);

    const me = await getWithCookie(server, '/api/me', cookie);
    const anonymous = await getWithCookie(server, '/api/me');
    const forged = await getWithCookie(server, '/api/me', 'ringside_session=forged-token');

    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ id: asha.user.id, role: 'admin', workspaceId });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toEqual({
      error: { code: 'unauthorized', message: 'Please sign in.' },
    });
    expect(forged.status).toBe(401);
  });

  it('logs out: the session is gone, the cookie cleared, and the old cookie gets 401', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const cookie = await signIn(server, asha);

    const logout = await postJson(server, '/api/auth/logout', {}, { cookie });

    expect(logout.status).toBe(204);
    const cleared = logout.headers.getSetCookie()[0] ?? '';
    expect(cleared).toMatch(/^ringside_session=;/);
    expect(cleared).toContain('Expires=Thu, 01 Jan 1970');
    expect((await getWithCookie(server, '/api/me', cookie)).status).toBe(401);
  });

  it('ignores a logout posted from a foreign origin: 403 and the session lives on', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const cookie = await signIn(server, asha);

    const logout = await postJson(
      server,
      '/api/auth/logout',
      {},
      { cookie, origin: 'http://localhost:3000.evil.example' },
    );

    expect(logout.status).toBe(403);
    expect(logout.headers.getSetCookie()).toEqual([]);
    expect((await getWithCookie(server, '/api/me', cookie)).status).toBe(200);
  });
});
