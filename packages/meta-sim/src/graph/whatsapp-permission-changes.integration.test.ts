import {
  metaErrorEnvelopeSchema,
  waCallPermissionsReplySchema,
  waWebhookSchema,
  type WaPermissionReplyMessage,
} from '@ringside/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetaSim } from '../create-meta-sim';
import { DEMO_WHATSAPP_NUMBER, type MetaSimOptions } from '../engine/config';
import { fakeSdp } from '../engine/fake-sdp';
import { startWhatsAppSim, type TestGraphClient } from './test-client';

// *Obtain user call permissions* (WhatsApp): permission changes the user makes without
// answering a request of ours, and the limits a connected call resets

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

const codeOf = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error.code;
const connect = () =>
  graph.post(PNID, 'calls', {
    messaging_product: 'whatsapp',
    action: 'connect',
    to: USER,
    session: { sdp_type: 'offer', sdp: fakeSdp({ type: 'offer' }) },
  });
const permission = async () =>
  waCallPermissionsReplySchema.parse(
    (await graph.get(PNID, 'call_permissions', { user_wa_id: USER })).body,
  );
// the approved template: it may reach a user outside the customer service window
const requestPermission = () =>
  graph.post(PNID, 'messages', {
    messaging_product: 'whatsapp',
    to: USER,
    type: 'template',
    template: { name: 'call_permission_request', language: { code: 'en' } },
  });

/** the permission replies sent so far, parsed with the server's own schema */
function permissionReplies(): WaPermissionReplyMessage[] {
  return sim.deliveries({ kind: 'permission_reply' }).flatMap((d) =>
    waWebhookSchema
      .parse(d.payload)
      .entry.flatMap((e) => e.changes.flatMap((c) => c.value.messages ?? []))
      .map((m) => m as WaPermissionReplyMessage),
  );
}

async function waitUntil(what: string, condition: () => boolean, timeoutMs = 3_000) {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`${what}: not in time`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('permission changes Meta reports as call_permission_reply', () => {
  it('a user who calls a number with callback permission on grants it: context.id is the wacid', async () => {
    await start();
    await graph.post(PNID, 'settings', { calling: { callback_permission_status: 'ENABLED' } });
    const call = await sim.placeCall({ channel: 'whatsapp', from: USER, name: 'Rahul' });
    const [reply] = permissionReplies();
    expect(reply).toMatchObject({
      context: { id: call.id },
      from: USER,
      interactive: {
        call_permission_reply: {
          response: 'accept',
          is_permanent: false,
          response_source: 'automatic',
        },
      },
    });
    expect((await permission()).permission.status).toBe('temporary');
  });

  it('without callback permission, a user who calls grants nothing', async () => {
    await start();
    await sim.placeCall({ channel: 'whatsapp', from: USER });
    expect(permissionReplies()).toEqual([]);
    expect((await permission()).permission.status).toBe('no_permission');
  });

  it('a grant from the business profile is permanent and carries no context', async () => {
    await start();
    sim.grantFromProfile({ userId: USER, name: 'Rahul' });
    const [reply] = permissionReplies();
    expect(reply).not.toHaveProperty('context');
    expect(reply?.interactive.call_permission_reply).toMatchObject({
      response: 'accept',
      is_permanent: true,
    });
    expect((await permission()).permission.status).toBe('permanent');
  });

  it('4 business calls in a row not answered or rejected revoke the permission: reject, automatic, no context', async () => {
    await start({ timeouts: { ringMs: 60 } });
    sim.setPermission({ userId: USER, status: 'permanent' });
    // two ring out, two are rejected: both count
    const answers = ['none', 'reject', 'none', 'reject'] as const;
    for (const [i, answer] of answers.entries()) {
      sim.setCallee(USER, { answer, pickupDelayMs: 10 });
      expect((await connect()).status).toBe(200);
      await waitUntil(
        `call ${i + 1} ends`,
        () => sim.calls().filter((c) => c.state === 'ended').length === i + 1,
      );
      if (i < 3) expect(permissionReplies()).toEqual([]);
    }
    const [revoke] = permissionReplies();
    expect(revoke).not.toHaveProperty('context');
    expect(revoke?.interactive.call_permission_reply).toEqual({
      response: 'reject',
      response_source: 'automatic',
    });
    expect((await permission()).permission.status).toBe('no_permission');
    const refused = await connect();
    expect([refused.status, codeOf(refused.body)]).toEqual([401, 138006]);
  });

  it('an answered call breaks the run: three missed, one answered, one missed keep the permission', async () => {
    await start({ timeouts: { ringMs: 60 } });
    sim.setPermission({ userId: USER, status: 'permanent' });
    const answers = ['none', 'none', 'none', 'accept', 'none'] as const;
    for (const [i, answer] of answers.entries()) {
      sim.setCallee(USER, { answer, pickupDelayMs: 10 });
      const res = await connect();
      expect(res.status).toBe(200);
      if (answer === 'accept') {
        const callId = (res.body as { calls: Array<{ id: string }> }).calls[0]?.id ?? '';
        await sim.call(callId)?.waitFor('accepted', { timeoutMs: 2_000 });
        await sim.call(callId)?.hangUp();
      }
      await waitUntil(
        `call ${i + 1} ends`,
        () => sim.calls().filter((c) => c.state === 'ended').length === i + 1,
      );
    }
    expect(permissionReplies()).toEqual([]);
    expect((await permission()).permission.status).toBe('permanent');
  });
});

describe('request limits reset by any connected call', () => {
  it('a user-initiated call the business answers lets a new request go out the same day', async () => {
    await start({ permissionReply: { response: 'none' } });
    expect((await requestPermission()).status).toBe(200);
    expect(codeOf((await requestPermission()).body)).toBe(138009);

    const call = await sim.placeCall({ channel: 'whatsapp', from: USER });
    const answer = fakeSdp({ type: 'answer', mid: 'audio' });
    const accepted = await graph.post(PNID, 'calls', {
      messaging_product: 'whatsapp',
      action: 'accept',
      call_id: call.id,
      session: { sdp_type: 'answer', sdp: answer },
    });
    expect(accepted.status).toBe(200);
    await call.hangUp();

    expect((await requestPermission()).status).toBe(200);
    const usage = (await permission()).actions?.[0]?.limits?.map((l) => l.current_usage);
    expect(usage).toEqual([1, 1]);
  });

  it('a user-initiated call nobody answers resets nothing', async () => {
    await start({ permissionReply: { response: 'none' } });
    expect((await requestPermission()).status).toBe(200);
    const call = await sim.placeCall({ channel: 'whatsapp', from: USER });
    await call.hangUp();
    expect(codeOf((await requestPermission()).body)).toBe(138009);
  });
});
