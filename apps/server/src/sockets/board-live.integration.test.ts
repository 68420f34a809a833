import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import {
  command,
  nextEvent,
  recordEvents,
  settle,
  useStack,
  waitUntil,
} from '../testing/test-stack';

const stack = useStack();

async function board(ws: Awaited<ReturnType<ReturnType<typeof stack>['workspace']>>) {
  const supervisor = await ws.addUser('supervisor', 'Sam');
  return stack().connect(supervisor.email);
}

describe('the live board between snapshots', () => {
  it('shows a call that rings nobody (no agent available), then its end', async () => {
    const ws = await stack().workspace();
    const away = await ws.agent('Away Agent');
    await command(away.socket, 'agent:set-status', { status: 'away' });
    const supervisor = await board(ws);
    const seen = recordEvents(supervisor);

    const updated = nextEvent(supervisor, 'call:updated');
    const call = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      to: ws.phoneNumberId,
    });
    const view = await updated;
    expect(view).toMatchObject({ state: 'ringing', caller: { name: 'Rahul' } });
    expect(view.agent).toBeUndefined();
    const counters = await nextEvent(supervisor, 'board:counters', (c) => c.waiting === 1);
    expect(counters).toMatchObject({ answered: 0, missed: 0 });

    const ended = nextEvent(supervisor, 'call:ended');
    await call.hangUp();
    expect(await ended).toMatchObject({ callId: view.id, outcome: 'missed' });
    await waitUntil('the counters count it missed', () =>
      seen.of('board:counters').some((c) => c.missed === 1 && c.waiting === 0),
    );
  });

  it('sends fresh counters and the agent’s answered-today after an answer and an end', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Asha');
    const supervisor = await board(ws);
    const seen = recordEvents(supervisor);
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    const busy = nextEvent(
      supervisor,
      'agent:updated',
      (a) => a.userId === agent.id && a.status === 'busy',
    );
    await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor(ring.sdpOffer ?? ''),
    });
    await call.waitFor('accepted');
    expect(await busy).toMatchObject({ currentCallId: ring.callId, answeredToday: 1 });
    await waitUntil('counters after the answer', () =>
      seen.of('board:counters').some((c) => c.waiting === 0),
    );

    await settle(50);
    const ended = nextEvent(supervisor, 'board:counters', (c) => c.answered === 1);
    await command(agent.socket, 'call:hangup', { callId: ring.callId });
    const counters = await ended;
    expect(counters.missed).toBe(0);
    expect(counters.answeredWithin20sShare).toBe(1);
    expect(counters.averageCallMs).toBeGreaterThanOrEqual(50);
    expect(counters.averageCallMs).toBeLessThan(60_000);

    // a board opened now shows the same figures, and the agent's answered-today
    let snapshot: Promise<unknown> | undefined;
    const late = await ws.addUser('supervisor');
    await stack().connect(late.email, {
      beforeConnect: (socket) => void (snapshot = nextEvent(socket, 'board:snapshot')),
    });
    expect(await snapshot).toMatchObject({
      counters: { answered: 1, averageCallMs: counters.averageCallMs },
      agents: expect.arrayContaining([
        expect.objectContaining({ userId: agent.id, status: 'available', answeredToday: 1 }),
      ]),
    });
  });

  it('gives a burst of endings one counters update, not one per call', async () => {
    const ws = await stack().workspace();
    const supervisor = await board(ws);
    const seen = recordEvents(supervisor);
    const calls = await Promise.all(
      Array.from({ length: 4 }, () =>
        stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId }),
      ),
    );
    await waitUntil('all four ring', () => seen.of('call:updated').length >= 4);
    await settle(250);
    const before = seen.of('board:counters').length;
    await Promise.all(calls.map((c) => c.hangUp()));
    await waitUntil('all four missed', () => seen.of('board:counters').some((c) => c.missed === 4));
    await settle(250);
    expect(seen.of('board:counters').length - before).toBeLessThanOrEqual(2);
  });
});
