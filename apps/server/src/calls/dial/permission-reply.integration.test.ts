import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { businessOffer } from '../../testing/business-sdp';
import {
  command,
  nextEvent,
  recordEvents,
  settle,
  useStack,
  waitUntil,
  type ConsoleSocket,
  type TestWorkspace,
} from '../../testing/test-stack';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

/** dials someone who has not allowed calls: the server asks them instead of calling */
async function dialWithoutPermission(socket: ConsoleSocket, channelId: string, to: string) {
  const ack = await command(socket, 'call:dial', { channelId, to, sdp: businessOffer() });
  expect(ack).toMatchObject({ ok: false, error: { code: 'permission_requested' } });
}

/**
 * every `call:permission` the sockets got, once the simulator and server have settled and a
 * packet emitted then has had time to arrive (sockets are told in no set order)
 */
async function permissionsSeen(
  stack: () => { settled(): Promise<void> },
  ...seen: ReturnType<typeof recordEvents>[]
) {
  await stack().settled();
  await settle(200);
  return seen.map((s) => s.of('call:permission'));
}

describe('a customer who allows calls', () => {
  const stack = useStack({ sim: { permissionReply: { response: 'accept', delayMs: 300 } } });

  it('is announced to the agent who asked, with the number, name and expiry, and to nobody in another workspace', async () => {
    const ws = await stack().workspace();
    const asha = await ws.agent('Asha');
    const other: TestWorkspace = await stack().workspace();
    const stranger = await other.agent('Stranger');
    const strangerSaw = recordEvents(stranger.socket);
    stack().sim.setCallee('447700900123', { name: 'Olivia Ode' });

    const told = nextEvent(asha.socket, 'call:permission');
    const asked = Date.now();
    await dialWithoutPermission(asha.socket, ws.whatsappChannelId, '+44 7700 900123');
    const reply = await told;
    expect(reply).toEqual({
      channelId: ws.whatsappChannelId,
      channel: 'whatsapp',
      customer: { number: '+447700900123', name: 'Olivia Ode' },
      granted: true,
      expiresAt: expect.any(String),
      permanent: false,
    });
    // the simulator's temporary permission: seven days from the reply
    const expires = Date.parse(reply.expiresAt ?? '');
    expect(expires - asked).toBeGreaterThan(WEEK_MS - 60_000);
    expect(expires - asked).toBeLessThan(WEEK_MS + 60_000);

    const [strangers] = await permissionsSeen(stack, strangerSaw);
    expect(strangers).toEqual([]);
    // and the agent can call them now
    const placed = await command(asha.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to: '+447700900123',
      sdp: businessOffer(),
    });
    expect(placed).toMatchObject({ ok: true });
    if (placed.ok) await command(asha.socket, 'call:hangup', { callId: placed.callId });
  });

  it('tells everyone who may call from the line, and only them, when it has assigned agents', async () => {
    const ws = await stack().workspace();
    const asha = await ws.agent('Asha');
    const bea = await ws.agent('Bea');
    const colleague = await ws.agent('Not on this line');
    await stack().app.repos.channels.assignAgent(ws.whatsappChannelId, asha.id);
    await stack().app.repos.channels.assignAgent(ws.whatsappChannelId, bea.id);
    const beaSaw = recordEvents(bea.socket);
    const colleagueSaw = recordEvents(colleague.socket);

    const told = nextEvent(asha.socket, 'call:permission');
    const beaTold = nextEvent(bea.socket, 'call:permission');
    await dialWithoutPermission(asha.socket, ws.whatsappChannelId, '+44 7700 900124');
    expect(await told).toMatchObject({ customer: { number: '+447700900124' }, granted: true });
    // bea answers the same line, so she may call them too
    expect(await beaTold).toMatchObject({ channelId: ws.whatsappChannelId, granted: true });

    const [beas, colleagues] = await permissionsSeen(stack, beaSaw, colleagueSaw);
    expect(beas).toHaveLength(1);
    expect(colleagues).toEqual([]);
  });

  it('on Messenger, names the customer by PSID', async () => {
    const ws = await stack().workspace();
    const bea = await ws.agent('Bea');
    const psid = '5275811702471899';

    const told = nextEvent(bea.socket, 'call:permission');
    await dialWithoutPermission(bea.socket, ws.messengerChannelId, psid);
    expect(await told).toEqual({
      channelId: ws.messengerChannelId,
      channel: 'messenger',
      customer: { psid },
      granted: true,
      expiresAt: expect.any(String),
    });
  });
});

