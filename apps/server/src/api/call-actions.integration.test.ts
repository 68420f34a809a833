import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import { command, nextEvent, ORIGIN, useStack } from '../testing/test-stack';

const stack = useStack();

const cookieFor = (email: string) => stack().signIn(email);

async function activeCall() {
  const ws = await stack().workspace();
  const agent = await ws.addUser('agent');
  const socket = await stack().connect(agent.email);
  await command(socket, 'agent:set-status', { status: 'available' });
  const ringing = nextEvent(socket, 'call:ringing');
  const sim = await stack().sim.placeCall({
    channel: 'whatsapp',
    name: 'Rahul',
    to: ws.phoneNumberId,
  });
  const ring = await ringing;
  await command(socket, 'call:accept', { callId: ring.callId });
  await command(socket, 'call:answer', {
    callId: ring.callId,
    sdp: businessAnswerFor(ring.sdpOffer ?? ''),
  });
  await sim.waitFor('accepted');
  return { ws, agent, sim, callId: ring.callId, cookie: await cookieFor(agent.email) };
}

describe('call actions over HTTP', () => {
  it('a keepalive hangup from a closing tab terminates the call at Meta', async () => {
    const { sim, callId, cookie } = await activeCall();
    const res = await fetch(`${stack().url}/api/calls/${callId}/hangup`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN },
      keepalive: true,
    });
    expect(res.status).toBe(204);
    await sim.waitFor('ended');
    const terminates = stack()
      .sim.requests()
      .filter((r) => (r.body as { action?: string } | undefined)?.action === 'terminate');
    expect(terminates.map((r) => (r.body as { call_id: string }).call_id)).toContain(sim.id);
  });

  it('a closing tab on a direct call ends it at once: its audio went with the tab', async () => {
    const { sim, callId, cookie } = await activeCall();
    const res = await fetch(`${stack().url}/api/calls/${callId}/tab-closed`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN },
      keepalive: true,
    });
    expect(res.status).toBe(204);
    await sim.waitFor('ended');
  });

  it('saves notes and a disposition for the agent’s own call only', async () => {
    const { ws, callId, cookie } = await activeCall();
    const save = (who: string, body: unknown) =>
      fetch(`${stack().url}/api/calls/${callId}/wrap-up`, {
        method: 'POST',
        headers: { cookie: who, origin: ORIGIN, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await save(cookie, { notes: 'Refund issued', disposition: 'resolved' })).status).toBe(
      204,
    );
    const detail = await stack().app.repos.calls.getCall(ws.id, callId);
    expect(detail?.call).toMatchObject({ notes: 'Refund issued', disposition: 'resolved' });

    const other = await ws.addUser('agent');
    expect((await save(await cookieFor(other.email), { notes: 'not mine' })).status).toBe(404);
    expect((await save(cookie, { notes: 42 })).status).toBe(400);
    expect((await stack().app.repos.calls.getCall(ws.id, callId))?.call.notes).toBe(
      'Refund issued',
    );
  });
});
