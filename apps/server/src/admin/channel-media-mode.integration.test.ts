import { EnginePool, JanusProcess } from '@ringside/anchor';
import { mediaHost } from '@ringside/anchor/testing';
import type { AdminChannelView } from '@ringside/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { nextEvent, useStack, type Stack } from '../testing/test-stack';

const patch = (stack: Stack, cookie: string, channelId: string, body: unknown) =>
  stack.request(cookie, `/api/admin/channels/${channelId}`, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function adminOf(stack: Stack) {
  const ws = await stack.workspace();
  const admin = await ws.addUser('admin');
  return { ws, cookie: await stack.signIn(admin.email) };
}

describe('a channel’s media mode, on a server without a media engine', () => {
  const stack = useStack();

  it('stays direct: anchoring is refused in words, and a Page cannot be anchored at all', async () => {
    const { ws, cookie } = await adminOf(stack());

    const listed = (await (
      await stack().request(cookie, `/api/admin/channels/${ws.whatsappChannelId}`)
    ).json()) as AdminChannelView;
    expect(listed.mediaMode).toBe('direct');

    const refused = await patch(stack(), cookie, ws.whatsappChannelId, { mediaMode: 'anchored' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
      /no media engine: set ANCHOR_ENGINES/,
    );
    const page = await patch(stack(), cookie, ws.messengerChannelId, { mediaMode: 'anchored' });
    expect(page.status).toBe(400);
    expect(((await page.json()) as { error: { message: string } }).error.message).toMatch(
      /Only WhatsApp lines/,
    );
    const still = await stack().app.repos.channels.getChannel(ws.id, ws.whatsappChannelId);
    expect(still?.mediaMode).toBe('direct');

    // saying direct again is no change worth refusing
    expect(
      (await patch(stack(), cookie, ws.whatsappChannelId, { mediaMode: 'direct' })).status,
    ).toBe(200);
  });
});

describe('a channel’s media mode, on a server with a media engine', () => {
  let engine: JanusProcess | undefined;
  let pool: EnginePool | undefined;
  const stack = useStack(async () => {
    engine = await JanusProcess.start({ iceEnforceList: mediaHost() });
    pool = await EnginePool.open([{ name: 'janus-admin', url: engine.url }]);
    return { anchor: pool, sim: { callerMedia: { host: mediaHost(), source: 'tone' } } };
  });
  afterAll(async () => {
    await pool?.close();
    await engine?.stop();
  });

  it('anchors a WhatsApp line from the admin API: its next call rings with the engine’s offer, and back', async () => {
    const { ws, cookie } = await adminOf(stack());
    const agent = await ws.agent('Asha');

    const res = await patch(stack(), cookie, ws.whatsappChannelId, { mediaMode: 'anchored' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as AdminChannelView).mediaMode).toBe('anchored');

    const ringing = nextEvent(agent.socket, 'call:ringing');
    const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    // the engine, a full ICE agent, offers the agent's leg; Meta's own offer is ICE-lite
    expect((await ringing).sdpOffer).not.toContain('a=ice-lite');
    expect(pool?.roomOf(call.id)).toBeDefined();
    await call.hangUp();

    expect(
      (await patch(stack(), cookie, ws.whatsappChannelId, { mediaMode: 'direct' })).status,
    ).toBe(200);
    const direct = nextEvent(agent.socket, 'call:ringing');
    const next = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
    expect((await direct).sdpOffer).toContain('a=ice-lite');
    expect(pool?.roomOf(next.id)).toBeUndefined();
    await next.hangUp();
  }, 60_000);
});
