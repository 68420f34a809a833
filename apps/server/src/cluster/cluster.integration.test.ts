import { createMetaSim, type MetaSim } from '@ringside/meta-sim';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testPostgresAdminUrl } from '../testing/test-databases';
import { businessAnswerFor } from '../testing/business-sdp';
import {
  clusterAgent,
  startClusterNode,
  stopClusterNode,
  type ClusterNode,
} from '../testing/cluster-node';
import { createTestDatabase } from '../testing/postgres';
import { startTestRedis, type TestRedis } from '../testing/redis';
import { command, nextEvent, recordEvents, settle, waitUntil } from '../testing/socket-helpers';
import type { ConsoleSocket } from '../testing/test-stack';

const SECRET = 'cluster-app-secret';
const NUMBER = {
  phoneNumberId: '990000000001',
  wabaId: '990000000002',
  displayPhoneNumber: '15550109999',
  accessToken: 'cluster-wa-token',
};

// every node sweeps for calls whose timer died with another node; short here, so tests are quick
const SWEEP = { periodMs: 200, graceMs: 500 };

type Node = ClusterNode;

let redis: TestRedis;
let sim: MetaSim;
const nodes: Node[] = [];
const sockets: ConsoleSocket[] = [];
let workspaceId = '';
let channelId = '';

async function startNode(databaseUrl: string, graphUrl: string): Promise<Node> {
  return startClusterNode({
    redisUrl: redis.url,
    databaseUrl,
    graph: { baseUrl: graphUrl, version: sim.graphVersion },
    appSecret: SECRET,
    timerSweep: SWEEP,
  });
}

async function agentOn(node: Node, name: string): Promise<ConsoleSocket> {
  return (await clusterAgent(node, workspaceId, name, sockets)).socket;
}

beforeAll(async () => {
  redis = await startTestRedis();
  sim = createMetaSim({ appSecret: SECRET, webhookUrl: null, numbers: [NUMBER], pages: [] });
  const graphUrl = await sim.listen(0);
  const databaseUrl = await createTestDatabase(await testPostgresAdminUrl());
  nodes.push(await startNode(databaseUrl, graphUrl), await startNode(databaseUrl, graphUrl));
  const [a] = nodes;
  if (!a) throw new Error('no node');
  workspaceId = (await a.app.repos.workspaces.createWorkspace('Cluster')).id;
  const channel = await a.app.repos.channels.createWhatsAppChannel({
    workspaceId,
    phoneNumberId: NUMBER.phoneNumberId,
    wabaId: NUMBER.wabaId,
    displayNumber: `+${NUMBER.displayPhoneNumber}`,
    accessToken: NUMBER.accessToken,
  });
  if (!channel.ok) throw new Error(channel.error.message);
  channelId = channel.channel.id;
  // Meta's webhooks reach node A only; agents sit on either node
  sim.setWebhookUrl(`${a.url}/webhooks/meta`);
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await sim?.close();
  for (const node of nodes) await stopClusterNode(node);
  await redis?.stop();
});

describe('cluster mode (two nodes, one PostgreSQL, Redis Streams adapter)', () => {
  it('rings an agent connected to the other node and lets them answer through it', async () => {
    const [, b] = nodes as [Node, Node];
    const agent = await agentOn(b, 'Bianca');
    const ringing = nextEvent(agent, 'call:ringing');
    const call = await sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      to: NUMBER.phoneNumberId,
    });
    const ring = await ringing;
    expect(ring.caller.name).toBe('Rahul');

    expect(await command(agent, 'call:accept', { callId: ring.callId })).toEqual({ ok: true });
    expect(
      await command(agent, 'call:answer', {
        callId: ring.callId,
        sdp: businessAnswerFor(ring.sdpOffer ?? ''),
      }),
    ).toEqual({ ok: true });
    await call.waitFor('accepted');
    const ended = nextEvent(agent, 'call:ended');
    await call.hangUp();
    expect((await ended).outcome).toBe('completed');
  });

  it('lets exactly one of two agents on different nodes claim a call, and tells the other who', async () => {
    const [a, b] = nodes as [Node, Node];
    const onA = await agentOn(a, 'Arun');
    const onB = await agentOn(b, 'Beatriz');
    const ringA = nextEvent(onA, 'call:ringing');
    const ringB = nextEvent(onB, 'call:ringing');
    await sim.placeCall({ channel: 'whatsapp', name: 'Race', to: NUMBER.phoneNumberId });
    const [ra, rb] = await Promise.all([ringA, ringB]);
    expect(ra.callId).toBe(rb.callId);

    // recorded, not awaited on both: only the loser is told, and a wait on the winner's socket
    // would reject later, during another test
    const seenOnA = recordEvents(onA);
    const seenOnB = recordEvents(onB);
    const results = await Promise.all([
      command(onA, 'call:accept', { callId: ra.callId }),
      command(onB, 'call:accept', { callId: rb.callId }),
    ]);
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const loser = results[0]?.ok ? seenOnB : seenOnA;
    await waitUntil('the losing agent is told who claimed the call', () =>
      loser.of('call:claimed').some((notice) => notice.callId === ra.callId),
    );
    const [loserNotice] = loser.of('call:claimed');
    expect(loserNotice?.by.name).toBe(results[0]?.ok ? 'Arun' : 'Beatriz');
  });
});

