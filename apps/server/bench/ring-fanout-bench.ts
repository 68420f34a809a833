import { signMetaPayload, META_SIGNATURE_HEADER } from '@ringside/contracts/signature';
import { hashPassword } from '../src/auth/passwords';
import { within, type BenchContext } from './bench-context';
import {
  startBaselineBroadcastServer,
  type BaselineBroadcastServer,
} from './baseline-broadcast-server';
import { startChild } from './child';
import { figure } from './figures';
import { BENCH_ORIGIN, startRingside, type RingsideStack } from './ringside-stack';
import type { FleetReply, FleetRequest } from './socket-fleet-protocol';
import { summarize } from './stats';
import { whatsappPairs, type WebhookPair } from './webhook-bodies';

const BENCH = 'ring-fanout';
/** agents at each step, and how many timed calls each gets (p99 of 20 is the slowest but one) */
const STEPS = [
  { agents: 10, trials: 40 },
  { agents: 100, trials: 40 },
  { agents: 1000, trials: 30 },
] as const;
const WARMUP_TRIALS = 3;
const TRIAL_TIMEOUT_MS = 15_000;
// each connect reads the whole workspace's presence, so the 1,000th agent is slow to join
const CONNECT_TIMEOUT_MS = 240_000;
const SETTLE_TIMEOUT_MS = 30_000;
const GOAL_AT = 1000;

type Trial = Extract<FleetReply, { kind: 'trial' }>;

/**
 * Ring fan-out: a signed WhatsApp connect webhook sent → `call:ringing` received by every one of
 * N available agents' sockets (ring-all), N = 10, 100, 1000, against a bare Socket.IO server that
 * broadcasts the same payload to N clients on a signed POST, measured alternately in the same
 * run. Goal: ≤ 1.5× the baseline at N = 1000.
 *
 * @example
 * await ringFanoutBench(ctx); // prints the figures through ctx.report
 */
