import { describe, expect, it } from 'vitest';
import { command, nextEvent, recordEvents, useStack, waitUntil } from '../testing/test-stack';

const stack = useStack();

describe('an agent declines a ringing call', () => {
  it('the only agent ringing declines: Meta gets a reject and the call ends declined', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;

    const ended = nextEvent(agent.socket, 'call:ended');
    expect(await command(agent.socket, 'call:decline', { callId: ring.callId })).toEqual({
      ok: true,
    });
    expect(await ended).toMatchObject({ callId: ring.callId, outcome: 'declined' });
    const heard = await stack().graphRequests(call.id);
    expect(heard.map((r) => r.action)).toEqual(['reject']);
    expect(call.snapshot()).toMatchObject({ state: 'ended', reason: 'business-rejected' });
    await stack().settled();

    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'ended', outcome: 'declined' });
  });

  it('with two agents ringing, one declining leaves it ringing for the other, who can answer', async () => {
    const ws = await stack().workspace();
    const first = await ws.agent();
    const second = await ws.agent('Second');
    const secondSeen = recordEvents(second.socket);
    const ringing = nextEvent(first.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    await waitUntil('the second agent rings', () => secondSeen.of('call:ringing').length === 1);

    expect(await command(first.socket, 'call:decline', { callId: ring.callId })).toEqual({
      ok: true,
    });
    expect(stack().sim.requests({ callId: call.id })).toHaveLength(0);
    expect(secondSeen.of('call:ended')).toHaveLength(0);
    expect(await command(second.socket, 'call:accept', { callId: ring.callId })).toEqual({
      ok: true,
    });
    // having declined, the first agent cannot change their mind and take it
    expect(await command(first.socket, 'call:accept', { callId: ring.callId })).toMatchObject({
      ok: false,
      error: { code: 'already_claimed' },
    });
  });

  it('an agent who accepted but cannot set up audio releases the call: the others ring again', async () => {
    const ws = await stack().workspace();
    const first = await ws.agent('First');
    const second = await ws.agent('Second');
    const secondSeen = recordEvents(second.socket);
    const ringing = nextEvent(first.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const { callId } = await ringing;
    expect(await command(first.socket, 'call:accept', { callId })).toEqual({ ok: true });
    await waitUntil(
      'the second agent hears it was taken',
      () => secondSeen.of('call:claimed').length === 1,
    );

    expect(await command(first.socket, 'call:decline', { callId })).toEqual({ ok: true });
    await waitUntil(
      'the second agent rings again',
      () => secondSeen.of('call:ringing').filter((r) => r.callId === callId).length === 2,
    );
    expect(stack().sim.requests({ callId: call.id })).toHaveLength(0);
    expect(await command(second.socket, 'call:accept', { callId })).toEqual({ ok: true });
  });

  it('declining a call that does not exist is refused plainly', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    expect(
      await command(agent.socket, 'call:decline', {
        callId: '00000000-0000-4000-8000-000000000000',
      }),
    ).toEqual({ ok: false, error: { code: 'not_found', message: 'That call does not exist.' } });
    expect(await command(agent.socket, 'call:decline', { callId: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_payload' },
    });
  });
});