describe('call timers in a cluster (every node sweeps for the others’ lost timers)', () => {
  it('two nodes sweeping a call at its ring timeout, racing its own timer, reject it once', async () => {
    const [a, b] = nodes as [Node, Node];
    // through node A, which takes Meta's webhooks: its channel cache must hear of it
    await a.app.repos.channels.updateChannel(workspaceId, channelId, { ringTimeoutSec: 2 });
    const agent = await agentOn(b, 'Chidi');
    const seen = recordEvents(agent);
    const ringing = nextEvent(agent, 'call:ringing');
    const call = await sim.placeCall({
      channel: 'whatsapp',
      name: 'Twice',
      to: NUMBER.phoneNumberId,
    });
    const ring = await ringing;
    const deadline = Date.parse(ring.ringingSince) + ring.ringTimeoutMs;
    // what each node's sweep reads once the deadline has passed, while A's timer is still armed
    const [overdue] = (
      await b.app.repos.calls.overdueCalls({
        before: new Date(deadline + 1),
        noPickupMs: 60_000,
        limit: 50,
      })
    ).filter((c) => c.id === ring.callId);
    expect(overdue).toMatchObject({ overdue: 'ring-timeout', metaCallId: call.id });
    if (!overdue) return;

    // at the deadline, as A's own timer fires, both nodes act on what they read
    await settle(deadline - Date.now());
    const applied = await Promise.all([
      a.app.timerSweep.act(overdue),
      b.app.timerSweep.act(overdue),
    ]);
    await waitUntil('the call ended', () => seen.of('call:ended').length > 0);
    await waitUntil('Meta heard the reject', () => sim.requests({ callId: call.id }).length > 0);
    await settle(SWEEP.periodMs * 3);

    expect(applied[0] + applied[1]).toBeLessThanOrEqual(1);
    expect(sim.requests({ callId: call.id }).map((r) => r.action)).toEqual(['reject']);
    expect(seen.of('call:ended')).toEqual([{ callId: ring.callId, outcome: 'missed' }]);
    const detail = await b.app.repos.calls.getCall(workspaceId, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'ended', outcome: 'missed' });
    expect(detail?.events.filter((e) => e.kind === 'ring.timeout')).toHaveLength(1);
    // the two later commands reached the model, under the call's lock, and were ignored there
    const ignored = [...a.logs, ...b.logs].filter(
      (line) => line.includes('call event ignored') && line.includes(call.id),
    );
    expect(ignored.length).toBeGreaterThanOrEqual(2);
  });

  // stops node A: keep this test last
  it('a call ringing on a node that dies is rejected at its ring timeout by another node', async () => {
    const [a, b] = nodes as [Node, Node];
    await a.app.repos.channels.updateChannel(workspaceId, channelId, { ringTimeoutSec: 2 });
    const onA = await agentOn(a, 'Anil');
    const onB = [await agentOn(b, 'Dara'), await agentOn(b, 'Elif')];
    const ringing = [onA, ...onB].map((socket) => nextEvent(socket, 'call:ringing'));
    const ended = onB.map((socket) => nextEvent(socket, 'call:ended', () => true, 15_000));
    // Meta's webhooks go to A: the call, and its ring timer, live on A
    const call = await sim.placeCall({
      channel: 'whatsapp',
      name: 'Orphan',
      to: NUMBER.phoneNumberId,
    });
    const rings = await Promise.all(ringing);
    const ring = rings[1]!;
    expect(new Set(rings.map((r) => r.callId))).toEqual(new Set([ring.callId]));
    const deadline = Date.parse(ring.ringingSince) + ring.ringTimeoutMs;

    // A dies: its timers, sockets and listener go, nothing is handed over
    nodes.splice(nodes.indexOf(a), 1);
    await stopClusterNode(a);
    expect(Date.now()).toBeLessThan(deadline);
    // the load balancer sends Meta's webhooks to the node still up
    sim.setWebhookUrl(`${b.url}/webhooks/meta`);

    for (const end of await Promise.all(ended)) {
      expect(end).toEqual({ callId: ring.callId, outcome: 'missed' });
    }
    const late = Date.now() - deadline;
    expect(late).toBeGreaterThanOrEqual(SWEEP.graceMs - 50);
    expect(late).toBeLessThan(SWEEP.graceMs + SWEEP.periodMs * 1.2 + 2_000);
    await waitUntil('Meta heard the reject', () => sim.requests({ callId: call.id }).length > 0);
    await settle(SWEEP.periodMs * 3);
    expect(sim.requests({ callId: call.id }).map((r) => [r.action, r.status])).toEqual([
      ['reject', 200],
    ]);
    expect(b.logs.some((line) => line.includes('call timer swept'))).toBe(true);
    const detail = await b.app.repos.calls.getCall(workspaceId, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'ended', outcome: 'missed' });
  });
});
