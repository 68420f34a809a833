import { describe, expect, it } from 'vitest';
import { command, nextEvent, recordEvents, useStack } from '../testing/test-stack';

const stack = useStack();

const patch = (cookie: string, path: string, body: unknown) =>
  stack().request(cookie, path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('a caller waiting on a line an admin changes', () => {
  it('rings the agent the admin assigns to the line, at once', async () => {
    const ws = await stack().workspace();
    const cookie = await stack().signIn((await ws.addUser('admin')).email);
    const path = `/api/admin/channels/${ws.whatsappChannelId}`;
    // the line's only agent is away; another agent is available but not on this line
    const asha = await ws.agent('Asha');
    await command(asha.socket, 'agent:set-status', { status: 'away' });
    const bo = await ws.agent('Bo');
    expect((await patch(cookie, path, { assignedUserIds: [asha.id] })).status).toBe(200);

    const boHeard = recordEvents(bo.socket);
    const customer = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    await stack().settled();
    expect(boHeard.of('call:ringing')).toEqual([]);
    expect(customer.state).toBe('ringing');

    const rings = nextEvent(bo.socket, 'call:ringing');
    expect((await patch(cookie, path, { assignedUserIds: [asha.id, bo.id] })).status).toBe(200);
    const ring = await rings;
    expect(await command(bo.socket, 'call:accept', { callId: ring.callId })).toEqual({ ok: true });
  });

  it('rings the available agents when a disabled line is switched back on', async () => {
    const ws = await stack().workspace();
    const cookie = await stack().signIn((await ws.addUser('admin')).email);
    const path = `/api/admin/channels/${ws.whatsappChannelId}`;
    const agent = await ws.agent();
    // a call arrives; the line is switched off while it rings for nobody (the agent steps away)
    await command(agent.socket, 'agent:set-status', { status: 'away' });
    await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    await stack().settled();
    expect((await patch(cookie, path, { enabled: false })).status).toBe(200);
    await command(agent.socket, 'agent:set-status', { status: 'available' });
    const heard = recordEvents(agent.socket);
    await stack().settled();
    expect(heard.of('call:ringing')).toEqual([]);

    const rings = nextEvent(agent.socket, 'call:ringing');
    expect((await patch(cookie, path, { enabled: true })).status).toBe(200);
    expect((await rings).called).toMatchObject({ channelId: ws.whatsappChannelId });
  });
});
