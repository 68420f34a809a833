import type { AgentView, BoardSnapshotPayload, CallView } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import { command, nextEvent, recordEvents, settle, useStack } from '../testing/test-stack';

const stack = useStack();

async function setup() {
  const ws = await stack().workspace();
  const supervisor = await ws.addUser('supervisor', 'Sam');
  return { ws, cookie: await stack().signIn(supervisor.email), supervisor };
}

const post = (cookie: string, path: string) => stack().request(cookie, path, { method: 'POST' });

describe('the supervisor board over HTTP', () => {
  it('answers the same snapshot the board socket sends', async () => {
    const { ws, cookie, supervisor } = await setup();
    const agent = await ws.agent('Asha');
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      from: '918097530000',
      to: ws.phoneNumberId,
    });
    const ring = await ringing;

    const res = await stack().request(cookie, '/api/supervisor/board');
    expect(res.status).toBe(200);
    const board = (await res.json()) as BoardSnapshotPayload;
    let snapshot: Promise<BoardSnapshotPayload> | undefined;
    await stack().connect(supervisor.email, {
      beforeConnect: (socket) => void (snapshot = nextEvent(socket, 'board:snapshot')),
    });
    const fromSocket = await snapshot;
    expect(board.calls.map((c) => [c.id, c.state])).toEqual([[ring.callId, 'ringing']]);
    expect(board.counters.waiting).toBe(1);
    expect(board.agents.map((a) => [a.name, a.status])).toEqual([['Asha', 'available']]);
    expect(fromSocket?.calls.map((c) => [c.id, c.state])).toEqual(
      board.calls.map((c) => [c.id, c.state]),
    );
    expect(fromSocket?.counters).toEqual(board.counters);
  });
});

describe('a supervisor ends a call', () => {
  it('terminates a live call at Meta; the agent and the board hear it ended', async () => {
    const { ws, cookie, supervisor } = await setup();
    const agent = await ws.agent('Asha');
    const board = await stack().connect(supervisor.email);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    await call.waitFor('accepted');

    const agentEnded = nextEvent(agent.socket, 'call:ended');
    const boardEnded = nextEvent(board, 'call:ended');
    const res = await post(cookie, `/api/supervisor/calls/${ring.callId}/end`);
    expect(res.status).toBe(200);
    expect((await res.json()) as CallView).toMatchObject({
      id: ring.callId,
      state: 'ended',
      outcome: 'completed',
      agent: { name: 'Asha' },
    });
    expect(await agentEnded).toMatchObject({ callId: ring.callId, outcome: 'completed' });
    expect((await boardEnded).callId).toBe(ring.callId);
    await call.waitFor('ended');
    const actions = stack()
      .sim.requests({ callId: call.id })
      .map((r) => r.action);
    expect(actions).toContain('terminate');

    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    const byWhom = detail?.events.find((e) => e.kind === 'supervisor.end');
    expect(byWhom?.data).toEqual({ by: supervisor.id, name: 'Sam' });
    const audit = (await (
      await stack().request(
        await stack().signIn((await ws.addUser('admin')).email),
        '/api/admin/audit',
      )
    ).json()) as { items: { action: string; target: { id: string } }[] };
    expect(audit.items[0]).toMatchObject({ action: 'call.end', target: { id: ring.callId } });

    const again = await post(cookie, `/api/supervisor/calls/${ring.callId}/end`);
    expect(again.status).toBe(409);
  });

  it('rejects a ringing call at Meta and records it missed', async () => {
    const { ws, cookie } = await setup();
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'messenger', to: ws.pageId });
    const ring = await ringing;
    const res = await post(cookie, `/api/supervisor/calls/${ring.callId}/end`);
    expect(((await res.json()) as CallView).outcome).toBe('missed');
    await call.waitFor('ended');
    expect(
      stack()
        .sim.requests({ callId: call.id })
        .map((r) => r.action),
    ).toEqual(['reject']);
  });

  it('finds no call of another workspace, nor one that does not exist', async () => {
    const mine = await setup();
    const theirs = await setup();
    const agent = await theirs.ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: theirs.ws.phoneNumberId });
    const ring = await ringing;
    expect((await post(mine.cookie, `/api/supervisor/calls/${ring.callId}/end`)).status).toBe(404);
    expect((await post(mine.cookie, '/api/supervisor/calls/nope/end')).status).toBe(404);
    expect(call.state).not.toBe('ended');
  });
});

describe('a supervisor sets an agent Away', () => {
  it('stops them being offered calls, and their console and the board are told', async () => {
    const { ws, cookie, supervisor } = await setup();
    const asha = await ws.agent('Asha');
    const bo = await ws.agent('Bo');
    const board = await stack().connect(supervisor.email);
    const toldAsha = nextEvent(asha.socket, 'agent:updated', (v) => v.status === 'away');
    const toldBoard = nextEvent(
      board,
      'agent:updated',
      (v) => v.userId === asha.id && v.status === 'away',
    );

    const res = await post(cookie, `/api/supervisor/agents/${asha.id}/away`);
    expect(res.status).toBe(200);
    expect((await res.json()) as AgentView).toMatchObject({
      userId: asha.id,
      name: 'Asha',
      status: 'away',
    });
    await toldAsha;
    await toldBoard;

    const ashaSeen = recordEvents(asha.socket);
    const ringing = nextEvent(bo.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    await ringing;
    await settle(300);
    expect(ashaSeen.of('call:ringing')).toEqual([]);

    // already away: nothing to do, still 200
    expect((await post(cookie, `/api/supervisor/agents/${asha.id}/away`)).status).toBe(200);
  });

  it('refuses an agent who is offline or on a call, and one of another workspace', async () => {
    const { ws, cookie } = await setup();
    const offline = await ws.addUser('agent', 'Otto');
    const off = await post(cookie, `/api/supervisor/agents/${offline.id}/away`);
    expect(off.status).toBe(409);
    expect(((await off.json()) as { error: { message: string } }).error.message).toBe(
      'Otto is not signed in to the console.',
    );

    const busy = await ws.agent('Bea');
    const ringing = nextEvent(busy.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    await command(busy.socket, 'call:accept', { callId: ring.callId });
    await command(busy.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    await call.waitFor('accepted');
    const onCall = await post(cookie, `/api/supervisor/agents/${busy.id}/away`);
    expect(onCall.status).toBe(409);

    const stranger = await (await stack().workspace()).agent();
    expect((await post(cookie, `/api/supervisor/agents/${stranger.id}/away`)).status).toBe(404);
  });

  it('is not for agents', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const other = await ws.agent();
    const cookie = await stack().signIn(agent.email);
    expect((await post(cookie, `/api/supervisor/agents/${other.id}/away`)).status).toBe(403);
    expect((await stack().request(cookie, '/api/supervisor/board')).status).toBe(403);
  });
});
