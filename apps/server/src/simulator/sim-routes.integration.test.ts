import { describe, expect, it } from 'vitest';
import { command, nextEvent, ORIGIN, useStack } from '../testing/test-stack';

const stack = useStack();

const cookieFor = (email: string) => stack().signIn(email);

describe('simulator drawer API', () => {
  it('places a simulated call to the signed-in agent’s own number, which rings them', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const socket = await stack().connect(agent.email);
    await command(socket, 'agent:set-status', { status: 'available' });
    const cookie = await cookieFor(agent.email);

    const state = await fetch(`${stack().url}/api/sim`, { headers: { cookie } });
    expect(await state.json()).toEqual({ enabled: true });

    const ringing = nextEvent(socket, 'call:ringing');
    const res = await fetch(`${stack().url}/api/sim/calls`, {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ channel: 'whatsapp', name: 'Drawer Caller' }),
    });
    expect(res.status).toBe(201);
    const { callId } = (await res.json()) as { callId: string };
    expect(stack().sim.call(callId)?.channel).toBe('whatsapp');
    expect((await ringing).caller.name).toBe('Drawer Caller');
  });

  it('refuses strangers, foreign origins and bad bodies', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const cookie = await cookieFor(agent.email);
    const callsBefore = stack().sim.calls().length;
    const post = (headers: Record<string, string>, body: unknown) =>
      fetch(`${stack().url}/api/sim/calls`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(body),
      });
    expect((await post({ origin: ORIGIN }, { channel: 'whatsapp', name: 'x' })).status).toBe(401);
    expect(
      (await post({ cookie, origin: 'https://evil.example' }, { channel: 'whatsapp', name: 'x' }))
        .status,
    ).toBe(403);
    const bad = await post({ cookie, origin: ORIGIN }, { channel: 'telegram', name: 'x' });
    expect(bad.status).toBe(400);
    expect(stack().sim.calls()).toHaveLength(callsBefore);
  });
});
