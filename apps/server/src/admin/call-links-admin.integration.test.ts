import type { CallLink, CallLinksReply } from '@ringside/contracts/call-links';
import type { CallDetailReply, CallsPageReply } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { nextEvent, useStack } from '../testing/test-stack';

const stack = useStack();

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
  return { ws, admin, cookie: await stack().signIn(admin.email) };
}

describe('call links of a WhatsApp number', () => {
  it('are made, listed with their URL and QR code, audited and deleted', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const path = `/api/admin/channels/${ws.whatsappChannelId}/call-links`;
    const made = await send(cookie, 'POST', path, { label: 'Spring flyer', tag: 'spring-flyer' });
    expect(made.status).toBe(201);
    const link = (await made.json()) as CallLink;
    const digits = ws.displayNumber.replace(/\D/g, '');
    expect(link).toMatchObject({
      label: 'Spring flyer',
      tag: 'spring-flyer',
      url: `https://wa.me/call/${digits}?biz_payload=spring-flyer`,
    });
    const plain = (await (
      await send(cookie, 'POST', path, { label: 'Website' })
    ).json()) as CallLink;
    expect(plain).toMatchObject({ tag: null, url: `https://wa.me/call/${digits}` });

    const listed = (await (await send(cookie, 'GET', path)).json()) as CallLinksReply;
    expect(listed.items.map((l) => l.label)).toEqual(['Spring flyer', 'Website']);

    const svg = await send(cookie, 'GET', `${path}/${link.id}/qr.svg`);
    expect(svg.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await svg.text()).toMatch(/<svg [^>]*viewBox/);
    const png = await send(cookie, 'GET', `${path}/${link.id}/qr.png`);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(
      Buffer.from(await png.arrayBuffer())
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');

    expect((await send(cookie, 'DELETE', `${path}/${plain.id}`)).status).toBe(204);
    expect((await send(cookie, 'DELETE', `${path}/${plain.id}`)).status).toBe(404);
    const after = (await (await send(cookie, 'GET', path)).json()) as CallLinksReply;
    expect(after.items.map((l) => l.tag)).toEqual(['spring-flyer']);

    const audit = (await (await send(cookie, 'GET', '/api/admin/audit')).json()) as {
      items: Array<{ action: string }>;
    };
    expect(audit.items.map((i) => i.action)).toEqual(
      expect.arrayContaining(['channel.call_link_create', 'channel.call_link_delete']),
    );
  });

  it('refuses a bad tag, a duplicate tag, a Page and a non-admin, field by field', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const path = `/api/admin/channels/${ws.whatsappChannelId}/call-links`;
    const bad = await send(cookie, 'POST', path, { label: '', tag: 'two words' });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { issues: Array<{ path: string }> } };
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['label', 'tag']);

    expect((await send(cookie, 'POST', path, { label: 'A', tag: 'dup' })).status).toBe(201);
    const dup = await send(cookie, 'POST', path, { label: 'B', tag: 'dup' });
    expect(dup.status).toBe(409);
    expect(await dup.json()).toMatchObject({ error: { issues: [{ path: 'tag' }] } });

    const page = `/api/admin/channels/${ws.messengerChannelId}/call-links`;
    expect((await send(cookie, 'POST', page, { label: 'A' })).status).toBe(400);

    const agent = await ws.addUser('agent');
    const agentCookie = await stack().signIn(agent.email);
    expect((await send(agentCookie, 'GET', path)).status).toBe(403);
    expect((await send(agentCookie, 'POST', path, { label: 'X' })).status).toBe(403);
  });

  it("a call from a tagged link rings with the link's label, and history shows and filters by it", async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const path = `/api/admin/channels/${ws.whatsappChannelId}/call-links`;
    const link = (await (
      await send(cookie, 'POST', path, { label: 'Spring flyer', tag: 'spring' })
    ).json()) as CallLink;
    const agent = await ws.agent();

    let ringing = nextEvent(agent.socket, 'call:ringing');
    const fromLink = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Rahul',
      link: link.url,
      ctaPayload: 'order-4471',
    });
    expect((await ringing).source).toEqual({
      linkTag: 'spring',
      linkLabel: 'Spring flyer',
      ctaPayload: 'order-4471',
    });
    let ended = nextEvent(agent.socket, 'call:ended');
    await fromLink.hangUp();
    await ended;

    // a tag no link names shows as it is; a plain call carries nothing
    ringing = nextEvent(agent.socket, 'call:ringing');
    const unknown = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Priya',
      link: `https://wa.me/call/${ws.displayNumber.replace(/\D/g, '')}?biz_payload=old-poster`,
    });
    expect((await ringing).source).toEqual({ linkTag: 'old-poster' });
    ended = nextEvent(agent.socket, 'call:ended');
    await unknown.hangUp();
    await ended;
    ringing = nextEvent(agent.socket, 'call:ringing');
    const plain = await stack().sim.placeCall({
      channel: 'whatsapp',
      name: 'Ana',
      to: ws.phoneNumberId,
    });
    expect((await ringing).source).toBeUndefined();
    ended = nextEvent(agent.socket, 'call:ended');
    await plain.hangUp();
    await ended;
    await stack().settled();

    const list = async (query: string) =>
      (await (await send(cookie, 'GET', `/api/calls?${query}`)).json()) as CallsPageReply;
    const tagged = await list('tag=spring');
    expect(tagged.items).toHaveLength(1);
    expect(tagged.items[0]).toMatchObject({
      caller: { name: 'Rahul' },
      source: { linkTag: 'spring', linkLabel: 'Spring flyer', ctaPayload: 'order-4471' },
    });
    expect((await list('cta=order-4471')).items.map((c) => c.caller.name)).toEqual(['Rahul']);
    expect((await list('tag=nothing')).items).toEqual([]);
    const all = await list('');
    // meta's timestamps are whole seconds: calls of one second may come in either order
    expect(all.items.map((c) => c.source?.linkTag ?? '(none)').sort()).toEqual([
      '(none)',
      'old-poster',
      'spring',
    ]);

    const detail = (await (
      await send(cookie, 'GET', `/api/calls/${tagged.items[0]?.id}`)
    ).json()) as CallDetailReply;
    expect(detail.source).toMatchObject({ linkLabel: 'Spring flyer' });
  });
});
