import { describe, expect, it } from 'vitest';
import { actionsSent, claimedCall, decideAndDie, liveCall } from '../testing/call-steps';
import { command, nextEvent, useStack, type TestWorkspace } from '../testing/test-stack';

// every claim and conversation is past its bound at once; only the test's own rounds sweep
const stack = useStack({
  timerSweep: { periodMs: 3_600_000, claimBoundMs: 0, activeBoundMs: 0 },
});

const actionsSentTo = (ws: TestWorkspace) => actionsSent(stack(), ws).map((a) => a.action);

describe('claimed and active calls have a server-side bound', () => {
  it('a claim whose answer never came is released: the other agent is rung again, Meta hears nothing', async () => {
    const ws = await stack().workspace();
    const first = await ws.agent('First');
    const second = await ws.agent('Second');
    const ringing = nextEvent(first.socket, 'call:ringing');
    const customer = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    expect(await command(first.socket, 'call:accept', { callId: ring.callId })).toEqual({
      ok: true,
    });
    // the claimant's browser never sends its answer (its tab froze)
    const again = nextEvent(second.socket, 'call:ringing');
    const round = await stack().app.timerSweep.runOnce();
    expect(round.applied).toBe(1);
    expect((await again).callId).toBe(ring.callId);
    expect((await stack().app.repos.calls.getCall(ws.id, ring.callId))?.call.state).toBe('ringing');
    expect(actionsSentTo(ws)).toEqual([]);
    expect(customer.state).toBe('ringing');
    expect(stack().logs.some((l) => l.includes('a claim outlasted its bound'))).toBe(true);
  });

  it('a claim Meta never confirmed is rejected and logged failed; the customer is not left ringing', async () => {
    const ws = await stack().workspace();
    const { agent, customer, answer } = await claimedCall(stack(), ws);
    // the answer was decided and stored, and nothing reached Meta (its server died)
    await decideAndDie(
      stack(),
      ws,
      { kind: 'agent.answer-sent', callId: customer.id, agentId: agent.id, occurredAt: Date.now() },
      answer,
    );

    const ended = nextEvent(agent.socket, 'call:ended');
    expect((await stack().app.timerSweep.runOnce()).applied).toBe(1);
    expect((await ended).outcome).toBe('failed');
    await customer.waitFor('ended');
    expect(actionsSentTo(ws)).toEqual(['reject']);
    // the accept still pending is not sent for a call that is over
    expect(await stack().app.calls.graphWorker.runOnce(new Date(Date.now() + 120_000))).toBe(2);
    expect(actionsSentTo(ws)).toEqual(['reject']);
  });

  it('a conversation Meta never ended is terminated and the agent is free again', async () => {
    const ws = await stack().workspace();
    const { agent, customer } = await liveCall(stack(), ws);

    const ended = nextEvent(agent.socket, 'call:ended');
    expect((await stack().app.timerSweep.runOnce()).applied).toBe(1);
    expect((await ended).outcome).toBe('completed');
    expect((await stack().app.repos.presence.getPresence(ws.id, agent.id))?.status).toBe(
      'available',
    );
    await customer.waitFor('ended');
    expect(actionsSentTo(ws).at(-1)).toBe('terminate');
  });
});
