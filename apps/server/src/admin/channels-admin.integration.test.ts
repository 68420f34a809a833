import type { AdminChannelView, ChannelTestResult } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { nextEvent, recordEvents, settle, useStack } from '../testing/test-stack';

// a Page the simulator serves that no test workspace has connected yet
const NEW_PAGE = {
  pageId: '106378625519999',
  name: 'Acme Sales',
  accessToken: 'sim-token-page-acme-sales-5c1d0e9f',
};
// another one, connected only by the ownership test
const SPARE_PAGE = {
  pageId: '106378625519990',
  name: 'Acme Returns',
  accessToken: 'sim-token-page-acme-returns-0b7e21',
};
const WRONG_TOKEN = 'EAAG-wrong-but-well-formed-token-7731';

const stack = useStack({ sim: { pages: [NEW_PAGE, SPARE_PAGE] } });

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
      accessToken: ws.accessTokens[0],
    });
    expect(duplicate.status).toBe(409);
    expect(
      (await send(cookie, 'POST', '/api/admin/channels', { channel: 'telegram' })).status,
    ).toBe(400);
  });

  it('connects a number or Page only with a token Meta accepts for it, and stores nothing otherwise', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const page = {
      channel: 'messenger',
      pageId: SPARE_PAGE.pageId,
      name: SPARE_PAGE.name,
    } as const;
    const tries = [
      // a token Meta does not know at all
      { ...page, accessToken: WRONG_TOKEN },
      // a real token, but another Page's: it cannot act for this one
      { ...page, accessToken: NEW_PAGE.accessToken },
      // a Page token for a WhatsApp number the simulator serves to someone else
      {
        channel: 'whatsapp',
        phoneNumberId: '115017831539977',
        wabaId: '114255454940862',
        displayNumber: '+15550100177',
        accessToken: NEW_PAGE.accessToken,
      },
    ];
    for (const body of tries) {
      const res = await send(cookie, 'POST', '/api/admin/channels', body);
      const text = await res.text();
      expect(res.status, JSON.stringify(body)).toBe(422);
      const { error } = JSON.parse(text) as { error: { code: string; message: string } };
      expect(error.code).toBe('meta_error');
      expect(error.message).toMatch(/^Meta did not accept this access token for /);
      expectNoTokens([text], [WRONG_TOKEN, NEW_PAGE.accessToken, SPARE_PAGE.accessToken]);
    }
    const listed = await stack().app.repos.channels.listChannels(ws.id);
    expect(listed.map((c) => c.id).sort()).toEqual(
      [ws.whatsappChannelId, ws.messengerChannelId].sort(),
    );
    const audit = await (await send(cookie, 'GET', '/api/admin/audit')).text();
    expect(audit).not.toContain('channel.create');

    const ok = await send(cookie, 'POST', '/api/admin/channels', {
      ...page,
      accessToken: SPARE_PAGE.accessToken,
    });
    expect(ok.status).toBe(201);
    // the Page is this workspace's now; a second try is a plain 409
    const again = await send(cookie, 'POST', '/api/admin/channels', {
      ...page,
      accessToken: SPARE_PAGE.accessToken,
    });
    expect(again.status).toBe(409);
  });

  it('answers a number of another workspace without telling anything about that workspace', async () => {
    const theirs = await stack().workspace('Globex Confidential Ltd');
    const theirAdmin = await theirs.addUser('admin', 'Hank Scorpio');
    const theirWa = await stack().app.repos.channels.getChannel(
      theirs.id,
      theirs.whatsappChannelId,
    );
    const { cookie } = await adminOfNewWorkspace();
    const body = {
      channel: 'whatsapp',
      phoneNumberId: theirs.phoneNumberId,
      wabaId: '114255454940862',
      displayNumber: '+15550100199',
    };

    // without their token, no one learns the number is connected anywhere: Meta's refusal
    const guessed = await send(cookie, 'POST', '/api/admin/channels', {
      ...body,
      accessToken: WRONG_TOKEN,
    });
    expect(guessed.status).toBe(422);

    // with it (Meta accepts it, so the caller has the number anyway): a bare 409
    const taken = await send(cookie, 'POST', '/api/admin/channels', {
      ...body,
      accessToken: theirs.accessTokens[0],
    });
    expect(taken.status).toBe(409);
    const text = await taken.text();
    for (const secret of [
      theirs.id,
      theirs.whatsappChannelId,
      'Globex',
      theirAdmin.email,
      theirAdmin.name,
      theirWa?.name ?? 'unnamed',
      ...theirs.accessTokens,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.parse(text)).toEqual({
      error: { code: 'invalid_state', message: 'That number or Page is already connected.' },
    });
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

  it('keeps a line’s call audio direct on a server without a media engine, and a Page’s always', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const path = (id: string) => `/api/admin/channels/${id}`;

    const listed = (await (
      await send(cookie, 'GET', path(ws.whatsappChannelId))
    ).json()) as AdminChannelView;
    expect(listed.mediaMode).toBe('direct');
    const refused = await send(cookie, 'PATCH', path(ws.whatsappChannelId), {
      mediaMode: 'anchored',
    });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /no media engine: set ANCHOR_ENGINES/,
    );
    const page = await send(cookie, 'PATCH', path(ws.messengerChannelId), {
      mediaMode: 'anchored',
    });
    expect(page.status).toBe(400);
    expect(((await page.json()) as { error: { message: string } }).error.message).toMatch(
      /Only WhatsApp lines/,
    );
    const still = await stack().app.repos.channels.getChannel(ws.id, ws.whatsappChannelId);
    expect(still?.mediaMode).toBe('direct');
    // saying direct again is no change worth refusing
    expect(
      (await send(cookie, 'PATCH', path(ws.whatsappChannelId), { mediaMode: 'direct' })).status,
    ).toBe(200);
  });
  it('queues callers only on a line whose calls go through the media server', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const path = `/api/admin/channels/${ws.whatsappChannelId}`;
    const refused = await send(cookie, 'PATCH', path, {
      whenNobodyAvailable: 'queue',
      queueLimitSec: 90,
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /through the media server can queue its callers/,
    );
    const still = await stack().app.repos.channels.getChannel(ws.id, ws.whatsappChannelId);
    expect(still).toMatchObject({ whenNobodyAvailable: 'keep-ringing', queueLimitSec: 120 });
    // the queue limit alone is kept for later, and shown
    const limit = await send(cookie, 'PATCH', path, { queueLimitSec: 90 });
    expect(limit.status).toBe(200);
    expect(((await limit.json()) as AdminChannelView).queueLimitSec).toBe(90);
    expect((await send(cookie, 'PATCH', path, { queueLimitSec: 5 })).status).toBe(400);
  });
});
