import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import {
  command,
  nextEvent,
  recordEvents,
  useStack,
  waitUntil,
  type ConsoleSocket,
} from '../testing/test-stack';

const stack = useStack();

/** the network drops and comes back: the same console opens a new connection */
async function reconnect(socket: ConsoleSocket, before: (s: ConsoleSocket) => void) {
  socket.disconnect();
  before(socket);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
    socket.connect();
  });
}

describe('a console that reconnects', () => {
  it('gets the call ringing for it and its own status, without a reload', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Asha');
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', name: 'Rahul', to: ws.phoneNumberId });
    const ring = await ringing;

    let seen: ReturnType<typeof recordEvents> | undefined;
    await reconnect(agent.socket, (s) => (seen = recordEvents(s)));
    await waitUntil('the missed state arrives', () =>
      Boolean(seen?.of('call:ringing').length && seen.of('agent:updated').length),
    );
    const again = seen?.of('call:ringing')[0];
    expect(again).toEqual(ring);
    expect(seen?.of('agent:updated').at(-1)).toMatchObject({ userId: agent.id, name: 'Asha' });

    // and the call can be taken from the reconnected console
    expect(await command(agent.socket, 'call:accept', { callId: ring.callId })).toEqual({
      ok: true,
    });
  });

  it('under longest-idle, the re-sent ring ends when the agent’s turn does', async () => {
    const ws = await stack().workspace();
    await ws.setRing('whatsapp', { ringStrategy: 'longest-idle', agentTimeoutSec: 20 });
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;

    let seen: ReturnType<typeof recordEvents> | undefined;
    await reconnect(agent.socket, (s) => (seen = recordEvents(s)));
    await waitUntil('the ring is re-sent', () => Boolean(seen?.of('call:ringing').length));
    const again = seen?.of('call:ringing')[0];
    expect(again?.ringingSince).toBe(ring.ringingSince);
    // the same turn, not a new one (a second's slack: the timeline stores ms, the ring saw now)
    expect(Math.abs((again?.ringTimeoutMs ?? 0) - ring.ringTimeoutMs)).toBeLessThan(1_000);
    // the agent's 20 s turn, counted from Meta's whole-second timestamp (plus processing on a
    // busy machine), never the channel's 45 s ring
    expect(ring.ringTimeoutMs).toBeGreaterThanOrEqual(20_000);
    expect(ring.ringTimeoutMs).toBeLessThan(25_000);
  });

  it('gets back the call it is on, with its busy status', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Ben');
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    const active = nextEvent(agent.socket, 'call:updated', (v) => v.state === 'active');
    await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    await active;

    let seen: ReturnType<typeof recordEvents> | undefined;
    await reconnect(agent.socket, (s) => (seen = recordEvents(s)));
    await waitUntil('the missed state arrives', () =>
      Boolean(seen?.of('call:updated').length && seen.of('agent:updated').length),
    );
    expect(seen?.of('call:updated')[0]).toMatchObject({
      id: ring.callId,
      state: 'active',
      agent: { userId: agent.id, name: 'Ben' },
    });
    expect(seen?.of('agent:updated').at(-1)).toMatchObject({
      userId: agent.id,
      status: 'busy',
      currentCallId: ring.callId,
    });
    expect(seen?.of('call:ringing')).toEqual([]);

    // the console re-sends "available" after a reconnect: mid-call that must not make it so
    expect(await command(agent.socket, 'agent:set-status', { status: 'available' })).toEqual({
      ok: true,
    });
    expect(seen?.of('agent:updated').at(-1)?.status).toBe('busy');
    const available = await stack().app.repos.presence.availableAgents(ws.id);
    expect(available.map((a) => a.userId)).not.toContain(agent.id);
  });

  it('says away after a drop until the console sends the agent’s choice again', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    let seen: ReturnType<typeof recordEvents> | undefined;
    await reconnect(agent.socket, (s) => (seen = recordEvents(s)));
    await waitUntil('its status arrives', () => Boolean(seen?.of('agent:updated').length));
    // nothing rings for a console that may have lost its microphone in the drop
    expect(seen?.of('agent:updated').at(-1)?.status).toBe('away');
    expect(await command(agent.socket, 'agent:set-status', { status: 'available' })).toEqual({
      ok: true,
    });
    expect(seen?.of('agent:updated').at(-1)?.status).toBe('available');
  });

  it('a supervisor’s board is rebuilt on reconnect', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const supervisor = await ws.addUser('supervisor');
    const board = await stack().connect(supervisor.email);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'messenger', to: ws.pageId });
    const ring = await ringing;

    let seen: ReturnType<typeof recordEvents> | undefined;
    await reconnect(board, (s) => (seen = recordEvents(s)));
    await waitUntil('the board arrives', () => Boolean(seen?.of('board:snapshot').length));
    const snapshot = seen?.of('board:snapshot')[0];
    expect(snapshot?.calls.map((c) => [c.id, c.state])).toEqual([[ring.callId, 'ringing']]);
    expect(snapshot?.counters.waiting).toBe(1);
    expect(snapshot?.agents.map((a) => [a.userId, a.status])).toContainEqual([
      agent.id,
      'available',
    ]);
  });
});
