import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RacePoints } from './race-points';
import { newWhatsAppCallId, whatsappConnect, whatsappTerminate } from '../testing/meta-payloads';
import {
  command,
  recordEvents,
  settle,
  useStack,
  type ConsoleSocket,
  type TestWorkspace,
} from '../testing/test-stack';

/**
 * Random interleavings of calls arriving, agents going available and away, claims and callers
 * hanging up, checked against the rule agents rely on: once things settle, every agent who is
 * available while a call rings has been offered it (ring-all) or a turn is under way
 * (longest-idle), and every agent it is offered to has had it ring on their console.
 */
type Op = { startMs: number } & (
  | { kind: 'arrive' }
  | { kind: 'status'; agent: number; status: 'available' | 'away' }
  | { kind: 'claim'; agent: number; call: number }
  | { kind: 'hang-up'; call: number }
);

const AGENTS = 3;
// when in its round an operation starts (ms)
const startMs = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 }));
const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('arrive' as const), startMs }) },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('status' as const),
      agent: fc.nat(AGENTS - 1),
      status: fc.constantFrom('available' as const, 'away' as const),
      startMs,
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('claim' as const),
      agent: fc.nat(AGENTS - 1),
      call: fc.nat(5),
      startMs,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('hang-up' as const), call: fc.nat(5), startMs }),
  },
);

/** every race point waits a few ms drawn by the run (0: not at all): flows overtake each other */
const delays: number[] = [0];
let drawn = 0;
const points: RacePoints = {
  async reached() {
    const ms = delays[drawn++ % delays.length] ?? 0;
    if (ms > 0) await new Promise<void>((r) => setTimeout(r, ms));
  },
};

describe('ringing invariant under random interleavings', () => {
  const stack = useStack({ racePoints: points });

  it('every available agent is offered each ringing call (or a turn is under way), and hears it', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('all' as const, 'longest-idle' as const),
        fc.array(fc.array(op, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 5 }),
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 40 })), {
          minLength: 1,
          maxLength: 16,
        }),
        async (strategy, rounds, pointDelays) => {
          delays.splice(0, delays.length, ...pointDelays);
          drawn = 0;
          const ws = await stack().workspace();
          await ws.setRing('whatsapp', { ringStrategy: strategy, agentTimeoutSec: 60 });
          const agents = await Promise.all(
            Array.from({ length: AGENTS }, (_, i) => awayAgent(ws, `Agent ${i}`)),
          );
          const calls: string[] = [];
          // each round's operations run at once; once a round has settled, the rule holds
          for (const round of rounds) {
            await Promise.all(round.map((o) => perform(ws, agents, calls, o)));
            await stack().settled();
            await settle(100);
            await checkInvariant(ws, agents, strategy);
          }
        },
      ),
      { numRuns: 16, endOnFailure: true },
    );
  }, 240_000);

  interface Agent {
    id: string;
    socket: ConsoleSocket;
    seen: ReturnType<typeof recordEvents>;
  }

  async function awayAgent(ws: TestWorkspace, name: string): Promise<Agent> {
    const user = await ws.addUser('agent', name);
    const socket = await stack().connect(user.email);
    const seen = recordEvents(socket);
    expect(await command(socket, 'agent:set-status', { status: 'away' })).toEqual({ ok: true });
    return { id: user.id, socket, seen };
  }

  async function perform(ws: TestWorkspace, agents: Agent[], calls: string[], o: Op) {
    if (o.startMs > 0) await settle(o.startMs);
    switch (o.kind) {
      case 'arrive': {
        const callId = newWhatsAppCallId();
        calls.push(callId);
        const body = whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId });
        expect((await stack().postWebhook(JSON.stringify(body))).status).toBe(200);
        await stack().app.processor.idle();
        return;
      }
      case 'status': {
        const ack = await command(agents[o.agent]!.socket, 'agent:set-status', {
          status: o.status,
        });
        expect(ack).toEqual({ ok: true });
        return;
      }
      case 'claim': {
        const rung = agents[o.agent]!.seen.of('call:ringing');
        const ring = rung[o.call % Math.max(rung.length, 1)];
        // refused or accepted, both are fine here: what matters is what rings afterwards
        if (ring) await command(agents[o.agent]!.socket, 'call:accept', { callId: ring.callId });
        return;
      }
      case 'hang-up': {
        const callId = calls[o.call % Math.max(calls.length, 1)];
        if (!callId) return;
        const body = whatsappTerminate({ phoneNumberId: ws.phoneNumberId, callId });
        expect((await stack().postWebhook(JSON.stringify(body))).status).toBe(200);
        await stack().app.processor.idle();
        return;
      }
    }
  }

  async function checkInvariant(
    ws: TestWorkspace,
    agents: Agent[],
    strategy: 'all' | 'longest-idle',
  ): Promise<void> {
    const repos = stack().app.repos;
    const available = new Set(await repos.presence.availableAgentIds(ws.id, ws.whatsappChannelId));
    for (const row of await repos.calls.liveCalls(ws.id)) {
      const model = row.model;
      if (model.state !== 'ringing') continue;
      const waiting = [...available].filter((id) => !model.agentsDeclined.includes(id));
      if (strategy === 'all') {
        expect(model.agentsOffered).toEqual(expect.arrayContaining(waiting));
      } else if (waiting.length > 0) {
        expect(model.agentsOffered).toHaveLength(1);
      }
      for (const agent of agents.filter((a) => model.agentsOffered.includes(a.id))) {
        const rang = agent.seen.of('call:ringing').some((r) => r.callId === row.id);
        expect(rang, `agent offered ${row.metaCallId} heard it ring`).toBe(true);
      }
    }
  }
});