export async function ringFanoutBench(ctx: BenchContext): Promise<void> {
  const fleet = await startChild<FleetRequest, FleetReply>(
    new URL('./socket-fleet.ts', import.meta.url),
  );
  let ringside: RingsideStack | undefined;
  let baseline: BaselineBroadcastServer | undefined;
  try {
    ringside = await startRingside({ appSecret: ctx.appSecret, logFile: ctx.logFile });
    baseline = await startBaselineBroadcastServer(ctx.appSecret);
    const target = ringside;
    const bare = baseline;
    // one scrypt hash for every agent: sign-in is not what this measures
    const passwordHash = await hashPassword('bench agent password');
    const pairs = whatsappPairs({ phoneNumberId: target.phoneNumberId, runTag: 'fanout' });
    let calls = 0;
    const signed = (body: string) => ({
      [META_SIGNATURE_HEADER]: signMetaPayload(body, ctx.appSecret),
    });

    const ring = async (): Promise<Trial> => {
      const pair: WebhookPair = pairs(calls++);
      const reply = await fleet.request(
        {
          kind: 'trial',
          group: 'ringside',
          webhookUrl: target.webhookUrl,
          body: pair.connect,
          headers: signed(pair.connect),
          timeoutMs: TRIAL_TIMEOUT_MS,
          // the caller hangs up: the call ends for everyone before the next one rings
          hangUp: { body: pair.terminate, headers: signed(pair.terminate) },
        },
        TRIAL_TIMEOUT_MS * 3,
      );
      await within(target.app.processor.idle(), SETTLE_TIMEOUT_MS, 'the call to end');
      return expectTrial(reply);
    };
    const broadcast = async (): Promise<Trial> => {
      const body = JSON.stringify({ object: 'bench', n: calls++ });
      const reply = await fleet.request(
        {
          kind: 'trial',
          group: 'baseline',
          webhookUrl: `${bare.url}/webhooks/meta`,
          body,
          headers: signed(body),
          timeoutMs: TRIAL_TIMEOUT_MS,
        },
        TRIAL_TIMEOUT_MS * 2,
      );
      return expectTrial(reply);
    };

    let agents = 0;
    for (const step of STEPS) {
      const more = step.agents - agents;
      ctx.note(`ring-fanout: ${step.agents} agents (connecting ${more} more to each server)`);
      const cookies = await target.addAgents(more, passwordHash);
      const ringsideStarted = performance.now();
      await fleet.request(
        {
          kind: 'connect',
          group: 'ringside',
          url: target.url,
          sockets: cookies.map((cookie) => ({ cookie, origin: BENCH_ORIGIN })),
          setAvailable: true,
        },
        CONNECT_TIMEOUT_MS,
      );
      const ringsideConnectMs = performance.now() - ringsideStarted;
      const baselineStarted = performance.now();
      await fleet.request(
        {
          kind: 'connect',
          group: 'baseline',
          url: bare.url,
          sockets: Array.from({ length: more }, () => ({})),
          setAvailable: false,
        },
        CONNECT_TIMEOUT_MS,
      );
      const baselineConnectMs = performance.now() - baselineStarted;
      ctx.report(
        figure({
          bench: BENCH,
          metric: `connect_ms_per_agent_${agents + 1}_to_${step.agents}`,
          value: ringsideConnectMs / more,
          unit: 'ms',
          baseline: baselineConnectMs / more,
        }),
      );
      agents = step.agents;

      // the baseline sends exactly what Ringside sent: the same event, the same bytes
      const first = await ring();
      if (!first.payload) throw new Error('Ringside rang with no payload');
      bare.setPayload(first.payload);
      if (calls === 1) {
        ctx.note(`ring-fanout: call:ringing carries ${JSON.stringify(first.payload).length} bytes`);
      }
      for (let i = 1; i < WARMUP_TRIALS; i += 1) await ring();
      for (let i = 0; i < WARMUP_TRIALS; i += 1) await broadcast();

      const ours: number[] = [];
      const theirs: number[] = [];
      // alternate, so a noisy neighbour on the machine hits both alike
      for (let i = 0; i < step.trials; i += 1) {
        ours.push((await ring()).latencyMs);
        theirs.push((await broadcast()).latencyMs);
      }
      reportStep(ctx, step.agents, ours, theirs);
    }
    const graphCalls = target.graph.requests.length;
    if (graphCalls > 0) {
      ctx.note(
        `ring-fanout: WARNING ${graphCalls} Graph API requests, e.g. ${target.graph.requests[0]}`,
      );
    }
  } finally {
    await fleet.close();
    await ringside?.close();
    await baseline?.close();
  }
}

function reportStep(ctx: BenchContext, agents: number, ours: number[], theirs: number[]): void {
  const ringside = summarize(ours);
  const bare = summarize(theirs);
  if (!ringside || !bare) throw new Error(`no trials at ${agents} agents`);
  ctx.note(
    `ring-fanout: ${agents} agents: ringside p50 ${ringside.p50.toFixed(1)} p99 ${ringside.p99.toFixed(1)} ` +
      `max ${ringside.max.toFixed(1)} ms; baseline p50 ${bare.p50.toFixed(1)} p99 ${bare.p99.toFixed(1)} ` +
      `max ${bare.max.toFixed(1)} ms (${ringside.count} calls each)`,
  );
  const goal = agents === GOAL_AT ? ({ kind: 'ratio-at-most', limit: 1.5 } as const) : undefined;
  for (const [name, value, base] of [
    ['p50', ringside.p50, bare.p50],
    ['p99', ringside.p99, bare.p99],
  ] as const) {
    ctx.report(
      figure({
        bench: BENCH,
        metric: `ring_${name}_ms_${agents}_agents`,
        value,
        unit: 'ms',
        baseline: base,
        ...(goal ? { goal } : {}),
      }),
    );
  }
}

function expectTrial(reply: FleetReply): Trial {
  if (reply.kind !== 'trial') throw new Error(`the fleet answered ${reply.kind} to a trial`);
  if (reply.status !== 200) throw new Error(`the webhook answered ${reply.status}`);
  return reply;
}
