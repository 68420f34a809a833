import { createMetaSim, type MetaSim, type SimWhatsAppNumber } from '@ringside/meta-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresAdminUrl } from '../testing/test-databases';
import {
  clusterAgent,
  startClusterNode,
  stopClusterNode,
  type ClusterNode,
} from '../testing/cluster-node';
import { interleave, schedules } from '../testing/interleave';
import { createTestDatabase } from '../testing/postgres';
import { createRaceGates } from '../testing/race-gates';
import { startTestRedis, type TestRedis } from '../testing/redis';
import { arrivalFlow, availableFlow } from '../testing/ring-flows';
import { signMetaPayload } from '@ringside/contracts/signature';
import { recordEvents, waitUntil, type ConsoleSocket } from '../testing/socket-helpers';

const SECRET = 'cluster-race-secret';
const CASES = schedules(3, 2);
// one number (and workspace) per schedule: each case starts with no call ringing
const NUMBERS: SimWhatsAppNumber[] = CASES.map((_, i) => ({
  phoneNumberId: `98000000${String(i).padStart(4, '0')}`,
  wabaId: `97000000${String(i).padStart(4, '0')}`,
  displayPhoneNumber: `1555011${String(i).padStart(4, '0')}`,
  accessToken: `cluster-race-token-${i}`,
}));

// each node holds its own flows: Meta's webhook on node A, the agent's status change on node B
const gatesA = createRaceGates();
const gatesB = createRaceGates();
let redis: TestRedis;
let sim: MetaSim;
let a: ClusterNode;
let b: ClusterNode;
const sockets: ConsoleSocket[] = [];

beforeAll(async () => {
  redis = await startTestRedis();
  sim = createMetaSim({ appSecret: SECRET, webhookUrl: null, numbers: NUMBERS, pages: [] });
  const graph = { baseUrl: await sim.listen(0), version: sim.graphVersion };
  const databaseUrl = await createTestDatabase(await testPostgresAdminUrl());
  const node = { redisUrl: redis.url, databaseUrl, graph, appSecret: SECRET };
  a = await startClusterNode({ ...node, racePoints: gatesA });
  b = await startClusterNode({ ...node, racePoints: gatesB });
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  gatesA.releaseAll();
  gatesB.releaseAll();
  await sim?.close();
  for (const node of [a, b]) if (node) await stopClusterNode(node);
  await redis?.stop();
});

describe('cluster: a call arriving on one node as an agent on another becomes available', () => {
  it.each(CASES.map((schedule, i) => [schedule, i] as const))(
    'rings the agent whatever the order: %s',
    async (schedule, i) => {
      const number = NUMBERS[i]!;
      const workspace = await a.app.repos.workspaces.createWorkspace(`Race ${schedule}`);
      const channel = await a.app.repos.channels.createWhatsAppChannel({
        workspaceId: workspace.id,
        phoneNumberId: number.phoneNumberId,
        wabaId: number.wabaId,
        displayNumber: `+${number.displayPhoneNumber}`,
        accessToken: number.accessToken,
      });
      expect(channel.ok).toBe(true);
      const agent = await clusterAgent(b, workspace.id, 'Bo', sockets, 'away');
      const seen = recordEvents(agent.socket);
      await waitUntil('the agent is away', async () => {
        const presence = await b.app.repos.presence.getPresence(workspace.id, agent.id);
        return presence?.status === 'away';
      });
      const call = arrivalFlow(gatesA, {
        phoneNumberId: number.phoneNumberId,
        postWebhook: (body) =>
          fetch(`${a.url}/webhooks/meta`, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-hub-signature-256': signMetaPayload(body, SECRET),
            },
            body,
          }),
        idle: () => a.app.processor.idle(),
      });
      try {
        await interleave(schedule, call, availableFlow(gatesB, agent));
      } finally {
        gatesA.releaseAll();
        gatesB.releaseAll();
      }
      await waitUntil('the agent rings', () => seen.of('call:ringing').length > 0, 2_000);
      const stored = await b.app.repos.calls.getCallByMetaId(workspace.id, call.callId);
      expect(seen.of('call:ringing').map((r) => r.callId)).toContain(stored?.id);
      expect(stored?.model).toMatchObject({ state: 'ringing', agentsOffered: [agent.id] });
    },
  );
});
