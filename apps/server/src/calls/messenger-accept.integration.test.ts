import { describe, expect, it } from 'vitest';
import { businessAnswerFor, businessOffer } from '../testing/business-sdp';
import { command, nextEvent, useStack } from '../testing/test-stack';

const stack = useStack();

describe('Messenger inbound call, answered', () => {
  it('rings with the caller’s PSID, accepts with the browser’s offer and hands back Meta’s answer', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Bea');

    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({
      channel: 'messenger',
      from: '5275811702471834',
      to: ws.pageId,
    });
    const ring = await ringing;
    expect(ring).toMatchObject({
      channel: 'messenger',
      direction: 'inbound',
      caller: { psid: '5275811702471834' },
      called: { channelId: ws.messengerChannelId },
    });
    // messenger's connect carries no SDP: the browser makes the offer
    expect(ring.sdpOffer).toBeUndefined();

    expect(await command(agent.socket, 'call:accept', { callId: ring.callId })).toEqual({
      ok: true,
    });
    const offer = businessOffer();
    const active = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'active');
    const ack = await command(agent.socket, 'call:answer', { callId: ring.callId, sdp: offer });
    await call.waitFor('accepted');
    const accepts = stack().sim.requests({ objectId: ws.pageId, action: 'accept', ok: true });
    expect(accepts).toHaveLength(1);
    const reply = accepts[0]?.reply as {
      session: { sdp_response: { sdp: string }; sdp_renegotiation: { sdp: string } };
    };
    // Meta's reply carries the answer and the renegotiation offer; the agent's browser gets both
    expect(ack).toEqual({
      ok: true,
      sdpResponse: reply.session.sdp_response.sdp,
      sdpRenegotiation: reply.session.sdp_renegotiation.sdp,
    });
    expect(ack.ok && ack.sdpRenegotiation).toContain('a=group:BUNDLE 0 1');
    // the caller's real WebRTC stack answered: an answer to our offer, not an echo of it
    expect(ack.ok && ack.sdpResponse).toMatch(/^v=0/);
    expect(ack.ok && ack.sdpResponse).not.toBe(offer);
    expect((accepts[0]?.body as { session: { sdp: string } }).session.sdp).toBe(offer);
    expect((await active).agent).toEqual({ userId: agent.id, name: 'Bea' });

    const detail = await stack().app.repos.calls.getCall(ws.id, ring.callId);
    expect(detail?.call).toMatchObject({ state: 'active', agentId: agent.id });
  });

  it('refuses an answer-shaped SDP on Messenger (the browser must offer) and sends nothing', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'messenger', to: ws.pageId });
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });

    const result = await command(agent.socket, 'call:answer', {
      callId: ring.callId,
      sdp: businessAnswerFor('a=mid:0'),
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
    expect(stack().sim.requests({ objectId: ws.pageId })).toHaveLength(0);
  });

  it('hands the caller’s later re-offer (media_update) to the agent’s browser', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'messenger', to: ws.pageId });
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });
    await command(agent.socket, 'call:answer', { callId: ring.callId, sdp: businessOffer() });
    await call.waitFor('accepted');

    const remote = nextEvent(agent.socket, 'call:remote-sdp');
    const version = await call.reoffer();
    expect(await remote).toEqual({
      callId: ring.callId,
      sdpType: 'offer',
      sdp: expect.stringMatching(/^v=0/),
      version,
    });
  });
});
