import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import { command, nextEvent, ORIGIN, settle, useStack } from '../testing/test-stack';

const stack = useStack();

// what a page on another site (or a sandboxed one, or a tool with no page) would send
const REFUSED: [string, Record<string, string>][] = [
  ['a foreign Origin', { origin: 'https://evil.example' }],
  ['no Origin', {}],
  ['Origin: null', { origin: 'null' }],
];
const FROM_THE_CONSOLE = { origin: ORIGIN };

/** a POST with a session cookie and exactly the headers given (fetch in Node adds no Origin) */
function post(
  cookie: string,
  path: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<Response> {
  return fetch(`${stack().url}${path}`, {
    method: 'POST',
    headers: {
      cookie,
      ...headers,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

async function expectRefused(res: Response, what: string): Promise<void> {
  expect(res.status, what).toBe(403);
  expect(await res.json(), what).toEqual({
    error: { code: 'forbidden', message: 'This request did not come from the Ringside console.' },
  });
}

/** an agent in a live WhatsApp call */
async function activeCall() {
  const ws = await stack().workspace();
  const agent = await ws.agent('Asha');
  const ringing = nextEvent(agent.socket, 'call:ringing');
  const sim = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
  const ring = await ringing;
  await command(agent.socket, 'call:accept', { callId: ring.callId });
  await command(agent.socket, 'call:answer', {
    callId: ring.callId,
    sdp: businessAnswerFor(ring.sdpOffer ?? ''),
  });
  await sim.waitFor('accepted');
  return { ws, agent, sim, callId: ring.callId };
}

async function callState(workspaceId: string, callId: string) {
  return (await stack().app.repos.calls.getCall(workspaceId, callId))?.call;
}

/** what Meta was asked to do about a call, once anything in flight has landed */
async function actionsAtMeta(simCallId: string): Promise<(string | null)[]> {
  await settle(200);
  await stack().settled();
  return stack()
    .sim.requests({ callId: simCallId })
    .map((r) => r.action);
}

describe('state-changing REST refuses requests that do not come from the console', () => {
  it('POST /api/calls/:id/hangup: refused, the call stays live; from the console it ends', async () => {
    const { ws, agent, sim, callId } = await activeCall();
    const cookie = await stack().signIn(agent.email);
    for (const [what, headers] of REFUSED) {
      await expectRefused(await post(cookie, `/api/calls/${callId}/hangup`, headers), what);
    }
    expect(await actionsAtMeta(sim.id)).toEqual(['pre_accept', 'accept']);
    expect((await callState(ws.id, callId))?.state).toBe('active');
    expect(sim.state).toBe('accepted');

    expect((await post(cookie, `/api/calls/${callId}/hangup`, FROM_THE_CONSOLE)).status).toBe(204);
    await sim.waitFor('ended');
    expect(await actionsAtMeta(sim.id)).toEqual(['pre_accept', 'accept', 'terminate']);
  });

  it('POST /api/calls/:id/wrap-up: refused, no notes saved; from the console they are', async () => {
    const { ws, agent, callId } = await activeCall();
    const cookie = await stack().signIn(agent.email);
    const notes = { notes: 'Refund issued', disposition: 'resolved' };
    for (const [what, headers] of REFUSED) {
      await expectRefused(await post(cookie, `/api/calls/${callId}/wrap-up`, headers, notes), what);
    }
    expect(await callState(ws.id, callId)).toMatchObject({ notes: null, disposition: null });

    const saved = await post(cookie, `/api/calls/${callId}/wrap-up`, FROM_THE_CONSOLE, notes);
    expect(saved.status).toBe(204);
    expect(await callState(ws.id, callId)).toMatchObject(notes);
  });

  it('POST /api/supervisor/calls/:id/end: refused, the call stays live; from the console it ends', async () => {
    const { ws, sim, callId } = await activeCall();
    const supervisor = await ws.addUser('supervisor');
    const cookie = await stack().signIn(supervisor.email);
    for (const [what, headers] of REFUSED) {
      await expectRefused(await post(cookie, `/api/supervisor/calls/${callId}/end`, headers), what);
    }
    expect(await actionsAtMeta(sim.id)).toEqual(['pre_accept', 'accept']);
    expect((await callState(ws.id, callId))?.state).toBe('active');
    const timeline = await stack().app.repos.calls.getCall(ws.id, callId);
    expect(timeline?.events.map((e) => e.kind)).not.toContain('supervisor.end');

    const ended = await post(cookie, `/api/supervisor/calls/${callId}/end`, FROM_THE_CONSOLE);
    expect(ended.status).toBe(200);
    expect(await ended.json()).toMatchObject({ id: callId, state: 'ended', outcome: 'completed' });
    await sim.waitFor('ended');
    expect(await actionsAtMeta(sim.id)).toEqual(['pre_accept', 'accept', 'terminate']);
  });

  it('POST /api/supervisor/agents/:id/away: refused, the agent stays available; from the console they go away', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Bo');
    const supervisor = await ws.addUser('supervisor');
    const cookie = await stack().signIn(supervisor.email);
    for (const [what, headers] of REFUSED) {
      await expectRefused(
        await post(cookie, `/api/supervisor/agents/${agent.id}/away`, headers),
        what,
      );
    }
    expect((await stack().app.repos.presence.getPresence(ws.id, agent.id))?.status).toBe(
      'available',
    );

    const toldAway = nextEvent(agent.socket, 'agent:updated', (v) => v.status === 'away');
    const away = await post(cookie, `/api/supervisor/agents/${agent.id}/away`, FROM_THE_CONSOLE);
    expect(away.status).toBe(200);
    await toldAway;
    expect((await stack().app.repos.presence.getPresence(ws.id, agent.id))?.status).toBe('away');
  });
});
