import { describe, expect, it } from 'vitest';
import { ENGINES } from '../testing/test-databases';
import { command, nextEvent, recordEvents, useStack, waitUntil } from '../testing/test-stack';

// postgres is where claims truly run in parallel (a pool of connections); pglite serializes
describe.each(ENGINES)('ten agents accept the same call at once (%s)', (engine) => {
  const stack = useStack({ engine });

  it('exactly one wins; the nine others are told who took it', async () => {
    const ws = await stack().workspace();
    const agents = await Promise.all(Array.from({ length: 10 }, (_, i) => ws.agent(`Agent ${i}`)));
    const seen = agents.map((a) => recordEvents(a.socket));
    const ringing = nextEvent(agents[0]!.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const { callId } = await ringing;
    await waitUntil('every agent rings', () =>
      seen.every((s) => s.of('call:ringing').some((r) => r.callId === callId)),
    );

    const acks = await Promise.all(agents.map((a) => command(a.socket, 'call:accept', { callId })));
    const winners = agents.filter((_, i) => acks[i]?.ok);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!;
    const losers = agents.filter((a) => a !== winner);
    for (const ack of acks.filter((a) => !a.ok)) {
      expect(ack).toEqual({
        ok: false,
        error: { code: 'already_claimed', message: `${winner.name} answered this call.` },
      });
    }
    await waitUntil('every loser hears who took it', () =>
      losers.every((l) => seen[agents.indexOf(l)]!.of('call:claimed').length === 1),
    );
    for (const loser of losers) {
      expect(seen[agents.indexOf(loser)]!.of('call:claimed')).toEqual([
        { callId, by: { userId: winner.id, name: winner.name } },
      ]);
    }
    expect(seen[agents.indexOf(winner)]!.of('call:claimed')).toEqual([]);

    const detail = await stack().app.repos.calls.getCall(ws.id, callId);
    expect(detail?.call).toMatchObject({ state: 'claimed', agentId: winner.id });
    expect(detail?.events.filter((e) => e.kind === 'agent.claim')).toHaveLength(1);
    // nothing went to Meta yet: the winner's browser has not answered
    expect(stack().sim.requests({ callId: call.id })).toHaveLength(0);
  });
});

describe('claiming a call that did not ring for you', () => {
  const stack = useStack();

  it('an agent the call never rang for cannot claim it', async () => {
    const ws = await stack().workspace();
    const ringing = await ws.agent();
    const outsider = await ws.addUser('agent', 'Away Agent');
    const away = await stack().connect(outsider.email);
    const rung = nextEvent(ringing.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const { callId } = await rung;
    expect(await command(away, 'call:accept', { callId })).toMatchObject({
      ok: false,
      error: { code: 'invalid_state' },
    });
    expect(await command(ringing.socket, 'call:accept', { callId })).toEqual({ ok: true });
  });
});
