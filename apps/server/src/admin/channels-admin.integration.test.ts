import type { AdminChannelView, ChannelTestResult } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { nextEvent, recordEvents, settle, useStack } from '../testing/test-stack';

// a Page the simulator serves that no test workspace has connected yet
const NEW_PAGE = {
  pageId: '106378625519999',
  name: 'Acme Sales',
  accessToken: 'sim-token-page-acme-sales-5c1d0e9f',
};
const WRONG_TOKEN = 'EAAG-wrong-but-well-formed-token-7731';

const stack = useStack({ sim: { pages: [NEW_PAGE] } });

const send = (cookie: string, method: string, path: string, body?: unknown) =>
  stack().request(cookie, path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

async function adminOfNewWorkspace() {
  const ws = await stack().workspace();
  const admin = await ws.addUser('admin');
  return { ws, cookie: await stack().signIn(admin.email) };
}

/** every reply body and log line so far must be free of every token */
function expectNoTokens(texts: string[], tokens: readonly string[]): void {
  const all = [...texts, ...stack().logs].join('\n');
  for (const token of tokens) expect(all).not.toContain(token);
}

describe('channels, as an admin manages them', () => {
  it('adds a Page with an assigned agent: a call to it rings that agent only', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const asha = await ws.agent('Asha');
    const bo = await ws.agent('Bo');
    const boSeen = recordEvents(bo.socket);

    const res = await send(cookie, 'POST', '/api/admin/channels', {
      channel: 'messenger',
      pageId: NEW_PAGE.pageId,
      name: NEW_PAGE.name,
      accessToken: NEW_PAGE.accessToken,
      assignedUserIds: [asha.id],
      ringTimeoutSec: 30,
    });
    expect(res.status).toBe(201);
    const text = await res.text();
    const channel = JSON.parse(text) as AdminChannelView;
    expect(channel).toMatchObject({
      channel: 'messenger',
      pageId: NEW_PAGE.pageId,
      label: NEW_PAGE.name,
      assignedUserIds: [asha.id],
      tokenSet: true,
      enabled: true,
      ringStrategy: 'all',
      ringTimeoutSec: 30,
      whenNobodyAvailable: 'keep-ringing',
    });

    const ringing = nextEvent(asha.socket, 'call:ringing');
    await stack().sim.placeCall({ channel: 'messenger', to: NEW_PAGE.pageId, name: 'Mia' });
    expect((await ringing).called).toEqual({ channelId: channel.id, label: NEW_PAGE.name });
    await settle(500);
    expect(boSeen.of('call:ringing')).toEqual([]);

    const listed = await (await send(cookie, 'GET', '/api/admin/channels')).text();
    const one = await (await send(cookie, 'GET', `/api/admin/channels/${channel.id}`)).text();
    const audit = await (await send(cookie, 'GET', '/api/admin/audit')).text();
    expect(audit).toContain('"secretsChanged":["accessToken"]');
    expectNoTokens([text, listed, one, audit], [NEW_PAGE.accessToken, ...ws.accessTokens]);
  });

  it('edits ring settings and who answers, atomically: a stranger in the list changes nothing', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const agent = await ws.addUser('agent');
    const other = await (await stack().workspace()).addUser('agent');
    const path = `/api/admin/channels/${ws.whatsappChannelId}`;

    const res = await send(cookie, 'PATCH', path, {
      ringStrategy: 'longest-idle',
      agentTimeoutSec: 10,
      ringTimeoutSec: 60,
      whenNobodyAvailable: 'reject',
      label: 'Support line',
      assignedUserIds: [agent.id],
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      ringStrategy: 'longest-idle',
      agentTimeoutSec: 10,
      ringTimeoutSec: 60,
      whenNobodyAvailable: 'reject',
      label: 'Support line',
      assignedUserIds: [agent.id],
    });

    const refused = await send(cookie, 'PATCH', path, {
      ringTimeoutSec: 20,
      assignedUserIds: [other.id],
    });
    expect(refused.status).toBe(400);
    const after = await stack().app.repos.channels.getChannel(ws.id, ws.whatsappChannelId);
    expect(after).toMatchObject({ ringTimeoutSec: 60, assignedUserIds: [agent.id] });

    const cleared = await send(cookie, 'PATCH', path, { assignedUserIds: [] });
    expect(((await cleared.json()) as AdminChannelView).assignedUserIds).toEqual([]);
  });

  it('refuses bad settings and a number already connected', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const path = `/api/admin/channels/${ws.messengerChannelId}`;
    for (const body of [
      {},
      { ringTimeoutSec: 3 },
      { agentTimeoutSec: 1000 },
      { whenNobodyAvailable: 'voicemail' },
      { accessToken: 'short' },
      { displayNumber: '+919129950000' },
    ]) {
      expect((await send(cookie, 'PATCH', path, body)).status, JSON.stringify(body)).toBe(400);
    }
    const duplicate = await send(cookie, 'POST', '/api/admin/channels', {
      channel: 'whatsapp',
      phoneNumberId: ws.phoneNumberId,
      wabaId: '114255454940862',
      displayNumber: '+15550100199',
      accessToken: 'z'.repeat(32),
    });
    expect(duplicate.status).toBe(409);
    expect(
      (await send(cookie, 'POST', '/api/admin/channels', { channel: 'telegram' })).status,
    ).toBe(400);
  });

  it('disables a channel, and tells its token was replaced without showing it', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const res = await send(cookie, 'PATCH', `/api/admin/channels/${ws.messengerChannelId}`, {
      enabled: false,
      accessToken: WRONG_TOKEN,
    });
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ enabled: false, tokenSet: true });
    const audit = await (await send(cookie, 'GET', '/api/admin/audit')).text();
    expect(audit).toContain('"action":"channel.disable"');
    expectNoTokens([text, audit], [WRONG_TOKEN]);
  });

  it('tests the connection to Meta and reports its answer in plain words', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const test = async (channelId: string) => {
      const res = await send(cookie, 'POST', `/api/admin/channels/${channelId}/test`);
      expect(res.status).toBe(200);
      const text = await res.text();
      expectNoTokens([text], [WRONG_TOKEN, ...ws.accessTokens]);
      return JSON.parse(text) as ChannelTestResult;
    };

    const good = await test(ws.whatsappChannelId);
    expect(good).toMatchObject({ ok: true, callingEnabled: true });
    expect(good.message).toContain('calling is enabled');

    await send(cookie, 'PATCH', `/api/admin/channels/${ws.whatsappChannelId}`, {
      accessToken: WRONG_TOKEN,
    });
    const bad = await test(ws.whatsappChannelId);
    expect(bad).toMatchObject({ ok: false, metaError: { code: 190, retryable: false } });
    expect(bad.message).toBe(
      'Meta refused: The channel’s access token is invalid or expired. An admin must enter a new one.',
    );
    expect(
      (await send(cookie, 'POST', `/api/admin/channels/${crypto.randomUUID()}/test`)).status,
    ).toBe(404);
  });

  it('reports Meta’s refusal of a Page it does not know', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const created = await stack().app.repos.channels.createMessengerChannel({
      workspaceId: ws.id,
      pageId: '106378625519998',
      name: 'Unknown to Meta',
      accessToken: NEW_PAGE.accessToken,
    });
    if (!created.ok) throw new Error(created.error.message);
    const refused = (await (
      await send(cookie, 'POST', `/api/admin/channels/${created.channel.id}/test`)
    ).json()) as ChannelTestResult;
    expect(refused.ok).toBe(false);
    expect(refused.metaError?.code).toBe(100);
  });
});
