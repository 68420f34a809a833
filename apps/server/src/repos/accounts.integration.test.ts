import { describe, expect, it } from 'vitest';
import { sessions } from '../db/schema';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import { sessionIdOf } from './sessions';
import { seedWorkspace, testRepos } from '../testing/test-seed';

const HOUR = 3_600_000;
const NOW = new Date('2025-07-01T10:00:00Z');
const later = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(ENGINES)('workspaces and users on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('creates, gets and lists workspaces', async () => {
    const repos = testRepos(database().db);
    const acme = await repos.workspaces.createWorkspace('Acme Support');
    expect(await repos.workspaces.getWorkspace(acme.id)).toEqual(acme);
    expect(await repos.workspaces.getWorkspace('not-a-uuid')).toBeUndefined();
    expect((await repos.workspaces.listWorkspaces()).map((w) => w.id)).toContain(acme.id);
  });

  it('keeps emails unique whatever their case, and finds users by any case', async () => {
    const repos = testRepos(database().db);
    const workspace = await repos.workspaces.createWorkspace('W');
    const created = await repos.users.createUser({
      workspaceId: workspace.id,
      email: ' Asha.Unique@Example.com ',
      name: 'Asha',
      passwordHash: 'scrypt$hash',
      role: 'supervisor',
    });
    expect(created).toMatchObject({
      ok: true,
      user: { email: 'asha.unique@example.com', active: true },
    });
    expect(created.ok && 'passwordHash' in created.user).toBe(false);

    const other = await repos.workspaces.createWorkspace('Elsewhere');
    const duplicate = await repos.users.createUser({
      workspaceId: other.id,
      email: 'ASHA.UNIQUE@example.COM',
      name: 'Impostor',
      passwordHash: 'x',
      role: 'admin',
    });
    expect(duplicate).toMatchObject({ ok: false, error: { code: 'email_taken' } });

    const found = await repos.users.findUserByEmail('asha.UNIQUE@example.com');
    expect(found).toMatchObject({ name: 'Asha', passwordHash: 'scrypt$hash', role: 'supervisor' });
    expect(await repos.users.findUserByEmail('nobody@example.com')).toBeUndefined();
  });

  it('refuses a user for a workspace that does not exist', async () => {
    const repos = testRepos(database().db);
    for (const workspaceId of ['00000000-0000-4000-8000-000000000000', 'w_1']) {
      const created = await repos.users.createUser({
        workspaceId,
        email: `ghost-${workspaceId}@example.com`,
        name: 'Ghost',
        passwordHash: 'x',
        role: 'agent',
      });
      expect(created).toMatchObject({ ok: false, error: { code: 'workspace_not_found' } });
    }
  });

  it('never lets one workspace read or change another’s users', async () => {
    const repos = testRepos(database().db);
    const a = await seedWorkspace(repos, ['agent', 'admin']);
    const b = await seedWorkspace(repos, ['agent']);
    const victim = b.users[0]!;
    expect((await repos.users.listUsers(a.workspaceId)).map((u) => u.id).sort()).toEqual(
      a.users.map((u) => u.id).sort(),
    );
    expect(await repos.users.getUser(a.workspaceId, victim.id)).toBeUndefined();
    expect(await repos.users.setRole(a.workspaceId, victim.id, 'admin')).toBeUndefined();
    expect(await repos.users.setPasswordHash(a.workspaceId, victim.id, 'mine')).toBeUndefined();
    expect(await repos.users.deactivateUser(a.workspaceId, victim.id)).toBeUndefined();
    expect(await repos.users.getUser(b.workspaceId, victim.id)).toMatchObject({
      role: 'agent',
      active: true,
    });
  });

  it('changes role, name and password hash within the workspace', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent']);
    const user = seeded.users[0]!;
    expect(await repos.users.setRole(seeded.workspaceId, user.id, 'supervisor')).toMatchObject({
      role: 'supervisor',
    });
    expect(await repos.users.setName(seeded.workspaceId, user.id, 'Asha K')).toMatchObject({
      name: 'Asha K',
    });
    await repos.users.setPasswordHash(seeded.workspaceId, user.id, 'scrypt$new');
    expect((await repos.users.findUserByEmail(user.email))?.passwordHash).toBe('scrypt$new');
  });
});

