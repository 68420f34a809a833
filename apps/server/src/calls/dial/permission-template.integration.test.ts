import type { PermissionTemplateBody } from '@ringside/contracts/permission-template';
import { describe, expect, it } from 'vitest';
import { businessOffer } from '../../testing/business-sdp';
import { command, useStack } from '../../testing/test-stack';

// meta enforces the 24-hour customer service window, and so does the simulator by default
const stack = useStack({ sim: { permissionReply: { response: 'none' } } });

/** a workspace whose number has `template` as its permission template (null: none set) */
async function setUp(template: { name: string; language: string } | null = null) {
  const ws = await stack().workspace('Acme Support');
  const admin = await ws.addUser('admin');
  const cookie = await stack().signIn(admin.email);
  const path = `/api/admin/channels/${ws.whatsappChannelId}/permission-template`;
  const put = (body: unknown) =>
    stack().request(cookie, path, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  // the test stack's numbers come with the simulated account's approved template
  expect((await put({ template })).status).toBe(200);
  const agent = await ws.agent('Dana Dialer');
  const dial = (to: string) =>
    command(agent.socket, 'call:dial', {
      channelId: ws.whatsappChannelId,
      to,
      sdp: businessOffer(),
    });
  const sent = () =>
    stack()
      .sim.requests({ objectId: ws.phoneNumberId, edge: 'messages' })
      .map((r) => ({ type: (r.body as { type?: string }).type, ok: r.status === 200 }));
  return { ws, cookie, path, put, dial, sent };
}

describe('call permission requests outside the 24-hour window', () => {
  it('go as the number’s approved template when the customer has not called lately', async () => {
    const { dial, sent } = await setUp({ name: 'call_permission_request', language: 'en' });
    expect(await dial('+44 7700 900601')).toMatchObject({
      ok: false,
      error: { code: 'permission_requested' },
    });
    expect(sent()).toEqual([{ type: 'template', ok: true }]);
    const [request] = stack().sim.requests({ edge: 'messages' }).slice(-1);
    expect(request?.body).toMatchObject({
      type: 'template',
      template: { name: 'call_permission_request', language: { code: 'en' } },
    });
  });

  it('go as the free-form message inside the window (the customer called)', async () => {
    const { ws, dial, sent } = await setUp({ name: 'call_permission_request', language: 'en' });
    const call = await stack().sim.placeCall({
      channel: 'whatsapp',
      from: '447700900602',
      to: ws.phoneNumberId,
    });
    await call.hangUp();
    await stack().settled();
    expect(await dial('+44 7700 900602')).toMatchObject({
      ok: false,
      error: { code: 'permission_requested' },
    });
    expect(sent()).toEqual([{ type: 'interactive', ok: true }]);
  });

  it('without a template, tell the agent plainly what to do when Meta says the window is closed', async () => {
    const { dial, sent } = await setUp();
    const reply = await dial('+44 7700 900603');
    expect(reply).toMatchObject({ ok: false, error: { code: 'meta_error' } });
    expect(!reply.ok && reply.error.message).toMatch(
      /has not messaged or called this number in the last 24 hours.*ask an admin to set a permission template/,
    );
    expect(sent()).toEqual([{ type: 'interactive', ok: false }]);
  });

  it('a template Meta does not hold comes back in plain words', async () => {
    const { dial } = await setUp({ name: 'not_approved_here', language: 'en' });
    const reply = await dial('+44 7700 900604');
    expect(reply).toMatchObject({ ok: false, error: { code: 'meta_error' } });
    expect(!reply.ok && reply.error.message).toMatch(/no approved message template/);
  });
});

describe('the permission template of a number (admin)', () => {
  it('is set, read, cleared and audited; bad names and languages are refused field by field', async () => {
    const { ws, cookie, path, put } = await setUp();
    const get = async () =>
      (await (await stack().request(cookie, path)).json()) as PermissionTemplateBody;
    expect(await get()).toEqual({ template: null });

    const bad = await put({ template: { name: 'Call Permission', language: 'English' } });
    expect(bad.status).toBe(400);
    const issues = ((await bad.json()) as { error: { issues: Array<{ path: string }> } }).error
      .issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['template.language', 'template.name']);

    expect((await put({ template: { name: 'cpr_v2', language: 'pt_BR' } })).status).toBe(200);
    expect(await get()).toEqual({ template: { name: 'cpr_v2', language: 'pt_BR' } });
    expect((await put({ template: null })).status).toBe(200);
    expect(await get()).toEqual({ template: null });

    const page = `/api/admin/channels/${ws.messengerChannelId}/permission-template`;
    expect((await stack().request(cookie, page)).status).toBe(400);
    const audit = (await (await stack().request(cookie, '/api/admin/audit')).json()) as {
      items: Array<{ action: string; changes: Record<string, unknown> }>;
    };
    expect(
      audit.items
        .filter((e) => e.action === 'channel.permission_template')
        .map((e) => e.changes['permissionTemplate']),
      // newest first: cleared, set, and setUp clearing the stack's template
    ).toEqual([null, 'cpr_v2 (pt_BR)', null]);
  });
});
