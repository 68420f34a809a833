import { meReplySchema } from '@ringside/contracts';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { businessAnswerFor, businessOffer, recvonlyOffer } from '../../testing/business-sdp';
import { command, nextEvent, useStack, type TestWorkspace } from '../../testing/test-stack';

const stack = useStack({ sim: { callee: { answer: 'none' } } });

/** nothing at all reached Meta for the workspace's number and Page */
function metaHeardNothing(ws: TestWorkspace): void {
  expect(stack().sim.requests({ objectId: ws.phoneNumberId })).toEqual([]);
  expect(stack().sim.requests({ objectId: ws.pageId })).toEqual([]);
}

describe('calls that are refused before anything reaches Meta', () => {
  it('a channel that does not exist, or is another workspace’s: not_found', async () => {
    const ws = await stack().workspace();
    const other = await stack().workspace();
    const agent = await ws.agent();
    for (const channelId of [randomUUID(), 'not-an-id', other.whatsappChannelId]) {
      expect(
        await command(agent.socket, 'call:dial', {
          channelId,
          to: '+447700900123',
          sdp: businessOffer(),
        }),
      ).toEqual({
        ok: false,
        error: { code: 'not_found', message: 'That channel does not exist.' },
      });
    }
    metaHeardNothing(ws);
    metaHeardNothing(other);
  });

  it('a channel that is turned off, or that the agent does not answer: forbidden', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const colleague = await ws.addUser('agent');
    await stack().app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, {
      enabled: false,
    });
    await stack().app.repos.channels.assignAgent(ws.messengerChannelId, colleague.id);

    const off = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: '+447700900123',
      sdp: businessOffer(),
    });
    expect(off).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(!off.ok && off.error.message).toMatch(/turned off/);
    const notMine = await command(agent.socket, 'call:dial', {
      channelId: ws.messengerChannelId,
      to: '5275811702471834',
      sdp: businessOffer(),
    });
    const page = await stack().app.repos.channels.getChannel(ws.id, ws.messengerChannelId);
    expect(notMine).toEqual({
      ok: false,
      error: {
        code: 'forbidden',
        message: `You do not answer ${page?.name}, so you cannot call from it.`,
      },
    });
    metaHeardNothing(ws);
  });

  it('a `to` that is no number or PSID, and an offer without a microphone: invalid_payload', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const attempts = [
      { channelId: ws.whatsappChannelId, to: 'Rahul', sdp: businessOffer(), says: /phone number/ },
      { channelId: ws.messengerChannelId, to: '+44 7700', sdp: businessOffer(), says: /PSID/ },
      {
        channelId: ws.whatsappChannelId,
        to: '+447700900123',
        sdp: recvonlyOffer(),
        says: /microphone track missing/,
      },
      {
        channelId: ws.whatsappChannelId,
        to: '+447700900123',
        sdp: 'hello, I am not an SDP',
        says: /audio offer cannot be used/,
      },
      // an answer is not an offer
      {
        channelId: ws.whatsappChannelId,
        to: '+447700900123',
        sdp: businessAnswerFor('a=mid:0'),
        says: /actpass/,
      },
      { channelId: ws.whatsappChannelId, to: '+447700900123', sdp: undefined, says: /offer/ },
    ];
    for (const { says, ...payload } of attempts) {
      const ack = await command(agent.socket, 'call:dial', payload);
      expect(ack).toMatchObject({ ok: false, error: { code: 'invalid_payload' } });
      expect(!ack.ok && ack.error.message).toMatch(says);
    }
    metaHeardNothing(ws);
  });

  it('an agent already on a call, or placing one, may not dial: agent_unavailable', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const customer = '447700900555';
    stack().sim.setPermission({
      businessId: ws.phoneNumberId,
      userId: customer,
      status: 'permanent',
    });

    const first = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: customer,
      sdp: businessOffer(),
    });
    expect(first).toMatchObject({ ok: true });
    const second = await command(agent.socket, 'call:dial', {
      channelId: ws.messengerChannelId,
      to: '5275811702471834',
      sdp: businessOffer(),
    });
    expect(second).toEqual({
      ok: false,
      error: {
        code: 'agent_unavailable',
        message: 'Finish your current call before calling someone.',
      },
    });
    expect(stack().sim.requests({ objectId: ws.pageId })).toEqual([]);
    expect(stack().sim.requests({ objectId: ws.phoneNumberId, action: 'connect' })).toHaveLength(1);
    if (first.ok) await command(agent.socket, 'call:hangup', { callId: first.callId });

    // two clicks at once place one call
    const [a, b] = await Promise.all([
      command(agent.socket, 'call:dial', {
        channelId: ws.whatsappChannelId,
        to: customer,
        sdp: businessOffer(),
      }),
      command(agent.socket, 'call:dial', {
        channelId: ws.whatsappChannelId,
        to: customer,
        sdp: businessOffer(),
      }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    expect([a, b].find((ack) => !ack.ok)).toMatchObject({
      error: { code: 'agent_unavailable' },
    });
    expect(stack().sim.requests({ objectId: ws.phoneNumberId, action: 'connect' })).toHaveLength(2);
    const placed = [a, b].find((ack) => ack.ok);
    if (placed?.ok) await command(agent.socket, 'call:hangup', { callId: placed.callId });
  });

  it('an inbound call the agent has taken keeps them from dialing', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    const ring = await ringing;
    await command(agent.socket, 'call:accept', { callId: ring.callId });

    const ack = await command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: '+447700900123',
      sdp: businessOffer(),
    });
    expect(ack).toMatchObject({ ok: false, error: { code: 'agent_unavailable' } });
    expect(stack().sim.requests({ objectId: ws.phoneNumberId, action: 'connect' })).toEqual([]);
  });
});

describe('GET /api/me', () => {
  it('lists the enabled channels the user answers, where they may call from', async () => {
    const ws = await stack().workspace();
    const asha = await ws.addUser('agent', 'Asha');
    const ben = await ws.addUser('agent', 'Ben');
    // the Page is Ben's alone; the number is everyone's (nobody assigned)
    await stack().app.repos.channels.assignAgent(ws.messengerChannelId, ben.id);
    const me = async (email: string) => {
      const res = await stack().request(await stack().signIn(email), '/api/me');
      expect(res.status).toBe(200);
      return meReplySchema.parse(await res.json());
    };
    const whatsapp = {
      id: ws.whatsappChannelId,
      channel: 'whatsapp',
      label: expect.stringMatching(/^\+1555/),
    };

    expect((await me(asha.email)).channels).toEqual([whatsapp]);
    expect((await me(ben.email)).channels).toEqual([
      whatsapp,
      {
        id: ws.messengerChannelId,
        channel: 'messenger',
        label: expect.stringMatching(/^Test Page/),
      },
    ]);

    await stack().app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, { enabled: false });
    expect((await me(asha.email)).channels).toEqual([]);
  });
});
