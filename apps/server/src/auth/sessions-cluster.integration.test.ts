import { createMetaSim, type MetaSim } from '@ringside/meta-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresAdminUrl } from '../testing/test-databases';
import {
  CLUSTER_ORIGIN,
  consoleSocketOn,
  sessionCookieOf,
  signInOn,
  startClusterNode,
  stopClusterNode,
  type ClusterNode,
} from '../testing/cluster-node';
import { createTestDatabase } from '../testing/postgres';
import { startTestRedis, type TestRedis } from '../testing/redis';
import type { ConsoleSocket } from '../testing/socket-helpers';
import { hashPassword, TEST_ONLY_SCRYPT_COST } from './passwords';

const SECRET = 'cluster-sessions-secret';
const PASSWORD = 'cluster sessions password';
let redis: TestRedis;
let sim: MetaSim;
const nodes: ClusterNode[] = [];
const sockets: ConsoleSocket[] = [];
let workspaceId = '';

beforeAll(async () => {
  redis = await startTestRedis();
  sim = createMetaSim({ appSecret: SECRET, webhookUrl: null, numbers: [], pages: [] });
  const graph = { baseUrl: await sim.listen(0), version: sim.graphVersion };
  const databaseUrl = await createTestDatabase(await testPostgresAdminUrl());
  const node = { redisUrl: redis.url, databaseUrl, graph, appSecret: SECRET };
  nodes.push(await startClusterNode(node), await startClusterNode(node));
  workspaceId = (await nodes[0]!.app.repos.workspaces.createWorkspace('Sessions')).id;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await sim?.close();
  for (const node of nodes) await stopClusterNode(node);
  await redis?.stop();
});

async function addUser(role: 'agent' | 'admin'): Promise<{ id: string; email: string }> {
  const email = `${role}.${Math.random().toString(36).slice(2, 10)}@sessions.test`;
  const created = await nodes[0]!.app.repos.users.createUser({
    workspaceId,
    email,
    name: role,
    passwordHash: await hashPassword(PASSWORD, TEST_ONLY_SCRYPT_COST),
    role,
  });
  if (!created.ok) throw new Error(created.error.message);
  return { id: created.user.id, email };
}

async function consoleOn(node: ClusterNode, cookie: string): Promise<ConsoleSocket> {
  const socket = consoleSocketOn(node, cookie, sockets);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

function dropped(socket: ConsoleSocket): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the socket is still connected')), 10_000);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe('cluster: sessions end on every node', () => {
  it('a sign-in on node A that replaces the browser’s session drops its socket on node B', async () => {
    const [a, b] = nodes as [ClusterNode, ClusterNode];
    const agent = await addUser('agent');
    const first = sessionCookieOf(await signInOn(b, agent.email, PASSWORD));
    const socket = await consoleOn(b, first);
    const gone = dropped(socket);

    const again = await signInOn(a, agent.email, PASSWORD, { cookie: first });

    expect(again.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });

  it('deactivating a user on node A drops their socket on node B', async () => {
    const [a, b] = nodes as [ClusterNode, ClusterNode];
    const admin = await addUser('admin');
    const agent = await addUser('agent');
    const adminCookie = sessionCookieOf(await signInOn(a, admin.email, PASSWORD));
    const socket = await consoleOn(b, sessionCookieOf(await signInOn(b, agent.email, PASSWORD)));
    const gone = dropped(socket);

    const patched = await fetch(`${a.url}/api/admin/users/${agent.id}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', origin: CLUSTER_ORIGIN, cookie: adminCookie },
      body: JSON.stringify({ disabled: true }),
    });

    expect(patched.status).toBe(200);
    expect(await gone).toBe('io server disconnect');
  });
});

describe('cluster: the login throttle is shared by the nodes', () => {
  it('failures on node A limit that IP and account on node B; the owner signs in from a fresh IP', async () => {
    const [a, b] = nodes as [ClusterNode, ClusterNode];
    const agent = await addUser('agent');
    const attacker = { 'x-forwarded-for': '2001:db8:66:1::7' };
    for (let i = 0; i < 5; i += 1) {
      // the guesser also hops addresses inside its /64
      const from = { 'x-forwarded-for': `2001:db8:66:1::${(i + 1).toString(16)}` };
      expect((await signInOn(i % 2 === 0 ? a : b, agent.email, `guess ${i}`, from)).status).toBe(
        401,
      );
    }

    const limited = await signInOn(b, agent.email, PASSWORD, attacker);
    const owner = await signInOn(b, agent.email, PASSWORD, { 'x-forwarded-for': '198.51.100.23' });

    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(800);
    expect(await limited.json()).toEqual({
      error: {
        code: 'rate_limited',
        message: 'Too many sign-in attempts. Try again in 15 minutes.',
      },
    });
    expect(owner.status).toBe(200);
  });
});
