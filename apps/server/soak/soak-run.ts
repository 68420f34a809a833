// soak-only: drives the calls (one plan per customer), fires the chaos at its points, then reads
// the call log and compares it with what the simulator saw
import type { CallSummary } from '@ringside/contracts';
import type { CallHandle, MetaSim } from '@ringside/meta-sim';
import { ask, connectAgents, type Plan } from './agent-consoles';
import { deliveryFigures } from './delivery-figures';
import { compareWithTruth, type Mismatch } from './ground-truth';

export const SOAK_ORIGIN = 'http://localhost:3000';
const PLANS: Plan[] = ['customer-hangs-up', 'agent-hangs-up', 'decline', 'ringing-hang-up'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const jitter = (min: number, max: number) => min + Math.floor(Math.random() * (max - min));

export interface SoakRun {
  sim: MetaSim;
  calls: number;
  concurrency: number;
  /** each agent's console connects to its node's URL */
  agents: Array<{ url: string; cookie: string }>;
  /** where the call log is read */
  logUrl: string;
  supervisorCookie: string;
  /** fired in order, spread over the run, while calls are under way */
  chaos: Array<() => Promise<void>>;
}

export async function runSoak(run: SoakRun) {
  const started = Date.now();
  const { sim } = run;
  const consoles = connectAgents(run.agents, SOAK_ORIGIN);
  const plans = new Map<string, Plan>();
  try {
    await consoles.ready();
    const drive = async (i: number) => {
      const from = `9198${String(i).padStart(8, '0')}`;
      const plan = PLANS[i % PLANS.length] ?? 'customer-hangs-up';
      plans.set(from, plan);
      consoles.plan(from, plan);
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
        const won = consoles.winner(from);
        if (won) {
          const ack = await ask(won.socket, 'call:hangup', { callId: won.callId });
          if (ack.ok || ack.error.code !== 'no_ack') return;
        }
        await sleep(250);
      }
    };

    let next = 0;
    const chaosAt = run.chaos.map((_, k) =>
      Math.floor((run.calls * (k + 1)) / (run.chaos.length + 1)),
    );
    const chaos: Promise<void>[] = [];
    const workers = Array.from({ length: run.concurrency }, async () => {
      while (next < run.calls) {
        const i = next;
        next += 1;
        const k = chaosAt.indexOf(i);
        const act = run.chaos[k];
        // mid-call for the other workers: ringing, claimed and active calls all see it
        if (act) chaos.push(sleep(300).then(act));
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
      log = await callLog(run.logUrl, run.supervisorCookie);
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
      chaos: run.chaos.length,
      agentReconnects: consoles.figures.reconnects,
      rings: consoles.figures.rings,
      claimsLost: consoles.figures.claimLost,
      graphActions: truth.actions,
      graphRefused: truth.refused,
      mismatches: truth.mismatches.length,
      durationSec: Math.round((Date.now() - started) / 1000),
    };
    process.stdout.write(`\nsoak figures ${JSON.stringify(figures, null, 2)}\n`);
    for (const m of truth.mismatches.slice(0, 40)) {
      process.stdout.write(`mismatch ${m.metaCallId}: ${m.problem}\n`);
      // what Meta heard about it and what it sent, to tell a product bug from a soak bug
      for (const r of sim.requests({ callId: m.metaCallId }))
        process.stdout.write(
          `  graph ${new Date(r.at).toISOString()} ${r.action ?? r.edge} ${r.status} ${r.errorCode ?? ''} ${JSON.stringify(r.reply).slice(0, 200)}\n`,
        );
      for (const d of sim
        .deliveries()
        .filter((d) => d.events.some((e) => e.callId === m.metaCallId)))
        process.stdout.write(
          `  webhook ${d.id} ${d.events.map((e) => e.kind).join(',')} ${d.duplicateOf ? 'duplicate ' : ''}${d.attempts.map((a) => `${new Date(a.at).toISOString()}:${a.status ?? a.error}`).join(' ')}\n`,
        );
    }
    return {
      figures,
      mismatches: truth.mismatches as Mismatch[],
      failedDeliveries: delivered.failed,
    };
  } finally {
    consoles.close();
  }
}

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
      headers: { cookie, origin: SOAK_ORIGIN },
    });
    if (!res.ok) throw new Error(`GET /api/calls: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { items: CallSummary[]; nextCursor: string | null };
    rows.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return rows;
}
