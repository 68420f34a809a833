import { callDetailReplySchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import { command, nextEvent, useStack } from '../testing/test-stack';

const stack = useStack();

describe('GET /api/calls/:id', () => {
  it('shows a real call with its notes, its quality and its timeline, oldest first, without SDP', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Asha');
    const supervisor = await ws.addUser('supervisor');
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      from: '918097530000',
      to: ws.phoneNumberId,
    });
    const { callId, sdpOffer } = await ringing;
    await command(agent.socket, 'call:accept', { callId });
    await command(agent.socket, 'call:answer', { callId, sdp: businessAnswerFor(sdpOffer ?? '') });
    await call.waitFor('accepted');
    const quality = { callId, rttMs: 420, jitterMs: 5, lossPct: 0, mos: 3.9 };
    expect(await command(agent.socket, 'call:quality', quality)).toEqual({ ok: true });
    const ended = nextEvent(agent.socket, 'call:ended');
    expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });
    await ended;

    const agentCookie = await stack().signIn(agent.email);
    const saved = await stack().request(agentCookie, `/api/calls/${callId}/wrap-up`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ notes: 'Wants a refund', disposition: 'refund' }),
    });
    expect(saved.status).toBe(204);

    const res = await stack().request(
      await stack().signIn(supervisor.email),
      `/api/calls/${callId}`,
    );
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toMatch(/a=ice|a=fingerprint|v=0/);
    const detail = callDetailReplySchema.parse(JSON.parse(text));
    expect(detail).toMatchObject({
      id: callId,
      state: 'ended',
      outcome: 'completed',
      caller: { name: 'Rahul', number: '+918097530000' },
      agent: { userId: agent.id, name: 'Asha' },
      notes: 'Wants a refund',
      disposition: 'refund',
      quality: { level: 'fair', reason: 'high round-trip time (420 ms)', rttMs: 420, mos: 3.9 },
    });
    const types = detail.events.map((e) => e.type);
    expect(types.slice(0, 3)).toEqual(['webhook.offered', 'ring.offered', 'agent.claim']);
    expect(types).toEqual(
      expect.arrayContaining(['agent.answer-sent', 'graph.accepted', 'agent.hangup']),
    );
    const times = detail.events.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(detail.events.find((e) => e.type === 'agent.claim')).toMatchObject({
      actor: { userId: agent.id, name: 'Asha' },
      detail: { from: 'ringing', to: 'claimed' },
    });
  });
});
