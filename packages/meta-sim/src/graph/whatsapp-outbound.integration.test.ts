import {
  metaErrorEnvelopeSchema,
  waCallPermissionsReplySchema,
  waConnectReplySchema,
  waMessageSentReplySchema,
  waWebhookSchema,
} from '@ringside/contracts';
import { validateRemoteAnswer } from '@ringside/sdp';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetaSim } from '../create-meta-sim';
import { DEMO_WHATSAPP_NUMBER, type MetaSimOptions } from '../engine/config';
import { fakeSdp } from '../engine/fake-sdp';
import { startWhatsAppSim, type TestGraphClient } from './test-client';

const PNID = DEMO_WHATSAPP_NUMBER.phoneNumberId;
const USER = '918097530000';

let sim: MetaSim;
let graph: TestGraphClient;

async function start(options: MetaSimOptions = {}): Promise<void> {
  ({ sim, graph } = await startWhatsAppSim(options));
}

afterEach(async () => {
  await sim.close();
});

const connect = (to = USER, sdp = fakeSdp({ type: 'offer' })) =>
  graph.post(PNID, 'calls', {
    messaging_product: 'whatsapp',
    action: 'connect',
    to,
    session: { sdp_type: 'offer', sdp },
    biz_opaque_callback_data: 'ticket-1',
  });
const codeOf = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error.code;
/** the calls[] or statuses[] items of the recorded webhooks of a call, in order */
function itemsOf(callId: string): Array<Record<string, unknown>> {
  return sim.deliveries({ callId }).flatMap((d) => {
    const body = waWebhookSchema.parse(d.payload);
    return body.entry.flatMap((e) =>
      e.changes.flatMap((c) => [...(c.value.calls ?? []), ...(c.value.statuses ?? [])]),
    ) as Array<Record<string, unknown>>;
  });
}

describe('business-initiated WhatsApp call (connect)', () => {
  it('refuses without the user’s permission: 138006', async () => {
    await start();
    const res = await connect();
    expect(res.status).toBe(401);
    expect(codeOf(res.body)).toBe(138006);
    expect(sim.calls()).toHaveLength(0);
  });

  it('connects with permission: reply with the call id, connect webhook with Meta’s answer, RINGING then ACCEPTED', async () => {
    await start({ callee: { answer: 'accept', pickupDelayMs: 50 } });
    sim.setPermission({ userId: USER, status: 'temporary' });

    const res = await connect();

    expect(res.status).toBe(200);
    const callId = waConnectReplySchema.parse(res.body).calls[0].id;
    expect(callId).toMatch(/^wacid\./);
    await sim.call(callId)?.waitFor('accepted', { timeoutMs: 2_000 });
    const items = itemsOf(callId);
    expect(items.map((i) => i.event ?? i.status)).toEqual(['connect', 'RINGING', 'ACCEPTED']);
    const [connectItem] = items;
    expect(connectItem).toMatchObject({
      direction: 'BUSINESS_INITIATED',
      to: USER,
      biz_opaque_callback_data: 'ticket-1',
      session: { sdp_type: 'answer' },
    });
    const sdp = (connectItem?.session as { sdp: string }).sdp;
    expect(validateRemoteAnswer(sdp).ok).toBe(true);
  });

  it('callee declines: REJECTED then terminate', async () => {
    await start({ callee: { answer: 'reject', pickupDelayMs: 20 } });
    sim.setPermission({ userId: USER, status: 'permanent' });
    const callId = waConnectReplySchema.parse((await connect()).body).calls[0].id;
    await sim.call(callId)?.waitFor('ended', { timeoutMs: 2_000 });
    expect(itemsOf(callId).map((i) => i.event ?? i.status)).toEqual([
      'connect',
      'RINGING',
      'REJECTED',
      'terminate',
    ]);
    expect(sim.call(callId)?.snapshot().reason).toBe('user-rejected');
  });

  it('refuses a second call to a user already on a call: 138003', async () => {
    await start({ callee: { answer: 'none', pickupDelayMs: 20 } });
    sim.setPermission({ userId: USER, status: 'temporary' });
    expect((await connect()).status).toBe(200);
    expect(codeOf((await connect()).body)).toBe(138003);
  });

  it('refuses an offer Meta could not use: 100', async () => {
    await start();
    sim.setPermission({ userId: USER, status: 'temporary' });
    const noFingerprint = fakeSdp({ type: 'offer' }).replace(/a=fingerprint:[^\r]*\r\n/, '');
    const res = await connect(USER, noFingerprint);
    expect(codeOf(res.body)).toBe(100);
  });

  it('rewrites Meta’s answer to a=setup:actpass when that quirk is on', async () => {
    await start({ quirks: { actpassInAnswer: true }, callee: { answer: 'none' } });
    sim.setPermission({ userId: USER, status: 'temporary' });
    const callId = waConnectReplySchema.parse((await connect()).body).calls[0].id;
    const sdp = (itemsOf(callId)[0]?.session as { sdp: string }).sdp;
    expect(sdp).toContain('a=setup:actpass');
  });
});

