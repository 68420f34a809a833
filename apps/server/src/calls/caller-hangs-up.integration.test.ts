import { describe, expect, it } from 'vitest';
import { nextEvent, useStack } from '../testing/test-stack';

const stack = useStack();

describe('the caller hangs up while the call is ringing', () => {
  it('ends the call as missed and tells every ringing agent, without a reject to Meta', async () => {
    const ws = await stack().workspace();
    const asha = await ws.agent('Asha');
    const ben = await ws.agent('Ben');
    const supervisor = await ws.addUser('supervisor');
    const board = await stack().connect(supervisor.email);

    const ringing = [asha, ben].map((a) => nextEvent(a.socket, 'call:ringing'));
    const call = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      to: ws.phoneNumberId,
    });
    const [ring] = await Promise.all(ringing);
    if (!ring) throw new Error('no ring');

    const ended = [asha, ben].map((a) =>
      nextEvent(a.socket, 'call:ended', (e) => e.callId === ring.callId),
    );
    const boardEnded = nextEvent(
      board,
      'call:updated',
      (v) => v.id === ring.callId && v.state === 'ended',
    );
    await call.hangUp();
    for (const end of await Promise.all(ended)) expect(end.outcome).toBe('missed');
    expect(await boardEnded).toMatchObject({ outcome: 'missed', caller: { name: 'Rahul' } });

    await stack().settled();
    expect(stack().sim.requests({ callId: call.id })).toHaveLength(0);
    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'ended', outcome: 'missed', agentId: null });
  });

  it('a Messenger caller hanging up before anyone answers is missed too', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'messenger', to: ws.pageId });
    const ring = await ringing;
    const ended = nextEvent(agent.socket, 'call:ended');
    await call.hangUp();
    expect(await ended).toEqual({ callId: ring.callId, outcome: 'missed' });
  });
});
