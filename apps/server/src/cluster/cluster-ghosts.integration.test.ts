import { createMetaSim, type MetaSim } from '@ringside/meta-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresAdminUrl } from '../testing/test-databases';
import {
  clusterAgent,
  startClusterNode,
  stopClusterNode,
  type ClusterNode,
} from '../testing/cluster-node';
import { createTestDatabase } from '../testing/postgres';
import { startTestRedis, type TestRedis } from '../testing/redis';
import { settle, waitUntil, type ConsoleSocket } from '../testing/socket-helpers';

const SECRET = 'cluster-ghost-secret';
const SWEEP_MS = 100;
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
  const node = {
    redisUrl: redis.url,
    databaseUrl,
    graph,
    appSecret: SECRET,
    ghostSweep: { periodMs: SWEEP_MS },
  };
  nodes.push(await startClusterNode(node), await startClusterNode(node));
  workspaceId = (await nodes[0]!.app.repos.workspaces.createWorkspace('Ghosts')).id;
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await sim?.close();
  for (const node of nodes) await stopClusterNode(node);
  await redis?.stop();
});

describe('cluster: consoles counted on a node that died', () => {
  it('an agent connected to another node stays available through every node’s sweeps', async () => {
    const [a, b] = nodes as [ClusterNode, ClusterNode];
    const onA = await clusterAgent(a, workspaceId, 'Stays', sockets);
    await settle(SWEEP_MS * 8);
    expect(await b.app.repos.presence.getPresence(workspaceId, onA.id)).toMatchObject({
      status: 'available',
      connections: 1,
    });
  });

  it('the node still up makes the dead node’s agents offline, and leaves its own alone', async () => {
    const [a, b] = nodes as [ClusterNode, ClusterNode];
    const onA = await clusterAgent(a, workspaceId, 'Gone', sockets);
    const onB = await clusterAgent(b, workspaceId, 'Here', sockets);
    // A dies; what a crash leaves behind is its consoles still counted, their agents available
    nodes.splice(nodes.indexOf(a), 1);
    await stopClusterNode(a);
    await b.app.repos.presence.connectionOpened(onA.id, workspaceId, new Date());
    await b.app.repos.presence.setPresence(onA.id, workspaceId, 'available', new Date());

    await waitUntil('the ghost is offline', async () => {
      const row = await b.app.repos.presence.getPresence(workspaceId, onA.id);
      return row?.status === 'offline';
    });
    // B's sweep did it (A was gone before the ghost was written)
    expect(b.logs.some((line) => line.includes('console count corrected'))).toBe(true);
    expect(await b.app.repos.presence.availableAgentIds(workspaceId)).toEqual(
      expect.not.arrayContaining([onA.id]),
    );
    expect(await b.app.repos.presence.getPresence(workspaceId, onB.id)).toMatchObject({
      status: 'available',
      connections: 1,
    });
  });
});
