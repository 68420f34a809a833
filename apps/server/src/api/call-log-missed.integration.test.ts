import { callsPageReplySchema, callDetailReplySchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { businessAnswerFor } from '../testing/business-sdp';
import { parseCsv } from '../testing/parse-csv';
import { command, nextEvent, useStack, type ConsoleSocket } from '../testing/test-stack';

const stack = useStack();

/** the ids an agent's list holds, sorted: Meta stamps calls to the second, so ties are common */
async function listIds(cookie: string, query = ''): Promise<string[]> {
  const res = await stack().request(cookie, `/api/calls${query}`);
  expect(res.status).toBe(200);
  return callsPageReplySchema
    .parse(await res.json())
    .items.map((c) => c.id)
    .sort();
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
  expect(await ended).toEqual({ callId, outcome: 'missed' });
  await stack().settled();
  return callId;
}

/** a customer calls, `agent` takes it, they talk, the agent hangs up */
async function answeredCall(agent: ConsoleSocket, to: string): Promise<string> {
  const ringing = nextEvent(agent, 'call:ringing');
  const call = await stack().sim.placeCall({ channel: 'whatsapp', from: '447700900111', to });
  const { callId, sdpOffer } = await ringing;
  expect(await command(agent, 'call:accept', { callId })).toMatchObject({ ok: true });
  await command(agent, 'call:answer', { callId, sdp: businessAnswerFor(sdpOffer ?? '') });
  await call.waitFor('accepted');
  const ended = nextEvent(agent, 'call:ended', (e) => e.callId === callId);
  expect(await command(agent, 'call:hangup', { callId })).toEqual({ ok: true });
  expect(await ended).toMatchObject({ outcome: 'completed' });
  await stack().settled();
  return callId;
}

describe('an agent’s call log holds the missed calls of the lines they answer', () => {
  it('shows a missed call on their line, but not one on a line they do not answer, nor a colleague’s answered call', async () => {
    const ws = await stack().workspace('Acme');
    const asha = await ws.agent('Asha');
    const ben = await ws.agent('Ben');
    // the Page is Ben's alone; the WhatsApp number has nobody assigned, so it rings everyone
    await stack().app.repos.channels.assignAgent(ws.messengerChannelId, ben.id);
    const supervisor = await ws.addUser('supervisor');

    const onTheirLine = await missedCall(asha.socket, {
      channel: 'whatsapp',
      from: '447700900654',
      to: ws.phoneNumberId,
    });
    const notTheirLine = await missedCall(ben.socket, {
      channel: 'messenger',
      from: '6124509938127745',
      to: ws.pageId,
    });
    const bensCall = await answeredCall(ben.socket, ws.phoneNumberId);

    const cookies = {
      asha: await stack().signIn(asha.email),
      ben: await stack().signIn(ben.email),
      supervisor: await stack().signIn(supervisor.email),
    };

    // the list, and the Missed filter the History page offers
    expect(await listIds(cookies.asha)).toEqual([onTheirLine]);
    expect(await listIds(cookies.asha, '?outcome=missed')).toEqual([onTheirLine]);
    expect(await listIds(cookies.asha, '?outcome=completed')).toEqual([]);
    // Ben answers both lines: both missed calls, and his own
    const all = [bensCall, notTheirLine, onTheirLine].sort();
    expect(await listIds(cookies.ben)).toEqual(all);
    expect(await listIds(cookies.supervisor)).toEqual(all);
    // asking for their own calls by name is just those: a missed call is nobody's
    expect(await listIds(cookies.asha, `?agent=${asha.id}`)).toEqual([]);

    // the detail opens, with the customer to call back and its channel
    const detail = await stack().request(cookies.asha, `/api/calls/${onTheirLine}`);
    expect(detail.status).toBe(200);
    expect(callDetailReplySchema.parse(await detail.json())).toMatchObject({
      id: onTheirLine,
      outcome: 'missed',
      caller: { number: '+447700900654' },
      called: { channelId: ws.whatsappChannelId },
    });
    // the others are as hidden as calls that do not exist
    for (const hidden of [notTheirLine, bensCall]) {
      const res = await stack().request(cookies.asha, `/api/calls/${hidden}`);
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'No such call.' } });
    }

    // the export follows the same rule
    const csv = await stack().request(cookies.asha, '/api/calls/export.csv');
    expect(csv.status).toBe(200);
    expect(
      parseCsv(await csv.text())
        .slice(1)
        .map((row) => row[0]),
    ).toEqual([onTheirLine]);

    // the rule follows the assignment: once the number is Ben's alone, its missed call is his
    await stack().app.repos.channels.assignAgent(ws.whatsappChannelId, ben.id);
    expect(await listIds(cookies.asha)).toEqual([]);
    expect((await stack().request(cookies.asha, `/api/calls/${onTheirLine}`)).status).toBe(404);
  });

  it('never shows another workspace’s missed calls', async () => {
    const acme = await stack().workspace('Acme');
    const globex = await stack().workspace('Globex');
    const asha = await acme.agent('Asha');
    const gina = await globex.agent('Gina');
    const theirs = await missedCall(gina.socket, {
      channel: 'whatsapp',
      from: '447700900222',
      to: globex.phoneNumberId,
    });
    const cookie = await stack().signIn(asha.email);
    expect(await listIds(cookie, '?outcome=missed')).toEqual([]);
    expect((await stack().request(cookie, `/api/calls/${theirs}`)).status).toBe(404);
    // Gina, on that line, does see it
    expect(await listIds(await stack().signIn(gina.email))).toEqual([theirs]);
  });
});