describe('a customer who refuses calls', () => {
  const stack = useStack({ sim: { permissionReply: { response: 'reject', delayMs: 300 } } });

  it('is announced as not granted, without an expiry', async () => {
    const ws = await stack().workspace();
    const asha = await ws.agent('Asha');

    const told = nextEvent(asha.socket, 'call:permission');
    await dialWithoutPermission(asha.socket, ws.whatsappChannelId, '+44 7700 900125');
    expect(await told).toEqual({
      channelId: ws.whatsappChannelId,
      channel: 'whatsapp',
      customer: { number: '+447700900125', name: 'Sim Callee' },
      granted: false,
    });
    // nothing was placed on the strength of it
    expect(stack().sim.requests({ objectId: ws.phoneNumberId, action: 'connect' })).toEqual([]);
  });
});

describe('permission changes Meta reports without a request of ours', () => {
  const stack = useStack();

  it('an automatic revoke (no context, response_source automatic) tells the line the customer may not be called', async () => {
    const ws = await stack().workspace();
    const asha = await ws.agent('Asha');
    const fixture = readFileSync(
      new URL(
        '../../../../../../shared/fixtures/whatsapp/permission-reply-automatic-revoke.json',
        import.meta.url,
      ),
      'utf8',
    );
    const body = fixture
      .replaceAll('115017831530658', ws.phoneNumberId)
      .replace('"1753115999"', `"${Math.floor(Date.now() / 1000)}"`);

    const told = nextEvent(asha.socket, 'call:permission');
    expect((await stack().postWebhook(body)).status).toBe(200);
    expect(await told).toEqual({
      channelId: ws.whatsappChannelId,
      channel: 'whatsapp',
      customer: { number: '+918327530000', name: 'Rahul' },
      granted: false,
    });
  });

  it('a permanent grant from the business profile (no context) tells the line the customer may be called for good', async () => {
    const ws = await stack().workspace();
    const asha = await ws.agent('Asha');
    const told = nextEvent(asha.socket, 'call:permission');
    stack().sim.grantFromProfile({
      businessId: ws.phoneNumberId,
      userId: '447700900127',
      name: 'Priya',
    });
    expect(await told).toEqual({
      channelId: ws.whatsappChannelId,
      channel: 'whatsapp',
      customer: { number: '+447700900127', name: 'Priya' },
      granted: true,
      permanent: true,
    });
  });

  it('the simulator’s revoke after 4 rejected calls in a row reaches the agents the same way', async () => {
    const ws = await stack().workspace();
    const asha = await ws.agent('Asha');
    const user = '447700900126';
    stack().sim.setPermission({ businessId: ws.phoneNumberId, userId: user, status: 'permanent' });
    stack().sim.setCallee(user, { answer: 'reject', pickupDelayMs: 50 });
    const saw = recordEvents(asha.socket);
    for (let i = 0; i < 4; i += 1) {
      const ack = await command(asha.socket, 'call:dial', {
        channelId: ws.whatsappChannelId,
        to: `+${user}`,
        sdp: businessOffer(),
      });
      expect(ack, `dial ${i + 1}`).toEqual({ ok: true, callId: expect.any(String) });
      const ended = () =>
        stack()
          .sim.calls()
          .filter((c) => c.userId === user && c.reason === 'user-rejected').length;
      await waitUntil(`rejected call ${i + 1} ends`, () => ended() === i + 1);
      // the server has heard the terminate, so the agent is free for the next dial
      await stack().settled();
    }
    const [seen] = await permissionsSeen(stack, saw);
    expect(seen).toEqual([expect.objectContaining({ granted: false })]);
    // and meta now refuses a fifth call: the server asks for permission instead
    await dialWithoutPermission(asha.socket, ws.whatsappChannelId, `+${user}`);
  });
});
