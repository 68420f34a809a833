import {
  metaErrorEnvelopeSchema,
  msgrAcceptReplySchema,
  msgrCallPermissionsReplySchema,
  msgrConnectReplySchema,
  msgrWebhookSchema,
} from '@ringside/contracts';
import { validateRemoteAnswer } from '@ringside/sdp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import { DEMO_MESSENGER_PAGE, DEMO_WHATSAPP_NUMBER } from '../engine/config';
import { createFakeMediaFactory, type FakeMediaFactory } from '../engine/fake-media';
import { fakeSdp } from '../engine/fake-sdp';
import { pollUntil } from '../testing/poll';
import { testGraphClient, type TestGraphClient } from './test-client';

const PAGE = DEMO_MESSENGER_PAGE.pageId;
const PSID = '5275811702471834';

let sim: MetaSim;
let media: FakeMediaFactory;
let graph: TestGraphClient;

beforeEach(async () => {
  media = createFakeMediaFactory();
  sim = createMetaSim({
    media,
    webhookUrl: null,
    callee: { answer: 'accept', pickupDelayMs: 30 },
    permissionReply: { delayMs: 20 },
  });
  graph = testGraphClient(`${await sim.listen(0)}/v24.0`, DEMO_MESSENGER_PAGE.accessToken);
});

afterEach(async () => {
  await sim.close();
});

const offer = () => ({ sdp_type: 'offer', sdp: fakeSdp({ type: 'offer' }) });
const act = (action: string, callId: string, extra: object = {}) => ({
  platform: 'messenger',
  action,
  call_id: callId,
  ...extra,
});
const codeOf = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error.code;
const detailsOf = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error.error_data?.details;
function eventsOf(callId: string): Array<Record<string, unknown>> {
  return sim
    .deliveries({ callId })
    .flatMap((d) => msgrWebhookSchema.parse(d.payload).entry.flatMap((e) => e.calls ?? []));
}

describe('user-initiated Messenger call', () => {
  it('connect webhook carries no SDP; accept takes the business’s offer and replies with the caller’s answer', async () => {
    const call = await sim.placeCall({ channel: 'messenger', from: PSID });
    const [connect] = eventsOf(call.id);
    expect(connect).toMatchObject({
      event: 'connect',
      from: PSID,
      to: PAGE,
      call_direction: 'user_initiated',
    });
    expect(connect).not.toHaveProperty('session');

    const res = await graph.post(PAGE, 'calls', act('accept', call.id, { session: offer() }));

    expect(res.status).toBe(200);
    const answer = msgrAcceptReplySchema.parse(res.body).session.sdp_response.sdp;
    expect(validateRemoteAnswer(answer).ok).toBe(true);
    expect(answer).toBe(media.made[0]?.localDescription);
    expect(call.state).toBe('accepted');
    expect(media.made[0]?.audioStarted).toBe(true);
  });

  it('refuses an offer without ICE credentials (100) and keeps ringing', async () => {
    const call = await sim.placeCall({ channel: 'messenger' });
    const bad = {
      sdp_type: 'offer',
      sdp: fakeSdp({ type: 'offer' }).replace(/a=ice-pwd:[^\r]*\r\n/, ''),
    };
    const res = await graph.post(PAGE, 'calls', act('accept', call.id, { session: bad }));
    expect(codeOf(res.body)).toBe(100);
    expect(call.state).toBe('ringing');
  });

  it('accept twice is 138003; reject of a ringing call sends terminate "Completed"', async () => {
    const first = await sim.placeCall({ channel: 'messenger' });
    await graph.post(PAGE, 'calls', act('accept', first.id, { session: offer() }));
    expect(
      codeOf((await graph.post(PAGE, 'calls', act('accept', first.id, { session: offer() }))).body),
    ).toBe(138003);

    const second = await sim.placeCall({ channel: 'messenger' });
    expect((await graph.post(PAGE, 'calls', act('reject', second.id))).body).toEqual({
      success: true,
    });
    expect(eventsOf(second.id).at(-1)).toMatchObject({ event: 'terminate', status: 'COMPLETED' });
  });

  it('a user re-offer arrives as media_update with growing versions; the answer must name the current version', async () => {
    const call = await sim.placeCall({ channel: 'messenger' });
    await graph.post(PAGE, 'calls', act('accept', call.id, { session: offer() }));

    expect(await call.reoffer()).toBe(1);
    const update = eventsOf(call.id).find((e) => e.event === 'media_update');
    expect(update).toMatchObject({
      session: { version: 1, sdp_renegotiation: { sdp_type: 'offer' } },
    });

    const answer = { sdp_type: 'answer', sdp: fakeSdp({ type: 'answer' }) };
    const tracks = [{ msid: 'mic', label: 'audio', status: 'active' }];
    const stale = await graph.post(
      PAGE,
      'calls',
      act('media_update', call.id, { from_version: 0, to_version: 1, tracks, session: answer }),
    );
    expect(codeOf(stale.body)).toBe(100);
    expect(detailsOf(stale.body)).toContain('version 1');

    const ok = await graph.post(
      PAGE,
      'calls',
      act('media_update', call.id, { from_version: 1, to_version: 2, tracks, session: answer }),
    );
    expect(ok.body).toEqual({ success: true });
    expect(media.made[0]?.remoteDescription).toBe(answer.sdp);
    expect(await call.reoffer()).toBe(3);
  });

  it('a re-offer is refused on WhatsApp, which cannot renegotiate', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    await expect(call.reoffer()).rejects.toThrow(/cannot renegotiate/);
  });

  it('a WhatsApp number’s token does not open the page: 401/190', async () => {
    const call = await sim.placeCall({ channel: 'messenger' });
    const res = await graph.post(
      PAGE,
      'calls',
      act('reject', call.id),
      DEMO_WHATSAPP_NUMBER.accessToken,
    );
    expect(res.status).toBe(401);
    expect(codeOf(res.body)).toBe(190);
  });
});

