import { describe, expect, it } from 'vitest';
import { businessAnswerFor, recvonlyAnswerFor } from '../testing/business-sdp';
import { command, nextEvent, useStack } from '../testing/test-stack';

const stack = useStack();

describe('WhatsApp inbound call, answered', () => {
  it('rings the available agent with the caller, then pre_accepts and accepts with the identical SDP', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent', 'Asha');
    const socket = await stack().connect(agent.email);
    expect(await command(socket, 'agent:set-status', { status: 'available' })).toEqual({
      ok: true,
    });

    const ringing = nextEvent(socket, 'call:ringing');
    const call = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      from: '918097530000',
      to: ws.phoneNumberId,
    });
    const ring = await ringing;
    expect(ring).toMatchObject({
      channel: 'whatsapp',
      caller: { name: 'Rahul', number: '+918097530000' },
      called: { channelId: ws.whatsappChannelId },
      earlierCalls: 0,
    });
    expect(ring.sdpOffer).toContain('a=ice-lite');

    expect(await command(socket, 'call:accept', { callId: ring.callId })).toEqual({ ok: true });
    const answer = businessAnswerFor(ring.sdpOffer ?? '');
    const updated = nextEvent(socket, 'call:updated', (view) => view.state === 'active');
    expect(await command(socket, 'call:answer', { callId: ring.callId, sdp: answer })).toEqual({
      ok: true,
    });
    expect((await updated).agent?.name).toBe('Asha');
    await call.waitFor('accepted');

    const actions = stack()
      .sim.requests()
      .filter((r) => r.method === 'POST' && r.path.includes(ws.phoneNumberId))
      .map((r) => r.body as { action: string; call_id: string; session?: { sdp: string } });
    expect(actions.map((a) => a.action)).toEqual(['pre_accept', 'accept']);
    expect(actions[0]?.call_id).toBe(call.id);
    expect(actions[1]?.session?.sdp).toBe(actions[0]?.session?.sdp);

    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call.state).toBe('active');
    expect(detail?.events.map((e) => e.kind)).toEqual(
      expect.arrayContaining([
        'webhook.offered',
        'agent.claim',
        'agent.answer-sent',
        'graph.accepted',
      ]),
    );
  });

  it('refuses an answer made before the microphone was added, and sends nothing to Meta', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const socket = await stack().connect(agent.email);
    await command(socket, 'agent:set-status', { status: 'available' });
    const ringing = nextEvent(socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', name: 'Rahul', to: ws.phoneNumberId });
    const ring = await ringing;
    await command(socket, 'call:accept', { callId: ring.callId });

    const result = await command(socket, 'call:answer', {
      callId: ring.callId,
      sdp: recvonlyAnswerFor(ring.sdpOffer ?? ''),
    });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_payload', message: 'microphone track missing from the answer' },
    });
    expect(
      stack()
        .sim.requests()
        .filter((r) => r.method === 'POST' && r.path.includes(ws.phoneNumberId)),
    ).toHaveLength(0);
  });
});
