import { describe, expect, it } from 'vitest';
import {
  actionsSent,
  claimedCall,
  decideAndDie,
  liveCall,
  ringOneAgent,
} from '../testing/call-steps';
import { command, nextEvent, useStack, type TestWorkspace } from '../testing/test-stack';

const stack = useStack();

/** a minute past every lease and backoff: what a worker sees once the decider's turn is over */
const later = (minutes = 1) => new Date(Date.now() + minutes * 60_000);

async function pending(callId: string) {
  const rows = await stack().app.repos.graphActions.forCall(callId);
  return rows.map((r) => ({ action: r.action, result: r.result, lastError: r.lastError }));
}

const graphActionsSent = (ws: TestWorkspace, action: string) =>
  actionsSent(stack(), ws).filter((a) => a.action === action);

describe('decisions reach Meta (durable outbox of Graph actions)', () => {
  it('a hang-up Meta could not take is sent again until Meta confirms it', async () => {
    const ws = await stack().workspace();
    const { agent, customer, callId } = await liveCall(stack(), ws);
    // Meta's side fails every try the client makes (138004 is worth retrying)
    stack().sim.failNextRequest({ code: 138004, edge: 'calls', action: 'terminate', times: 3 });

    const ended = nextEvent(agent.socket, 'call:ended');
    expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });
    expect((await ended).outcome).toBe('completed');
    expect(customer.state).toBe('accepted'); // the customer is still on the line
    expect(await pending(callId)).toContainEqual({
      action: 'terminate',
      result: null,
      lastError: expect.stringContaining('138004') as unknown,
    });

    // Meta is back: the next look sends it once more, and that one ends the customer's call
    expect(await stack().app.calls.graphWorker.runOnce(later())).toBe(1);
    await customer.waitFor('ended');
    expect(await pending(callId)).toContainEqual(
      expect.objectContaining({ action: 'terminate', result: 'confirmed' }),
    );
    expect(await stack().app.calls.graphWorker.runOnce(later(2))).toBe(0);
    // 3 refused by the client's own retries, then the one that worked
    expect(graphActionsSent(ws, 'terminate')).toHaveLength(4);
  });

  it('a reject decided just before the server died is sent by the next server', async () => {
    const ws = await stack().workspace();
    const { agent, customer, ring } = await ringOneAgent(stack(), ws);

    // the only agent declines; the decision commits, then the process is gone
    const decided = await decideAndDie(stack(), ws, {
      kind: 'agent.decline',
      callId: customer.id,
      agentId: agent.id,
      occurredAt: Date.now(),
    });
    expect(decided.row?.outcome).toBe('declined');
    await stack().restart();
    expect(graphActionsSent(ws, 'reject')).toHaveLength(0);
    expect(customer.state).toBe('ringing');

    // the decider's turn is over: the new server's worker tells Meta
    expect(await stack().app.calls.graphWorker.runOnce(later())).toBe(1);
    await customer.waitFor('ended');
    expect(graphActionsSent(ws, 'reject')).toHaveLength(1);
    expect(await pending(ring.callId)).toEqual([
      { action: 'reject', result: 'confirmed', lastError: null },
    ]);
  });

  it('an accept decided just before the server died is sent after the restart: the call goes live', async () => {
    const ws = await stack().workspace();
    const { agent, customer, ring, answer } = await claimedCall(stack(), ws);
    await decideAndDie(
      stack(),
      ws,
      { kind: 'agent.answer-sent', callId: customer.id, agentId: agent.id, occurredAt: Date.now() },
      answer,
    );
    await stack().restart();
    expect((await stack().app.repos.calls.getCall(ws.id, ring.callId))?.call.state).toBe('claimed');

    expect(await stack().app.calls.graphWorker.runOnce(later())).toBe(2);
    await customer.waitFor('accepted');
    // the very answer the agent's browser made, once; the pre_accept is not needed any more
    expect(graphActionsSent(ws, 'accept').map((a) => a.sdp)).toEqual([answer]);
    expect(graphActionsSent(ws, 'pre_accept')).toHaveLength(0);
    const stored = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect([stored?.call.state, stored?.call.agentId]).toEqual(['active', agent.id]);
    expect(await pending(ring.callId)).toEqual([
      { action: 'pre-accept', result: 'moot', lastError: null },
      { action: 'accept', result: 'confirmed', lastError: null },
    ]);
  });

  it('an accept that reached Meta just before the server died is not undone after the restart', async () => {
    const ws = await stack().workspace();
    const { agent, customer, ring, answer } = await claimedCall(stack(), ws);
    await decideAndDie(
      stack(),
      ws,
      { kind: 'agent.answer-sent', callId: customer.id, agentId: agent.id, occurredAt: Date.now() },
      answer,
    );
    // the dying server's accept got through; the node died before it could record it
    const { baseUrl, version } = stack().graphApi;
    const accepted = await fetch(`${baseUrl}/${version}/${ws.phoneNumberId}/calls`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ws.accessTokens[0] ?? ''}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        messaging_product: 'whatsapp',
        call_id: customer.id,
        action: 'accept',
        session: { sdp_type: 'answer', sdp: answer },
      }),
    });
    expect(accepted.status).toBe(200);
    await customer.waitFor('accepted');
    await stack().restart();

    // resent, Meta says the call is already ongoing: that is our accept, and the call is live
    expect(await stack().app.calls.graphWorker.runOnce(later())).toBe(2);
    const stored = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(stored?.call.state).toBe('active');
    expect(customer.state).toBe('accepted');
    expect(graphActionsSent(ws, 'reject')).toHaveLength(0);
    expect(await pending(ring.callId)).toEqual([
      { action: 'pre-accept', result: 'moot', lastError: null },
      { action: 'accept', result: 'confirmed', lastError: 'Meta: call already ongoing' },
    ]);
  });

  it('Meta ending the call settles what was still waiting: nothing more is sent', async () => {
    const ws = await stack().workspace();
    const { agent, customer, callId } = await liveCall(stack(), ws);
    stack().sim.failNextRequest({ code: 138004, edge: 'calls', action: 'terminate', times: 3 });
    expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });
    expect((await pending(callId)).find((r) => r.action === 'terminate')?.result).toBeNull();

    // the customer hangs up meanwhile: Meta's terminate arrives
    await customer.hangUp();
    await stack().settled();
    expect((await pending(callId)).find((r) => r.action === 'terminate')?.result).toBe('moot');
    expect(await stack().app.calls.graphWorker.runOnce(later())).toBe(0);
    expect(graphActionsSent(ws, 'terminate')).toHaveLength(3);
  });

  it('gives up, loudly, on a terminate Meta keeps refusing past the give-up time', async () => {
    const ws = await stack().workspace();
    const { agent, callId } = await liveCall(stack(), ws);
    stack().sim.failNextRequest({ code: 138004, edge: 'calls', action: 'terminate', times: 3 });
    expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });

    expect(await stack().app.calls.graphWorker.runOnce(later(16))).toBe(1);
    expect((await pending(callId)).find((r) => r.action === 'terminate')?.result).toBe('expired');
    expect(stack().logs.some((line) => line.includes('gave up telling Meta a call ended'))).toBe(
      true,
    );
    const metrics = await (await fetch(`${stack().url}/metrics`)).text();
    expect(metrics).toMatch(
      /ringside_graph_actions_total\{action="terminate",result="expired"\} 1/,
    );
  });
});
