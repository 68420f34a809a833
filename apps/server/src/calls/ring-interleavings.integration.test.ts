import { describe, expect, it } from 'vitest';
import { ENGINES } from '../db/test-databases';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { createRaceGates, type Gate } from '../testing/race-gates';
import {
  command,
  recordEvents,
  useStack,
  waitUntil,
  type ConsoleSocket,
  type Stack,
  type TestWorkspace,
} from '../testing/test-stack';

/**
 * Two flows, each cut into steps at its race points; a schedule says which flow takes its next
 * step. Every schedule of the two is run, so each order of their reads and writes is forced.
 */
interface Flow {
  readonly name: string;
  /** starts the flow; it runs until its first held point (or to its end) */
  start(): void;
  /** the points it passes, in order, each held until the schedule lets the flow on */
  readonly gates: readonly Gate[];
  /** resolves when the flow has finished */
  done(): Promise<unknown>;
}

/** every order of `a` steps of one flow and `b` of the other, as strings of 'a' and 'b' */
function schedules(a: number, b: number): string[] {
  if (a === 0) return ['b'.repeat(b)];
  if (b === 0) return ['a'.repeat(a)];
  return [...schedules(a - 1, b).map((s) => `a${s}`), ...schedules(a, b - 1).map((s) => `b${s}`)];
}

/** runs two flows step by step in the order `schedule` gives */
async function interleave(schedule: string, a: Flow, b: Flow): Promise<void> {
  const step = { a: 0, b: 0 };
  const flows = { a, b };
  for (const who of schedule as Iterable<'a' | 'b'>) {
    const flow = flows[who];
    const n = step[who]++;
    if (n === 0) flow.start();
    else flow.gates[n - 1]?.release();
    const next = flow.gates[n];
    await (next ? next.reached : flow.done());
  }
}

const gates = createRaceGates();

async function awayAgent(stack: Stack, ws: TestWorkspace, name: string) {
  const user = await ws.addUser('agent', name);
  const socket = await stack.connect(user.email);
  const seen = recordEvents(socket);
  // a console connects as away
  expect(await stack.app.repos.presence.getPresence(ws.id, user.id)).toMatchObject({
    status: 'away',
  });
  return { ...user, socket, seen };
}

/** the arrival of a WhatsApp call: read who is available, store the call, read again, offer */
function arrival(stack: Stack, ws: TestWorkspace): Flow & { callId: string } {
  const callId = newWhatsAppCallId();
  return {
    name: 'a call arrives',
    callId,
    gates: [gates.hold('arrival:planned', callId), gates.hold('ring:read', callId)],
    start() {
      const body = JSON.stringify(whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId }));
      void stack.postWebhook(body).then((res) => expect(res.status).toBe(200));
    },
    done: () => stack.app.processor.idle(),
  };
}

/** an agent clicks Available: store the status, then look for calls already ringing */
function becomesAvailable(agent: { id: string; socket: ConsoleSocket }): Flow {
  let ack: Promise<unknown> = Promise.resolve();
  return {
    name: 'the agent becomes available',
    gates: [gates.hold('status:stored', agent.id)],
    start() {
      ack = command(agent.socket, 'agent:set-status', { status: 'available' }).then((r) =>
        expect(r).toEqual({ ok: true }),
      );
    },
    done: () => ack,
  };
}

describe.each(ENGINES)('a call arriving as an agent becomes available (%s)', (engine) => {
  const stack = useStack({ engine, racePoints: gates });

  // a: planned → stored, read → offered; b: stored → read ringing calls
  it.each(schedules(3, 2))('rings the agent whatever the order: %s', async (schedule) => {
    const ws = await stack().workspace();
    const agent = await awayAgent(stack(), ws, 'Asha');
    const call = arrival(stack(), ws);
    try {
      await interleave(schedule, call, becomesAvailable(agent));
    } finally {
      gates.releaseAll();
    }
    // within the usual fan-out time, and recorded as offered to them
    await waitUntil('the agent rings', () => agent.seen.of('call:ringing').length > 0, 2_000);
    const stored = await stack().app.repos.calls.getCallByMetaId(ws.id, call.callId);
    expect(agent.seen.of('call:ringing').map((r) => r.callId)).toContain(stored?.id);
    expect(stored?.model).toMatchObject({ state: 'ringing', agentsOffered: [agent.id] });
  });
});
