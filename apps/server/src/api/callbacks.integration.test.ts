import { callbacksReplySchema, type Callback } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import { command, nextEvent, useStack, type ConsoleSocket } from '../testing/test-stack';

const stack = useStack();

async function callbacksOf(cookie: string): Promise<Callback[]> {
  const res = await stack().request(cookie, '/api/callbacks');
  expect(res.status).toBe(200);
  return callbacksReplySchema.parse(await res.json()).items;
}

function post(cookie: string, callId: string, verb: 'claim' | 'release' | 'done') {
  return stack().request(cookie, `/api/callbacks/${callId}/${verb}`, { method: 'POST' });
}

/** a customer calls, it rings `ringsFor`, and the customer gives up before anyone answers */
async function missedCall(
  ringsFor: ConsoleSocket,
  placed: { channel: 'whatsapp' | 'messenger'; to: string; from: string },
): Promise<string> {
  const ringing = nextEvent(ringsFor, 'call:ringing');
  const call = await stack().sim.placeCall(placed);
  const { callId } = await ringing;
  const ended = nextEvent(ringsFor, 'call:ended', (e) => e.callId === callId);
  await call.hangUp();
  expect(await ended).toMatchObject({ callId, outcome: 'missed' });
  await stack().settled();
  return callId;
}

/** the customer calls again and `agent` takes it */
async function answeredCall(agent: ConsoleSocket, to: string, from: string): Promise<void> {
  const ringing = nextEvent(agent, 'call:ringing');
  const call = await stack().sim.placeCall({ channel: 'whatsapp', from, to });
  const { callId, sdpOffer } = await ringing;
  expect(await command(agent, 'call:accept', { callId })).toMatchObject({ ok: true });
  await command(agent, 'call:answer', { callId, sdp: businessAnswerFor(sdpOffer ?? '') });
  await call.waitFor('accepted');
  const ended = nextEvent(agent, 'call:ended', (e) => e.callId === callId);
  expect(await command(agent, 'call:hangup', { callId })).toEqual({ ok: true });
  await ended;
  await stack().settled();
}

describe('the callback worklist', () => {
  it('collapses a customer’s repeated misses, shows them to who answers the line, and closes when they get through', async () => {
    const ws = await stack().workspace('Acme');
    const asha = await ws.agent('Asha');
    const ben = await ws.agent('Ben');
    // the Page is Ben's alone; the WhatsApp number rings everyone
    await stack().app.repos.channels.assignAgent(ws.messengerChannelId, ben.id);
    const supervisor = await ws.addUser('supervisor');
    const ashaCookie = await stack().signIn(asha.email);
    const benCookie = await stack().signIn(ben.email);
    const supCookie = await stack().signIn(supervisor.email);

    await missedCall(asha.socket, {
      channel: 'whatsapp',
      from: '447700900654',
      to: ws.phoneNumberId,
    });
    const second = await missedCall(asha.socket, {
      channel: 'whatsapp',
      from: '447700900654',
      to: ws.phoneNumberId,
    });
    await missedCall(ben.socket, { channel: 'messenger', from: '7700123456', to: ws.pageId });

    const mine = await callbacksOf(ashaCookie);
    expect(mine).toEqual([
      expect.objectContaining({
        callId: second,
        tries: 2,
        caller: expect.objectContaining({ number: '+447700900654' }),
        called: expect.objectContaining({ channelId: ws.whatsappChannelId }),
      }),
    ]);
    expect(await callbacksOf(benCookie)).toHaveLength(2);
    expect(await callbacksOf(supCookie)).toHaveLength(2);
    // Asha does not answer the Page: its callback is not hers to claim
    const pageCallback = (await callbacksOf(benCookie)).find((c) => c.channel === 'messenger');
    expect((await post(ashaCookie, pageCallback?.callId ?? '', 'claim')).status).toBe(404);

    // the customer calls again and gets through: nothing left to do for them
    await answeredCall(asha.socket, ws.phoneNumberId, '447700900654');
    expect(await callbacksOf(ashaCookie)).toEqual([]);
  });

  it('lets one of two agents claiming at once win; the other learns who; release and done', async () => {
    const ws = await stack().workspace('Acme');
    const asha = await ws.agent('Asha');
    const ben = await ws.agent('Ben');
    const ashaCookie = await stack().signIn(asha.email);
    const benCookie = await stack().signIn(ben.email);
    const callId = await missedCall(asha.socket, {
      channel: 'whatsapp',
      from: '447700900321',
      to: ws.phoneNumberId,
    });

    const replies = await Promise.all([
      post(ashaCookie, callId, 'claim'),
      post(benCookie, callId, 'claim'),
    ]);
    const statuses = replies.map((r) => r.status).sort();
    expect(statuses).toEqual([204, 409]);
    const lost = replies.find((r) => r.status === 409);
    const winner = replies[0]?.status === 204 ? asha : ben;
    const loser = winner === asha ? ben : asha;
    const loserCookie = winner === asha ? benCookie : ashaCookie;
    const winnerCookie = winner === asha ? ashaCookie : benCookie;
    expect(await lost?.json()).toMatchObject({
      error: { code: 'already_claimed', message: expect.stringContaining(winner.name) },
    });
    expect(await callbacksOf(loserCookie)).toMatchObject([
      { callId, claimedBy: { userId: winner.id, name: winner.name } },
    ]);

    // releasing someone else's claim changes nothing; the holder's release frees it
    expect((await post(loserCookie, callId, 'release')).status).toBe(204);
    expect((await callbacksOf(loserCookie))[0]?.claimedBy?.userId).toBe(winner.id);
    expect((await post(winnerCookie, callId, 'release')).status).toBe(204);
    expect((await callbacksOf(loserCookie))[0]?.claimedBy).toBeUndefined();
    expect((await post(loserCookie, callId, 'claim')).status).toBe(204);
    expect((await callbacksOf(winnerCookie))[0]?.claimedBy?.userId).toBe(loser.id);

    expect((await post(loserCookie, callId, 'done')).status).toBe(204);
    expect(await callbacksOf(winnerCookie)).toEqual([]);
    expect((await post(loserCookie, callId, 'done')).status).toBe(404);
  });

  it('shows supervisors how many wait and since when, and refuses a change from another origin', async () => {
    const ws = await stack().workspace('Acme');
    const asha = await ws.agent('Asha');
    const supervisor = await ws.addUser('supervisor', 'Sam');
    const board = await stack().connect(supervisor.email);
    const waiting = nextEvent(board, 'board:counters', (c) => c.callbacksWaiting === 1);
    const callId = await missedCall(asha.socket, {
      channel: 'whatsapp',
      from: '447700900999',
      to: ws.phoneNumberId,
    });
    const counters = await waiting;
    expect(counters.oldestCallbackWaitingSince).toEqual(expect.any(String));

    const cookie = await stack().signIn(asha.email);
    const foreign = await fetch(`${stack().url}/api/callbacks/${callId}/claim`, {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
    });
    expect(foreign.status).toBe(403);

    const none = nextEvent(board, 'board:counters', (c) => c.callbacksWaiting === 0);
    expect((await post(cookie, callId, 'done')).status).toBe(204);
    expect(await none).toMatchObject({ callbacksWaiting: 0, oldestCallbackWaitingSince: null });
  });
});