describe.each(ENGINES)('sessions on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('finds a session by its token until it expires', async () => {
    const repos = testRepos(database().db);
    const user = (await seedWorkspace(repos, ['agent'])).users[0]!;
    const token = await repos.sessions.createSession(user.id, 12 * HOUR, NOW);
    expect(Buffer.from(token, 'base64url')).toHaveLength(32);

    const found = await repos.sessions.findSession(token, later(HOUR));
    expect(found).toMatchObject({
      sessionId: sessionIdOf(token),
      user: { id: user.id, role: 'agent' },
    });
    expect(found?.user).not.toHaveProperty('passwordHash');
    expect(await repos.sessions.findSession(token, later(12 * HOUR))).toBeUndefined();
    expect(await repos.sessions.findSession(`${token}x`, later(HOUR))).toBeUndefined();
    expect(await repos.sessions.findSession('', later(HOUR))).toBeUndefined();
    expect(await repos.sessions.findSession('x'.repeat(10_000), later(HOUR))).toBeUndefined();
  });

  it('stores only the token’s hash', async () => {
    const repos = testRepos(database().db);
    const user = (await seedWorkspace(repos, ['agent'])).users[0]!;
    const token = await repos.sessions.createSession(user.id, HOUR, NOW);
    const rows = await database().db.select().from(sessions);
    expect(rows.map((row) => row.id)).toContain(sessionIdOf(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('ends a session on sign-out, and all of them when the user is deactivated', async () => {
    const repos = testRepos(database().db);
    const seeded = await seedWorkspace(repos, ['agent', 'agent']);
    const [asha, ben] = seeded.users;
    const laptop = await repos.sessions.createSession(asha!.id, HOUR, NOW);
    const phone = await repos.sessions.createSession(asha!.id, HOUR, NOW);
    const bens = await repos.sessions.createSession(ben!.id, HOUR, NOW);

    await repos.sessions.deleteSession(laptop);
    expect(await repos.sessions.findSession(laptop, NOW)).toBeUndefined();
    expect(await repos.sessions.findSession(phone, NOW)).toBeDefined();

    expect(await repos.users.deactivateUser(seeded.workspaceId, asha!.id)).toMatchObject({
      active: false,
    });
    expect(await repos.sessions.findSession(phone, NOW)).toBeUndefined();
    expect(await repos.sessions.findSession(bens, NOW)).toBeDefined();
    // a session created for a deactivated user (a race with deactivation) does not work either
    const late = await repos.sessions.createSession(asha!.id, HOUR, NOW);
    expect(await repos.sessions.findSession(late, NOW)).toBeUndefined();
    await repos.users.reactivateUser(seeded.workspaceId, asha!.id);
    expect(await repos.sessions.findSession(late, NOW)).toBeDefined();
    expect(await repos.sessions.deleteUserSessions(asha!.id)).toBe(1);
    expect(await repos.sessions.findSession(late, NOW)).toBeUndefined();
  });

  it('drops expired sessions on housekeeping', async () => {
    const repos = testRepos(database().db);
    const user = (await seedWorkspace(repos, ['agent'])).users[0]!;
    const short = await repos.sessions.createSession(user.id, HOUR, NOW);
    const long = await repos.sessions.createSession(user.id, 10 * HOUR, NOW);
    expect(await repos.sessions.deleteExpiredSessions(later(2 * HOUR))).toBeGreaterThanOrEqual(1);
    expect(await repos.sessions.findSession(short, NOW)).toBeUndefined();
    expect(await repos.sessions.findSession(long, later(2 * HOUR))).toBeDefined();
  });
});
