import { createMetaSim, type MetaSim } from '@ringside/meta-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ABUSE_LIMITS } from '../abuse-limits';
import { hashPassword, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
import { testPostgresAdminUrl } from '../testing/test-databases';
import {
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

const SECRET = 'cluster-cap-secret';
const PASSWORD = 'cluster cap password';
let redis: TestRedis;
let sim: MetaSim;
const nodes: ClusterNode[] = [];
const sockets: ConsoleSocket[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  sim = createMetaSim({ appSecret: SECRET, webhookUrl: null, numbers: [], pages: [] });
  const graph = { baseUrl: await sim.listen(0), version: sim.graphVersion };
  const databaseUrl = await createTestDatabase(await testPostgresAdminUrl());
  const node = { redisUrl: redis.url, databaseUrl, graph, appSecret: SECRET };
  nodes.push(await startClusterNode(node), await startClusterNode(node));
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await sim?.close();
  for (const node of nodes) await stopClusterNode(node);
  await redis?.stop();
});

/** signs in on `node` (a new browser) and opens a console there: 'connected' or the refusal */
async function openConsole(node: ClusterNode, email: string): Promise<string> {
  const cookie = sessionCookieOf(await signInOn(node, email, PASSWORD));
  const socket = consoleSocketOn(node, cookie, sockets);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (error) => resolve(error.message));
  });
}

describe('cluster: consoles per user', () => {
  it('counts a user’s consoles on every node', async () => {
    const [a, b] = nodes as [ClusterNode, ClusterNode];
    const ws = await a.app.repos.workspaces.createWorkspace('Capped');
    const email = `many.${Math.random().toString(36).slice(2, 8)}@cluster.test`;
    const created = await a.app.repos.users.createUser({
      workspaceId: ws.id,
      email,
      name: 'Many Tabs',
      passwordHash: await hashPassword(PASSWORD, TEST_ONLY_SCRYPT_COST),
      role: 'agent',
    });
    if (!created.ok) throw new Error(created.error.message);

    const max = DEFAULT_ABUSE_LIMITS.socketsPerUser;
    for (let i = 0; i < max; i++) expect(await openConsole(i % 2 ? b : a, email)).toBe('connected');
    expect(await openConsole(a, email)).toBe('too many consoles');
    expect(await openConsole(b, email)).toBe('too many consoles');
  });
});
