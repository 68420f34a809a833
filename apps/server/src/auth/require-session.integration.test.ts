import { describe, expect, it, beforeEach } from 'vitest';
import type { Repos } from '../repos';
import {
  createTestUser,
  getWithCookie,
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

describe('requireSession', () => {
  it('ends a session when it expires', async () => {
    const server = await start({ sessionTtlMs: 60 * 60_000 });
    const asha = await createTestUser(repos, workspaceId);
    const cookie = await signIn(server, asha);

    server.clock.advance(59 * 60_000);
    expect((await getWithCookie(server, '/api/me', cookie)).status).toBe(200);
    server.clock.advance(2 * 60_000);
    expect((await getWithCookie(server, '/api/me', cookie)).status).toBe(401);
  });

  it('shuts out a user deactivated while signed in', async () => {
    const server = await start();
    const asha = await createTestUser(repos, workspaceId);
    const cookie = await signIn(server, asha);

    await repos.users.deactivateUser(workspaceId, asha.user.id);

    expect((await getWithCookie(server, '/api/me', cookie)).status).toBe(401);
  });
});

describe('requireRole', () => {
  it('lets an admin through and refuses an agent with 403 forbidden', async () => {
    const server = await start();
    const admin = await createTestUser(repos, workspaceId, 'admin');
    const agent = await createTestUser(repos, workspaceId, 'agent');

    const asAdmin = await getWithCookie(server, '/api/admin/ping', await signIn(server, admin));
    const asAgent = await getWithCookie(server, '/api/admin/ping', await signIn(server, agent));
    const anonymous = await getWithCookie(server, '/api/admin/ping');

    expect(asAdmin.status).toBe(200);
    expect(await asAdmin.json()).toEqual({ pong: admin.user.id });
    expect(asAgent.status).toBe(403);
    expect(await asAgent.json()).toEqual({
      error: { code: 'forbidden', message: 'Your role does not allow this.' },
    });
    expect(anonymous.status).toBe(401);
  });
});
