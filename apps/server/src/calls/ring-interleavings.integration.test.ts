import { describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/test-databases';
import { interleave, schedules } from '../testing/interleave';
import { createRaceGates } from '../testing/race-gates';
import { arrivalFlow, availableFlow, turnOverFlow } from '../testing/ring-flows';
import {
  command,
  nextEvent,
  recordEvents,
  settle,
  useStack,
  waitUntil,
  type Stack,
  type TestWorkspace,
} from '../testing/test-stack';

const gates = createRaceGates();

/** an agent whose console is connected but who is not taking calls */
async function awayAgent(stack: Stack, ws: TestWorkspace, name: string) {
  const user = await ws.addUser('agent', name);
  const socket = await stack.connect(user.email);
  const seen = recordEvents(socket);
  // a console connects as away
  await waitUntil('the agent is away', async () => {
    const presence = await stack.app.repos.presence.getPresence(ws.id, user.id);
    return presence?.status === 'away';
  });
  return { ...user, socket, seen };
}

describe.each(ENGINES)('ringing whatever the interleaving (%s)', (engine) => {
  const stack = useStack({ engine, racePoints: gates });
  const server = (ws: TestWorkspace) => ({
    phoneNumberId: ws.phoneNumberId,
    postWebhook: (body: string) => stack().postWebhook(body),
    idle: () => stack().app.processor.idle(),
  });

  // the call: planned | stored, read | offered; the agent: stored | read ringing calls
  it.each(schedules(3, 2))(
    'a call arriving as the agent becomes available rings them: %s',
    async (schedule) => {
      const ws = await stack().workspace();
      const agent = await awayAgent(stack(), ws, 'Asha');
      const call = arrivalFlow(gates, server(ws));
      try {
        await interleave(schedule, call, availableFlow(gates, agent));
      } finally {
        gates.releaseAll();
      }
      // within the usual fan-out time, and recorded as offered to them
      await waitUntil('the agent rings', () => agent.seen.of('call:ringing').length > 0, 2_000);
      const stored = await stack().app.repos.calls.getCallByMetaId(ws.id, call.callId);
      expect(agent.seen.of('call:ringing').map((r) => r.callId)).toContain(stored?.id);
      expect(stored?.model).toMatchObject({ state: 'ringing', agentsOffered: [agent.id] });
    },
  );

  // the turn: stored without A | read, offered; B: stored | read ringing calls
  it.each(schedules(2, 2))(
    'a longest-idle turn ending as another agent becomes available hands them the call: %s',
    async (schedule) => {
      const ws = await stack().workspace();
      await ws.setRing('whatsapp', { ringStrategy: 'longest-idle', agentTimeoutSec: 30 });
      const first = await ws.agent('First');
      const next = await awayAgent(stack(), ws, 'Next');
      const rang = nextEvent(first.socket, 'call:ringing');
      const call = arrivalFlow(gates, server(ws));
      gates.releaseAll(); // this arrival races with nothing
      call.start();
      const { callId } = await rang;
      const row = await stack().app.repos.calls.getCallByMetaId(ws.id, call.callId);
      const turn = turnOverFlow(gates, first, { id: callId, metaCallId: call.callId });
      try {
        await interleave(schedule, turn, availableFlow(gates, next));
      } finally {
        gates.releaseAll();
      }
      await waitUntil('the next agent rings', () => next.seen.of('call:ringing').length > 0, 2_000);
      // rung once or twice (its offer, and again as the agent's status change finds it offered)
      expect(new Set(next.seen.of('call:ringing').map((r) => r.callId))).toEqual(
        new Set([row?.id]),
      );
      const after = await stack().app.repos.calls.getCallByMetaId(ws.id, call.callId);
      expect(after?.model).toMatchObject({
        state: 'ringing',
        agentsOffered: [next.id],
        agentsDeclined: [first.id],
      });
    },
  );
});

describe('a console that reconnects while a call waits', () => {
  const stack = useStack({ racePoints: gates });

  it('rings the agent once they are back and available', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Returning');
    agent.socket.disconnect();
    await waitUntil('the agent is offline', async () => {
      const presence = await stack().app.repos.presence.getPresence(ws.id, agent.id);
      return presence?.status === 'offline';
    });
    const call = arrivalFlow(gates, {
      phoneNumberId: ws.phoneNumberId,
      postWebhook: (body) => stack().postWebhook(body),
      idle: () => stack().app.processor.idle(),
    });
    gates.releaseAll();
    call.start();
    await call.done();

    const socket = await stack().connect(agent.email);
    const seen = recordEvents(socket);
    expect(await command(socket, 'agent:set-status', { status: 'available' })).toEqual({
      ok: true,
    });
    await waitUntil('the agent rings', () => seen.of('call:ringing').length > 0, 2_000);
    const stored = await stack().app.repos.calls.getCallByMetaId(ws.id, call.callId);
    expect(stored?.model).toMatchObject({ agentsOffered: [agent.id] });
  });

  it('a call offered while the agent’s console was not listening rings it when it is back', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Dropped');
    const call = arrivalFlow(gates, {
      phoneNumberId: ws.phoneNumberId,
      postWebhook: (body) => stack().postWebhook(body),
      idle: () => stack().app.processor.idle(),
    });
    const [planned] = call.gates;
    call.start();
    // the call's first offer goes to the agent, seen available; then their console drops
    await planned?.reached;
    agent.socket.disconnect();
    await settle(100);
    gates.releaseAll();
    await call.done();
    const stored = await stack().app.repos.calls.getCallByMetaId(ws.id, call.callId);
    expect(stored?.model).toMatchObject({ state: 'ringing', agentsOffered: [agent.id] });

    // back: the console hears the call ring (and again once the agent says available)
    const socket = await stack().connect(agent.email, {
      beforeConnect: (s) => void recordEvents(s),
    });
    const seen = recordEvents(socket);
    const ringing = nextEvent(socket, 'call:ringing');
    expect(await command(socket, 'agent:set-status', { status: 'available' })).toEqual({
      ok: true,
    });
    expect((await ringing).callId).toBe(stored?.id);
    await settle(100);
    expect(seen.of('call:ringing').every((r) => r.callId === stored?.id)).toBe(true);
  });
});
