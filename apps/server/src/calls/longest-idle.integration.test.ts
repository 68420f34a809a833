import { describe, expect, it } from 'vitest';
import {
  command,
  nextEvent,
  recordEvents,
  settle,
  useStack,
  waitUntil,
} from '../testing/test-stack';

const stack = useStack();

/** three available agents, idle longest first: A, then B, then C */
async function threeAgentsInIdleOrder(agentTimeoutSec: number) {
  const ws = await stack().workspace();
  await ws.setRing('whatsapp', {
    ringStrategy: 'longest-idle',
    agentTimeoutSec,
    ringTimeoutSec: 30,
  });
  const a = await ws.agent('A');
  await settle(20);
  const b = await ws.agent('B');
  await settle(20);
  const c = await ws.agent('C');
  const agents = [a, b, c];
  const seen = agents.map((agent) => recordEvents(agent.socket));
  const rings = () => seen.map((s) => s.of('call:ringing').length);
  return { ws, a, b, c, seen, rings };
}

describe('longest-idle routing', () => {
  it('offers the call to one agent at a time, moving on after the per-agent timeout', async () => {
    const { ws, a, b, seen, rings } = await threeAgentsInIdleOrder(1);
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    await waitUntil('A rings', () => rings()[0] === 1);
    const offeredAt = Date.now();
    await settle(300);
    expect(rings()).toEqual([1, 0, 0]);
    // A's console stops ringing when A's turn ends, not at the channel's ring timeout
    const toA = seen[0]!.of('call:ringing')[0]!;
    const turnEndsA = Date.parse(toA.ringingSince) + toA.ringTimeoutMs;
    expect(turnEndsA - offeredAt).toBeLessThan(1_500);

    await waitUntil('B rings after A’s turn', () => rings()[1] === 1, 3_000);
    expect(Date.now() - offeredAt).toBeGreaterThanOrEqual(700);
    expect(rings()).toEqual([1, 1, 0]);
    const toB = seen[1]!.of('call:ringing')[0]!;
    expect(Date.parse(toB.ringingSince) + toB.ringTimeoutMs - Date.now()).toBeGreaterThan(500);

    // A's turn is over: A cannot take the call any more
    expect(await command(a.socket, 'call:accept', { callId: toA.callId })).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'This call is no longer ringing for you.' },
    });
    expect(await command(b.socket, 'call:accept', { callId: toB.callId })).toEqual({ ok: true });
    expect(stack().sim.requests({ callId: call.id })).toHaveLength(0);
  });

  it('a decline hands the call to the next agent at once', async () => {
    const { ws, a, b, c, rings } = await threeAgentsInIdleOrder(10);
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const { callId } = await nextEvent(a.socket, 'call:ringing');

    expect(await command(a.socket, 'call:decline', { callId })).toEqual({ ok: true });
    // well inside the 10 s turn A had: the decline moved the call on
    await waitUntil('B rings', () => rings()[1] === 1, 1_000);
    expect(rings()).toEqual([1, 1, 0]);

    expect(await command(b.socket, 'call:decline', { callId })).toEqual({ ok: true });
    await waitUntil('C rings', () => rings()[2] === 1, 1_000);
    expect(await command(c.socket, 'call:accept', { callId })).toEqual({ ok: true });
    expect(rings()).toEqual([1, 1, 1]);
    // declines move the call along inside Ringside; Meta hears nothing until an answer
    expect(stack().sim.requests({ callId: call.id })).toHaveLength(0);
    const detail = await stack().app.repos.calls.getCall(ws.id, callId);
    expect(detail?.call).toMatchObject({ state: 'claimed', agentId: c.id });
  });

  it('after every agent declined, the call rings nobody and ends missed at the ring timeout', async () => {
    const ws = await stack().workspace();
    await ws.setRing('whatsapp', {
      ringStrategy: 'longest-idle',
      agentTimeoutSec: 10,
      ringTimeoutSec: 2,
    });
    const only = await ws.agent();
    const ringing = nextEvent(only.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const { callId } = await ringing;
    expect(await command(only.socket, 'call:decline', { callId })).toEqual({ ok: true });
    const heard = await stack().graphRequests(call.id);
    expect(heard.map((r) => r.action)).toEqual(['reject']);
    await stack().settled();
    const detail = await stack().app.repos.calls.getCall(ws.id, callId);
    expect(detail?.call.outcome).toBe('missed');
  });
});

describe('longest-idle turns across a restart', () => {
  /** A and B available, A idle longest; a call rings A, whose turn is `turnSec` long */
  async function ringingForA(turnSec: number) {
    const ws = await stack().workspace();
    await ws.setRing('whatsapp', {
      ringStrategy: 'longest-idle',
      agentTimeoutSec: turnSec,
      ringTimeoutSec: 30,
    });
    const a = await ws.agent('A');
    await settle(20);
    const b = await ws.agent('B');
    const ringing = nextEvent(a.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const toA = await ringing;
    return { ws, a, b, toA, offeredAt: Date.now() };
  }

  /** an agent's console back after the restart (it reconnects in life), set available */
  async function backAvailable(email: string) {
    const seen: { events?: ReturnType<typeof recordEvents> } = {};
    const socket = await stack().connect(email, {
      beforeConnect: (s) => (seen.events = recordEvents(s)),
    });
    expect(await command(socket, 'agent:set-status', { status: 'available' })).toEqual({
      ok: true,
    });
    const rings = () => seen.events?.of('call:ringing') ?? [];
    return { socket, rings };
  }

  it('a turn under way when the server restarts still ends on time: the call moves on to B', async () => {
    const { ws, a, b, toA, offeredAt } = await ringingForA(2);
    // A's turn timer dies with the old process; the call's ring timeout (30 s) is far off
    await stack().restart();
    const aBack = await backAvailable(a.email);
    const bBack = await backAvailable(b.email);

    await waitUntil('B rings after A’s turn', () => bBack.rings().length > 0, 6_000);
    // A's whole turn, counted from A's offer: not cut short by the restart
    expect(Date.now() - offeredAt).toBeGreaterThanOrEqual(1_500);
    expect(bBack.rings().map((r) => r.callId)).toEqual([toA.callId]);
    expect(await command(aBack.socket, 'call:accept', { callId: toA.callId })).toEqual({
      ok: false,
      error: { code: 'invalid_state', message: 'This call is no longer ringing for you.' },
    });
    expect(await command(bBack.socket, 'call:accept', { callId: toA.callId })).toEqual({
      ok: true,
    });
    const detail = await stack().app.repos.calls.getCall(ws.id, toA.callId);
    expect(detail?.call).toMatchObject({ state: 'claimed', agentId: b.id });
  });

  it('a turn that ended while the server was down moves the call on as soon as it is back', async () => {
    const { b, toA } = await ringingForA(2);
    // down for longer than A's turn
    await stack().restart(() => settle(2_500));
    const restartedAt = Date.now();
    const bBack = await backAvailable(b.email);

    await waitUntil('B rings', () => bBack.rings().length > 0, 6_000);
    // at once, not a whole turn after the restart
    expect(Date.now() - restartedAt).toBeLessThan(1_500);
    expect(bBack.rings().map((r) => r.callId)).toEqual([toA.callId]);
  });
});
