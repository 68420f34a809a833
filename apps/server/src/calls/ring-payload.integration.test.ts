import { describe, expect, it } from 'vitest';
import { command, nextEvent, settle, useStack } from '../testing/test-stack';

const stack = useStack();

describe('what a ringing call tells the agent', () => {
  it('names the caller, the number called, and how often this person called before', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const from = '918097530000';

    let ringing = nextEvent(agent.socket, 'call:ringing');
    const first = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      from,
      to: ws.phoneNumberId,
    });
    const ring1 = await ringing;
    expect(ring1).toMatchObject({
      caller: { name: 'Rahul', number: '+918097530000' },
      called: {
        channelId: ws.whatsappChannelId,
        label: expect.stringMatching(/^\+155501001\d\d$/),
      },
      earlierCalls: 0,
    });
    const ended = nextEvent(agent.socket, 'call:ended');
    await first.hangUp();
    await ended;
    // meta's timestamps are whole seconds: a redial is at least a second later in life too
    await settle(1_100);

    ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'whatsapp', name: 'Rahul', from, to: ws.phoneNumberId });
    expect((await ringing).earlierCalls).toBe(1);

    // someone else calling at the same time has their own history
    ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Priya',
      from: '919900112233',
      to: ws.phoneNumberId,
    });
    expect((await ringing).earlierCalls).toBe(0);
  });

  it('on Messenger names the Page and the caller’s PSID', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const ringing = nextEvent(agent.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'messenger', from: '6275811702471999', to: ws.pageId });
    const ring = await ringing;
    expect(ring.caller).toEqual({ psid: '6275811702471999' });
    expect(ring.called).toEqual({
      channelId: ws.messengerChannelId,
      label: expect.stringMatching(/^Test Page \d+$/),
    });
    expect(await command(agent.socket, 'call:accept', { callId: ring.callId })).toEqual({
      ok: true,
    });
  });
});