describe('call permissions', () => {
  it('reports no_permission with the request and call limits, then the granted state', async () => {
    await start();
    const none = waCallPermissionsReplySchema.parse(
      (await graph.get(PNID, 'call_permissions', { user_wa_id: USER })).body,
    );
    expect(none.permission.status).toBe('no_permission');
    expect(none.actions.map((a) => [a.action_name, a.can_perform_action])).toEqual([
      ['send_call_permission_request', true],
      ['start_call', false],
    ]);

    sim.setPermission({ userId: USER, status: 'temporary' });
    const granted = waCallPermissionsReplySchema.parse(
      (await graph.get(PNID, 'call_permissions', { user_wa_id: USER })).body,
    );
    expect(granted.permission.status).toBe('temporary');
    const sevenDays = Date.now() / 1000 + 7 * 24 * 3600;
    expect(granted.permission.expiration_time).toBeGreaterThan(sevenDays - 60);
  });

  it('needs user_wa_id: 100', async () => {
    await start();
    const res = await graph.get(PNID, 'call_permissions');
    expect(codeOf(res.body)).toBe(100);
  });

  it('looks a user up by business-scoped user id as recipient; a malformed one is 100', async () => {
    await start();
    const BSUID = 'US.13491208655302741918';
    sim.setPermission({ userId: BSUID, status: 'temporary' });
    const byId = waCallPermissionsReplySchema.parse(
      (await graph.get(PNID, 'call_permissions', { recipient: BSUID })).body,
    );
    expect(byId.permission.status).toBe('temporary');
    const bad = await graph.get(PNID, 'call_permissions', { recipient: 'not a user id' });
    expect(codeOf(bad.body)).toBe(100);
  });

  it('a permission request gets an automatic reply webhook naming the request, then calls may start', async () => {
    await start({ permissionReply: { response: 'accept', delayMs: 20 } });
    const res = await graph.post(PNID, 'messages', permissionRequest());
    expect(res.status).toBe(200);
    const requestId = waMessageSentReplySchema.parse(res.body).messages[0].id;

    await waitUntil(() => sim.deliveries({ kind: 'permission_reply' }).length === 1);
    const [delivery] = sim.deliveries({ kind: 'permission_reply' });
    const message = waWebhookSchema.parse(delivery?.payload).entry[0]?.changes[0]?.value
      .messages?.[0];
    expect(message).toMatchObject({
      context: { id: requestId },
      from: USER,
      interactive: { call_permission_reply: { response: 'accept', is_permanent: false } },
    });
    expect((await connect()).status).toBe(200);
  });

  it('limits requests to one a day (138009) and refuses them once permission is permanent (138017)', async () => {
    await start({ permissionReply: { response: 'none' } });
    expect((await graph.post(PNID, 'messages', permissionRequest())).status).toBe(200);
    expect(codeOf((await graph.post(PNID, 'messages', permissionRequest())).body)).toBe(138009);
    sim.setPermission({ userId: USER, status: 'permanent' });
    expect(codeOf((await graph.post(PNID, 'messages', permissionRequest())).body)).toBe(138017);
  });

  it('a rejected request leaves the user uncallable', async () => {
    await start({ permissionReply: { response: 'reject', delayMs: 10 } });
    await graph.post(PNID, 'messages', permissionRequest());
    await waitUntil(() => sim.deliveries({ kind: 'permission_reply' }).length === 1);
    expect(codeOf((await connect()).body)).toBe(138006);
  });

  it('refuses other message types with code 100', async () => {
    await start();
    const res = await graph.post(PNID, 'messages', {
      messaging_product: 'whatsapp',
      to: USER,
      type: 'text',
      text: { body: 'hi' },
    });
    expect(codeOf(res.body)).toBe(100);
  });
});

describe('calling settings', () => {
  it('stores what is posted and turns business-initiated calling off when disabled (138000)', async () => {
    await start();
    sim.setPermission({ userId: USER, status: 'temporary' });
    const post = await graph.post(PNID, 'settings', {
      calling: { status: 'DISABLED', call_icon_visibility: 'DISABLE_ALL' },
    });
    expect(post.body).toEqual({ success: true });
    const get = await graph.get(PNID, 'settings');
    expect(get.body).toMatchObject({
      calling: { status: 'DISABLED', call_icon_visibility: 'DISABLE_ALL' },
    });
    expect(codeOf((await connect()).body)).toBe(138000);
    await expect(sim.placeCall({ channel: 'whatsapp' })).rejects.toThrow(/not enabled/);
  });

  it('refuses a malformed calling object with code 100', async () => {
    await start();
    const res = await graph.post(PNID, 'settings', { calling: { status: 'MAYBE' } });
    expect(codeOf(res.body)).toBe(100);
  });

  it('with SIP on, the calls endpoint answers 131055', async () => {
    await start();
    await graph.post(PNID, 'settings', {
      calling: { sip: { status: 'ENABLED', servers: [{ hostname: 'sip.example.com' }] } },
    });
    expect(codeOf((await connect()).body)).toBe(131055);
  });

  it('with callback permission on, a user who calls may be called back', async () => {
    await start();
    await graph.post(PNID, 'settings', { calling: { callback_permission_status: 'ENABLED' } });
    await sim.placeCall({ channel: 'whatsapp', from: USER });
    const reply = waCallPermissionsReplySchema.parse(
      (await graph.get(PNID, 'call_permissions', { user_wa_id: USER })).body,
    );
    expect(reply.permission.status).toBe('temporary');
  });
});

// a user who never wrote or called is asked with the approved template (free-form needs an
// open customer service window: whatsapp-permission-template.integration.test.ts)
function permissionRequest() {
  return {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: USER,
    type: 'template',
    template: { name: 'call_permission_request', language: { code: 'en' } },
  };
}

async function waitUntil(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
