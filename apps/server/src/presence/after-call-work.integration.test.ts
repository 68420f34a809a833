import { describe, expect, it } from 'vitest';
import { liveCall } from '../testing/call-steps';
import { command, nextEvent, recordEvents, settle, useStack } from '../testing/test-stack';

const stack = useStack();

/** a live call on a WhatsApp line with this after-call work, and a board watching */
async function callOnLine(wrapUp: 'off' | 'timed' | 'until-save', wrapUpSec = 30) {
  const ws = await stack().workspace();
  await ws.setRing('whatsapp', { wrapUp, wrapUpSec });
  const supervisor = await ws.addUser('supervisor');
  const board = await stack().connect(supervisor.email);
  const live = await liveCall(stack(), ws);
  return { ws, board, ...live };
}

describe('after-call work', () => {
  it('keeps an agent in wrap-up from ringing, and offers them the waiting call once it ends', async () => {
    const { ws, board, agent, callId } = await callOnLine('until-save');
    const wrapUp = nextEvent(agent.socket, 'agent:updated', (a) => a.status === 'wrap-up');
    const seenByBoard = nextEvent(board, 'agent:updated', (a) => a.status === 'wrap-up');
    await command(agent.socket, 'call:hangup', { callId });
    await wrapUp;
    expect(await seenByBoard).toMatchObject({ userId: agent.id, status: 'wrap-up' });

    // a customer calling now is not offered to the agent in wrap-up…
    const rings = recordEvents(agent.socket);
    const next = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    await stack().settled();
    expect(rings.of('call:ringing')).toEqual([]);
    expect(await stack().app.repos.presence.availableAgentIds(ws.id)).toEqual([]);

    // …until it is over: then the waiting call rings them
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const cookie = await stack().signIn(agent.email);
    await stack().request(cookie, `/api/calls/${callId}/wrap-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notes: 'Done' }),
    });
    expect((await ringing).caller.name).toBe(next.snapshot().userName);
    await next.hangUp();
  });

  it('ends timed wrap-up by itself when its time is up, not before', async () => {
    // 1 s rather than an admin's 5 s at least, so the test does not wait
    const { agent, callId } = await callOnLine('timed', 1);
    const wrapUp = nextEvent(agent.socket, 'agent:updated', (a) => a.status === 'wrap-up');
    const back = nextEvent(agent.socket, 'agent:updated', (a) => a.status === 'available');
    await command(agent.socket, 'call:hangup', { callId });
    const until = Date.parse((await wrapUp).wrapUpUntil ?? '');
    expect(until - Date.now()).toBeGreaterThan(0);
    expect(until - Date.now()).toBeLessThanOrEqual(1_000);
    await back;
    expect(Date.now()).toBeGreaterThanOrEqual(until);
  });

  it('keeps an until-save line’s agent in wrap-up until they save their notes', async () => {
    const { ws, agent, callId } = await callOnLine('until-save');
    const wrapUp = nextEvent(agent.socket, 'agent:updated', (a) => a.status === 'wrap-up');
    await command(agent.socket, 'call:hangup', { callId });
    expect((await wrapUp).wrapUpUntil).toBeUndefined();
    await settle(1_200);
    expect((await stack().app.repos.presence.getPresence(ws.id, agent.id))?.status).toBe('wrap-up');

    const back = nextEvent(agent.socket, 'agent:updated', (a) => a.status === 'available');
    const cookie = await stack().signIn(agent.email);
    const saved = await stack().request(cookie, `/api/calls/${callId}/wrap-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notes: 'Refund issued', disposition: 'resolved' }),
    });
    expect(saved.status).toBe(204);
    await back;

    // handle time on the board is talk plus the after-call work
    const counters = await stack().app.repos.boardFigures.counters(ws.id, new Date(0));
    expect(counters.averageHandleMs).toBeGreaterThanOrEqual((counters.averageCallMs ?? 0) + 1_000);
  });

  it('ends wrap-up when the agent chooses Available or Away, and leaves a line without it alone', async () => {
    const { agent, callId } = await callOnLine('until-save');
    const wrapUp = nextEvent(agent.socket, 'agent:updated', (a) => a.status === 'wrap-up');
    await command(agent.socket, 'call:hangup', { callId });
    await wrapUp;
    expect(await command(agent.socket, 'agent:set-status', { status: 'available' })).toEqual({
      ok: true,
    });

    const plain = await callOnLine('off');
    const available = nextEvent(
      plain.agent.socket,
      'agent:updated',
      (a) => a.status === 'available',
    );
    await command(plain.agent.socket, 'call:hangup', { callId: plain.callId });
    expect((await available).status).toBe('available');
  });

  it('an agent whose call nobody answered goes straight back: no after-call work without a conversation', async () => {
    const ws = await stack().workspace();
    await ws.setRing('whatsapp', { wrapUp: 'until-save' });
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const customer = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    await customer.hangUp();
    await stack().settled();
    await settle(200);
    expect((await stack().app.repos.presence.getPresence(ws.id, agent.id))?.status).toBe(
      'available',
    );
  });

  it('offers a waiting call to an agent as soon as their call ends', async () => {
    const ws = await stack().workspace();
    const { agent, callId } = await liveCall(stack(), ws);
    const rings = recordEvents(agent.socket);
    const waiting = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    await stack().settled();
    expect(rings.of('call:ringing')).toEqual([]);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await command(agent.socket, 'call:hangup', { callId });
    expect((await ringing).caller.name).toBe(waiting.snapshot().userName);
    await waiting.hangUp();
  });
});
