import { describe, expect, it } from 'vitest';
import { businessOffer } from '../../testing/business-sdp';
import { command, nextEvent, recordEvents, useStack, waitUntil } from '../../testing/test-stack';

const stack = useStack({
  sim: {
    callee: { answer: 'accept', pickupDelayMs: 300 },
    // nobody answers permission requests here: a second dial must not ask again
    permissionReply: { response: 'none' },
  },
});

let customers = 0;
const nextPsid = () => `52758117024718${String((customers += 1)).padStart(2, '0')}`;

describe('calling a customer on Messenger', () => {
  it('hands back Meta’s answer in the ack, goes active on pickup, passes re-offers on and completes on hang-up', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent('Bea');
    const psid = nextPsid();
    stack().sim.setPermission({
      channel: 'messenger',
      businessId: ws.pageId,
      userId: psid,
      status: 'temporary',
    });
    const seen = recordEvents(agent.socket);
    const offer = businessOffer();

    const active = nextEvent(agent.socket, 'call:updated', (view) => view.state === 'active');
    // pickup: Meta renegotiates (media_update v1, the customer's voice on its own section)
    const pickup = nextEvent(agent.socket, 'call:remote-sdp', (p) => p.version === 1);
    const ack = await command(agent.socket, 'call:dial', {
      channelId: ws.messengerChannelId,
      to: psid,
      sdp: offer,
    });
    const [connect] = stack().sim.requests({ objectId: ws.pageId, action: 'connect', ok: true });
    expect(connect?.body).toMatchObject({ to: psid, session: { sdp_type: 'offer', sdp: offer } });
    const reply = connect?.reply as { session: { sdp_response: { sdp: string } } };
    // meta's answer comes straight back in the acknowledgement, for the browser to apply
    expect(ack).toEqual({
      ok: true,
      callId: expect.any(String),
      sdpResponse: reply.session.sdp_response.sdp,
    });
    expect(ack.ok && ack.sdpResponse).toMatch(/^v=0/);
    const callId = ack.ok ? ack.callId : '';

    expect(await active).toMatchObject({
      id: callId,
      channel: 'messenger',
      direction: 'outbound',
      caller: { psid },
      agent: { userId: agent.id, name: 'Bea' },
    });
    expect(await pickup).toEqual({
      callId,
      sdpType: 'offer',
      sdp: expect.stringMatching(/a=mid:1/),
      version: 1,
    });
    // messenger's answer came in the ack: no remote answer by socket, offers only
    expect(seen.of('call:remote-sdp').map((p) => p.sdpType)).toEqual(['offer']);

    const call = stack().sim.call(connect?.callId ?? '');
    const remote = nextEvent(agent.socket, 'call:remote-sdp', (p) => (p.version ?? 0) > 1);
    const version = await call?.reoffer();
    expect(await remote).toEqual({
      callId,
      sdpType: 'offer',
      sdp: expect.stringMatching(/^v=0/),
      version,
    });

    const ended = nextEvent(agent.socket, 'call:ended');
    expect(await command(agent.socket, 'call:hangup', { callId })).toEqual({ ok: true });
    expect(await ended).toEqual({ callId, outcome: 'completed' });
    await waitUntil(
      'the agent is available again',
      () => seen.of('agent:updated').at(-1)?.status === 'available',
    );
  });

  it('without permission, asks the customer once, places no call, and says so', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const psid = nextPsid();
    const seen = recordEvents(agent.socket);

    const first = await command(agent.socket, 'call:dial', {
      channelId: ws.messengerChannelId,
      to: psid,
      sdp: businessOffer(),
    });
    expect(first).toEqual({
      ok: false,
      error: {
        code: 'permission_requested',
        message: `We asked ${psid} to allow calls; try again once they accept.`,
      },
    });
    const asked = stack().sim.requests({ objectId: ws.pageId, edge: 'messages' });
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body).toMatchObject({ recipient: { id: psid } });

    // a second try before they answer: no second request reaches them
    const second = await command(agent.socket, 'call:dial', {
      channelId: ws.messengerChannelId,
      to: psid,
      sdp: businessOffer(),
    });
    expect(second).toMatchObject({ ok: false, error: { code: 'permission_requested' } });
    expect(!second.ok && second.error.message).toMatch(/already asked/);
    expect(stack().sim.requests({ objectId: ws.pageId, edge: 'messages' })).toHaveLength(1);
    expect(stack().sim.requests({ objectId: ws.pageId, action: 'connect' })).toEqual([]);
    // the agent was never busy for it, and no call was stored
    expect(seen.of('agent:updated').map((view) => view.status)).not.toContain('busy');
    expect(await stack().app.repos.calls.liveCalls(ws.id)).toEqual([]);
  });
});