describe('business-initiated Messenger call', () => {
  const connect = () =>
    graph.post(PAGE, 'calls', {
      platform: 'messenger',
      action: 'connect',
      to: PSID,
      session: offer(),
    });

  it('refuses without permission: 138006, HTTP 401 as Meta answers it', async () => {
    const res = await connect();
    expect(res.status).toBe(401);
    expect(codeOf(res.body)).toBe(138006);
  });

  it('replies with the callee’s answer, then connect, call_status ringing and accepted, then media_update v1', async () => {
    sim.setPermission({ channel: 'messenger', userId: PSID, status: 'temporary' });
    const res = await connect();
    const reply = msgrConnectReplySchema.parse(res.body);
    expect(validateRemoteAnswer(reply.session.sdp_response.sdp).ok).toBe(true);

    await sim.call(reply.id)?.waitFor('accepted', { timeoutMs: 2_000 });
    // the pickup's renegotiation follows the accepted status (Meta's business-initiated flow)
    await pollUntil(() => eventsOf(reply.id).some((e) => e.event === 'media_update'), {
      timeoutMs: 2_000,
    });
    expect(eventsOf(reply.id).map((e) => e.call_status ?? e.event)).toEqual([
      'connect',
      'ringing',
      'accepted',
      'media_update',
    ]);
    expect(eventsOf(reply.id)[0]).toMatchObject({
      from: PAGE,
      to: PSID,
      call_direction: 'business_initiated',
    });
  });

  it('reports the permission as has_permission / no_permission', async () => {
    const read = async () =>
      msgrCallPermissionsReplySchema.parse(
        (await graph.get(PAGE, 'messenger_call_permissions', { psid: PSID })).body,
      );
    expect((await read()).permission.status).toBe('no_permission');
    sim.setPermission({ channel: 'messenger', userId: PSID, status: 'temporary' });
    expect((await read()).permission.status).toBe('has_permission');
    expect(codeOf((await graph.get(PAGE, 'messenger_call_permissions')).body)).toBe(100);
  });

  it('an opt-in request gets an automatic approve reply, an entry of its own as Meta shows it, then calls may start', async () => {
    const request = {
      recipient: { id: PSID },
      message: {
        attachment: { type: 'template', payload: { template_type: 'calling_optin' } },
      },
    };
    const res = await graph.post(PAGE, 'messages', request);
    expect(res.body).toEqual({
      recipient: { id: PSID },
      message_id: expect.stringMatching(/^m_/),
    });

    const deadline = Date.now() + 3_000;
    while (sim.deliveries({ kind: 'permission_reply' }).length === 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [delivery] = sim.deliveries({ kind: 'permission_reply' });
    expect((delivery?.payload as { entry: unknown[] }).entry[0]).toEqual({
      sender: { id: PSID },
      recipient: { id: PAGE },
      timestamp: expect.any(Number),
      call_permission_reply: { response: 'approve', expiration_timestamp: expect.any(Number) },
    });
    const reply = msgrWebhookSchema.parse(delivery?.payload).entry[0]?.messaging?.[0];
    expect(reply).toMatchObject({
      sender: { id: PSID },
      call_permission_reply: { response: 'approve' },
    });
    expect((await connect()).status).toBe(200);
  });

  it('refuses a message that is not an opt-in request (100)', async () => {
    const res = await graph.post(PAGE, 'messages', {
      recipient: { id: PSID },
      message: { text: 'hi' },
    });
    expect(codeOf(res.body)).toBe(100);
  });
});
