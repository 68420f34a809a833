import { metaErrorEnvelopeSchema, msgrCallPermissionsReplySchema } from '@ringside/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import { DEMO_MESSENGER_PAGE } from '../engine/config';
import { createFakeMediaFactory } from '../engine/fake-media';
import { fakeSdp } from '../engine/fake-sdp';
import { testGraphClient, type TestGraphClient } from './test-client';

// *Check and obtain call permissions* (Messenger): the calling_optin request, 2 per thread a
// day, the permission check's shape, and the implicit permission a customer's call gives

const PAGE = DEMO_MESSENGER_PAGE.pageId;
const PSID = '5275811702471834';

let sim: MetaSim;
let graph: TestGraphClient;

beforeEach(async () => {
  sim = createMetaSim({
    media: createFakeMediaFactory(),
    webhookUrl: null,
    permissionReply: { response: 'none' },
    timeouts: { messengerAcceptMs: 80 },
  });
  graph = testGraphClient(`${await sim.listen(0)}/v24.0`, DEMO_MESSENGER_PAGE.accessToken);
});

afterEach(async () => {
  await sim.close();
});

const codeOf = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error.code;
const optIn = (templateType = 'calling_optin') =>
  graph.post(PAGE, 'messages', {
    recipient: { id: PSID },
    message: { attachment: { type: 'template', payload: { template_type: templateType } } },
  });
const check = async () =>
  (await graph.get(PAGE, 'messenger_call_permissions', { psid: PSID })).body as Record<
    string,
    unknown
  >;

describe('Messenger call permissions', () => {
  it('answers in the shape of Meta’s example: both actions with can_perform, the request limit per day', async () => {
    expect(await check()).toEqual({
      permission: { status: 'no_permission' },
      actions: [
        {
          action_name: 'send_call_permission_request',
          can_perform: true,
          limits: [{ time_period: 'PT24H', max_allowed: 2, current_usage: 0 }],
        },
        { action_name: 'start_call', can_perform: false },
      ],
    });
    // and the server's schema reads it
    expect(msgrCallPermissionsReplySchema.parse(await check()).permission.status).toBe(
      'no_permission',
    );
  });

  it('takes only a calling_optin template, twice per thread a day', async () => {
    expect(codeOf((await optIn('call_permission_request')).body)).toBe(100);
    expect((await optIn()).status).toBe(200);
    expect((await optIn()).status).toBe(200);
    const third = await optIn();
    expect(third.status).toBe(400);
    expect(codeOf(third.body)).toBe(138009);
    expect(await check()).toMatchObject({
      actions: [
        {
          action_name: 'send_call_permission_request',
          can_perform: false,
          limits: [{ time_period: 'PT24H', max_allowed: 2, current_usage: 2 }],
        },
        { action_name: 'start_call', can_perform: false },
      ],
    });
  });

  it('a customer’s call the business answers grants permission for 7 days', async () => {
    const call = await sim.placeCall({ channel: 'messenger', from: PSID });
    const accepted = await graph.post(PAGE, 'calls', {
      platform: 'messenger',
      action: 'accept',
      call_id: call.id,
      session: { sdp_type: 'offer', sdp: fakeSdp({ type: 'offer' }) },
    });
    expect(accepted.status).toBe(200);
    await call.hangUp();
    const reply = msgrCallPermissionsReplySchema.parse(await check());
    expect(reply.permission.status).toBe('has_permission');
    const week = Date.now() / 1000 + 7 * 24 * 3600;
    expect(Math.abs((reply.permission.expiration_time ?? 0) - week)).toBeLessThan(60);
    expect(reply.actions?.find((a) => a.action_name === 'start_call')?.can_perform).toBe(true);
  });

  it('a customer’s call nobody answers (a missed call) grants permission too', async () => {
    const call = await sim.placeCall({ channel: 'messenger', from: PSID });
    await call.waitFor('ended', { timeoutMs: 2_000 });
    expect(call.snapshot().reason).toBe('not-answered');
    expect(msgrCallPermissionsReplySchema.parse(await check()).permission.status).toBe(
      'has_permission',
    );
  });

  it('a call the business rejects grants nothing', async () => {
    const call = await sim.placeCall({ channel: 'messenger', from: PSID });
    const rejected = await graph.post(PAGE, 'calls', {
      platform: 'messenger',
      action: 'reject',
      call_id: call.id,
    });
    expect(rejected.status).toBe(200);
    expect(msgrCallPermissionsReplySchema.parse(await check()).permission.status).toBe(
      'no_permission',
    );
  });
});
