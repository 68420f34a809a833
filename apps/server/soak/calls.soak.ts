// `pnpm test:soak`: hundreds of calls against the server as a real process on a real data
// directory, Meta's webhooks duplicated and reordered, the server killed with SIGKILL mid-run;
// then the call log must equal what Meta (the simulator) saw
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallSummary } from '@ringside/contracts';
import { createFakeMediaFactory, createMetaSim, type CallHandle } from '@ringside/meta-sim';
import { expect, it } from 'vitest';
import { ask, connectAgents, type Plan } from './agent-consoles';
import { deliveryFigures } from './delivery-figures';
import { compareWithTruth } from './ground-truth';
import { seedSoakData } from './seed';
import { startServerProcess } from './server-process';

const CALLS = Number(process.env['SOAK_CALLS'] ?? 300);
const CONCURRENCY = Number(process.env['SOAK_CONCURRENCY'] ?? 4);
const AGENTS = 6;
const ORIGIN = 'http://localhost:3000';
const APP_SECRET = `soak-${randomBytes(12).toString('hex')}`;
const PLANS: Plan[] = ['customer-hangs-up', 'agent-hangs-up', 'decline', 'ringing-hang-up'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

it(`${CALLS} calls, duplicated and reordered webhooks, kill -9 twice mid-run: the call log equals Meta's`, async () => {
  const started = Date.now();
  const dataDir = mkdtempSync(join(tmpdir(), 'ringside-soak-'));
  const secretsKey = randomBytes(32).toString('base64');
  const serverLog: string[] = [];
  const sim = createMetaSim({
    appSecret: APP_SECRET,
    webhookUrl: null,
    media: createFakeMediaFactory(),
    timeouts: { ringMs: 20_000 },
    // retries outlast a restart (Meta retries for days; these cover ~30 s)
    webhooks: {
      duplicates: 0.3,
      reorder: true,
      // a customer who hangs up within this of calling has the terminate sent before the connect
      holdMs: 150,
      retry: { baseDelayMs: 250, maxDelayMs: 4_000, maxAttempts: 12 },
    },
  });
  const seeded = await seedSoakData({ dataDir, secretsKey, agents: AGENTS });
  const graphBaseUrl = await sim.listen(0);
  const server = await startServerProcess({
    dataDir,
    appSecret: APP_SECRET,
    secretsKey,
    graphBaseUrl,
    graphVersion: sim.graphVersion,
    origin: ORIGIN,
    log: (chunk) => void serverLog.push(chunk),
  });
  sim.setWebhookUrl(`${server.url}/webhooks/meta`);
  const agents = connectAgents(server.url, ORIGIN, seeded.agentCookies);
  const plans = new Map<string, Plan>();
  let kills = 0;
  const killsAt = [Math.floor(CALLS * 0.35), Math.floor(CALLS * 0.7)];
  try {
    await agents.ready();

    const drive = async (i: number) => {
      const from = `9198${String(i).padStart(8, '0')}`;
      const plan = PLANS[i % PLANS.length] ?? 'customer-hangs-up';
      plans.set(from, plan);
      agents.plan(from, plan);
      const call = await sim.placeCall({ channel: 'whatsapp', from, name: `Soak ${i}` });
      if (plan === 'ringing-hang-up') await sleep(jitter(0, 600));
      else if (plan === 'decline') await call.waitFor('ended', { timeoutMs: 25_000 }).catch(noop);
      else if (await reached(call, 'accepted')) {
        await sleep(jitter(50, 600));
        if (plan === 'agent-hangs-up') await agentHangsUp(from, call);
      }
      if (call.state !== 'ended') await call.hangUp();
    };
    const agentHangsUp = async (from: string, call: CallHandle) => {
      const deadline = Date.now() + 30_000;
      while (Date.now() < deadline && call.state !== 'ended') {
        const won = agents.winner(from);
        if (won) {
          const ack = await ask(won.socket, 'call:hangup', { callId: won.callId });
          if (ack.ok || ack.error.code !== 'no_ack') return;
        }
        await sleep(250);
      }
    };

    let next = 0;
    const chaos: Promise<void>[] = [];
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (next < CALLS) {
        const i = next;
        next += 1;
        if (killsAt.includes(i)) {
          // mid-call for the other workers: ringing, claimed and active calls all die with it
          chaos.push(
            (async () => {
              await sleep(300);
              await server.kill9();
              kills += 1;
              await server.start();
            })(),
          );
        }
        await drive(i);
      }
    });
    await Promise.all(workers);
    await Promise.all(chaos);
    await sim.webhooksSettled();

    const ids = new Set(sim.calls().map((c) => c.id));
    let log: CallSummary[] = [];
    const deadline = Date.now() + 60_000;
    for (;;) {
      log = await callLog(server.url, seeded.supervisorCookie);
      const open = log.filter((c) => c.state !== 'ended' || !ids.has(c.metaCallId ?? ''));
      if ((open.length === 0 && log.length >= ids.size) || Date.now() > deadline) break;
      await sleep(500);
    }
    const truth = compareWithTruth(sim.calls(), plans, log, sim.requests());
    const delivered = deliveryFigures(sim.deliveries());
    const figures = {
      calls: sim.calls().length,
      callLogRows: log.length,
      outcomes: countBy(log.map((c) => c.outcome ?? c.state)),
      plans: countBy([...plans.values()]),
      ...delivered,
      kills,
      agentReconnects: agents.figures.reconnects,
      rings: agents.figures.rings,
      claimsLost: agents.figures.claimLost,
      graphActions: truth.actions,
      graphRefused: truth.refused,
      mismatches: truth.mismatches.length,
      durationSec: Math.round((Date.now() - started) / 1000),
    };
    process.stdout.write(`\nsoak figures ${JSON.stringify(figures, null, 2)}\n`);
    for (const m of truth.mismatches.slice(0, 40))
      process.stdout.write(`mismatch ${m.metaCallId}: ${m.problem}\n`);
    expect(kills).toBe(killsAt.length);
    expect(delivered.failed).toBe(0);
    expect(truth.mismatches).toEqual([]);
  } catch (error) {
    process.stdout.write(serverLog.join('').split('\n').slice(-40).join('\n'));
    throw error;
  } finally {
    agents.close();
    await server.stop();
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

function noop() {}

async function reached(call: CallHandle, state: 'accepted'): Promise<boolean> {
  try {
    await call.waitFor(state, { timeoutMs: 25_000 });
    return true;
  } catch {
    return false;
  }
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** the whole call log through `GET /api/calls`, as a supervisor reads it */
async function callLog(url: string, cookie: string): Promise<CallSummary[]> {
  const rows: CallSummary[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const res = await fetch(`${url}/api/calls?limit=200${query}`, {
      headers: { cookie, origin: ORIGIN },
    });
    if (!res.ok) throw new Error(`GET /api/calls: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { items: CallSummary[]; nextCursor: string | null };
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}
