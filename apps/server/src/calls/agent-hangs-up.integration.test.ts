import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import { command, nextEvent, settle, useStack, type TestWorkspace } from '../testing/test-stack';

const stack = useStack();

async function ringingCall(ws: TestWorkspace) {
  const agent = await ws.agent('Asha');
  const ringing = nextEvent(agent.socket, 'call:ringing');
  const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
  const ring = await ringing;
  return { agent, call, ring };
}

describe('the agent hangs up', () => {
  it('a call in conversation: Meta gets a terminate, the call is completed, the agent is free', async () => {
    const ws = await stack().workspace();
    const { agent, call, ring } = await ringingCall(ws);
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    await call.waitFor('accepted');
    await settle(1_100);

    const ended = nextEvent(agent.socket, 'call:ended');
    const free = nextEvent(agent.socket, 'agent:updated', (a) => a.status === 'available');
    expect(await command(agent.socket, 'call:hangup', { callId: ring.callId })).toEqual({
      ok: true,
    });
    expect(await ended).toEqual({ callId: ring.callId, outcome: 'completed' });
    await free;
    const heard = await stack().graphRequests(call.id, 3);
    expect(heard.map((r) => r.action)).toEqual(['pre_accept', 'accept', 'terminate']);
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'ended', outcome: 'completed' });
    expect(detail?.call.durationSec).toBeGreaterThanOrEqual(1);

    // the terminate webhook that follows changes nothing
    await stack().settled();
    expect((await stack().app.repos.calls.getCall(ws.id, ring.callId))?.call.outcome).toBe(
      'completed',
    );
    expect(await command(agent.socket, 'call:hangup', { callId: ring.callId })).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'This call has already ended.' },
    });
  });

  it('a call claimed but not yet answered goes back to ringing for the others, and Meta hears nothing', async () => {
    const ws = await stack().workspace();
    const { agent, call, ring } = await ringingCall(ws);
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    const colleague = await ws.agent('Ben');
    const rerung = nextEvent(colleague.socket, 'call:ringing', (r) => r.callId === ring.callId);
    expect(await command(agent.socket, 'call:hangup', { callId: ring.callId })).toEqual({
      ok: true,
    });
    expect((await rerung).callId).toBe(ring.callId);
    await stack().settled();
    expect(await stack().graphRequests(call.id, 0)).toEqual([]);
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call.state).toBe('ringing');
    expect(call.state).toBe('ringing');
  });

  it('nobody else can hang up an agent’s call', async () => {
    const ws = await stack().workspace();
    const { agent, ring } = await ringingCall(ws);
    const other = await ws.agent('Ben');
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    expect(await command(other.socket, 'call:hangup', { callId: ring.callId })).toEqual({
      ok: false,
      error: { code: 'already_claimed', message: 'Asha answered this call.' },
    });
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call.state).toBe('claimed');
  });
});
