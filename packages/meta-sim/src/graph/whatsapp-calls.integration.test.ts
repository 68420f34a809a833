import { metaErrorEnvelopeSchema, waSuccessReplySchema } from '@ringside/contracts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import { DEMO_WHATSAPP_NUMBER, type SimWhatsAppNumber } from '../engine/config';
import { createFakeMediaFactory, type FakeMediaFactory } from '../engine/fake-media';
import { fakeSdp } from '../engine/fake-sdp';
import { testGraphClient, type TestGraphClient } from './test-client';

const NUMBER = DEMO_WHATSAPP_NUMBER;
const OTHER: SimWhatsAppNumber = {
  phoneNumberId: '200000000000001',
  wabaId: '200000000000009',
  displayPhoneNumber: '15550100200',
  accessToken: 'other-number-token',
};
const PNID = NUMBER.phoneNumberId;

let sim: MetaSim;
let media: FakeMediaFactory;
let graph: TestGraphClient;

beforeEach(async () => {
  media = createFakeMediaFactory();
  sim = createMetaSim({ media, numbers: [NUMBER, OTHER], webhookUrl: null });
  graph = testGraphClient(`${await sim.listen(0)}/v24.0`, NUMBER.accessToken);
});

afterEach(async () => {
  await sim.close();
});

const answer = (direction: 'sendrecv' | 'recvonly' = 'sendrecv') =>
  fakeSdp({ type: 'answer', mid: 'audio', direction });
const action = (name: string, callId: string, extra: object = {}) => ({
  messaging_product: 'whatsapp',
  action: name,
  call_id: callId,
  ...extra,
});
const withSdp = (name: string, callId: string, sdp: string) =>
  action(name, callId, { session: { sdp_type: 'answer', sdp } });

/** the refusal's code and details, after checking it is Meta's envelope */
function refusal(body: unknown): { code: number; details: string; traceId: string } {
  const parsed = metaErrorEnvelopeSchema.parse(body);
  return {
    code: parsed.error.code,
    details: parsed.error.error_data?.details ?? '',
    traceId: parsed.error.fbtrace_id ?? '',
  };
}

describe('POST /{phone-number-id}/calls: user-initiated call', () => {
  it('pre_accept applies the answer while ringing, accept with the same SDP starts the caller', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp', name: 'Rahul' });
    const sdp = answer();

    const pre = await graph.post(PNID, 'calls', withSdp('pre_accept', call.id, sdp));
    expect(pre.status).toBe(200);
    expect(waSuccessReplySchema.parse(pre.body)).toEqual({
      messaging_product: 'whatsapp',
      success: true,
    });
    expect(call.state).toBe('pre-accepted');
    expect(media.made[0]?.remoteDescription).toBe(sdp);
    expect(media.made[0]?.audioStarted).toBe(false);

    const acc = await graph.post(PNID, 'calls', withSdp('accept', call.id, sdp));
    expect(acc.status).toBe(200);
    expect(call.state).toBe('accepted');
    expect(media.made[0]?.audioStarted).toBe(true);
  });

  it('a repeated pre_accept with the same SDP succeeds; another SDP is 100 (not documented by Meta)', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const sdp = answer();
    expect((await graph.post(PNID, 'calls', withSdp('pre_accept', call.id, sdp))).status).toBe(200);
    expect((await graph.post(PNID, 'calls', withSdp('pre_accept', call.id, sdp))).status).toBe(200);
    const other = await graph.post(PNID, 'calls', withSdp('pre_accept', call.id, answer()));
    expect(refusal(other.body)).toMatchObject({ code: 100 });
    expect(call.state).toBe('pre-accepted');
  });

  it('accepts without a pre_accept', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const res = await graph.post(PNID, 'calls', withSdp('accept', call.id, answer()));
    expect(res.status).toBe(200);
    expect(call.state).toBe('accepted');
  });

  it('refuses an accept whose SDP is not byte-identical to the pre_accept one', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const sdp = answer();
    await graph.post(PNID, 'calls', withSdp('pre_accept', call.id, sdp));

    const res = await graph.post(
      PNID,
      'calls',
      withSdp('accept', call.id, sdp.replace('\r\n', '\n')),
    );

    expect(res.status).toBe(400);
    expect(refusal(res.body)).toMatchObject({
      code: 100,
      details: expect.stringContaining('byte-identical'),
    });
    expect(call.state).toBe('pre-accepted');
  });

  it('accepts a recvonly answer, as Meta does', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const res = await graph.post(PNID, 'calls', withSdp('accept', call.id, answer('recvonly')));
    expect(res.status).toBe(200);
    expect(call.state).toBe('accepted');
  });

  it('accepts an answer with no candidates, as Meta (ICE-lite, learning peer-reflexive ones) does', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const bare = answer().replace(/a=candidate:[^\r]*\r\n/g, '');
    const res = await graph.post(PNID, 'calls', withSdp('pre_accept', call.id, bare));
    expect(res.status).toBe(200);
    expect(call.state).toBe('pre-accepted');
  });

  it.each([
    ['no fingerprint', (s: string) => s.replace(/a=fingerprint:[^\r]*\r\n/, ''), 'fingerprint'],
    ['an actpass answer', (s: string) => s.replace('a=setup:active', 'a=setup:actpass'), 'actpass'],
    ['another opus payload type', (s: string) => s.replace(/111/g, '109'), 'payload type'],
    ['not SDP at all', () => 'hello', 'v=0'],
  ])('refuses an answer with %s (code 100, details say why)', async (_what, spoil, why) => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const res = await graph.post(PNID, 'calls', withSdp('pre_accept', call.id, spoil(answer())));
    expect(res.status).toBe(400);
    expect(refusal(res.body)).toMatchObject({ code: 100, details: expect.stringContaining(why) });
    expect(call.state).toBe('ringing');
  });

  it('reject ends a ringing call and sends terminate without times', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const res = await graph.post(PNID, 'calls', action('reject', call.id));
    expect(res.status).toBe(200);
    expect(call.snapshot()).toMatchObject({ state: 'ended', reason: 'business-rejected' });
    const [terminate] = sim.deliveries({ kind: 'terminate', callId: call.id });
    expect(JSON.stringify(terminate?.payload)).not.toContain('start_time');
  });

  it('terminate ends an accepted call: terminate COMPLETED with duration', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    await graph.post(PNID, 'calls', withSdp('accept', call.id, answer()));
    const res = await graph.post(PNID, 'calls', action('terminate', call.id));
    expect(res.status).toBe(200);
    expect(call.snapshot()).toMatchObject({ state: 'ended', reason: 'business-terminated' });
    const [terminate] = sim.deliveries({ kind: 'terminate', callId: call.id });
    expect(JSON.stringify(terminate?.payload)).toMatch(/"status":"COMPLETED".*"duration":0/);
    expect(media.made[0]?.closed).toBe(true);
  });
});

describe('POST /{phone-number-id}/calls: refusals in Meta envelope', () => {
  it('answers a wrong, missing or other number’s token with 401 and code 190', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    for (const token of ['not-a-token', null, OTHER.accessToken]) {
      const res = await graph.post(PNID, 'calls', action('reject', call.id), token);
      expect(res.status).toBe(401);
      expect(refusal(res.body).code).toBe(190);
    }
    expect(call.state).toBe('ringing');
  });

  it('accepts the token as an access_token query parameter too', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const res = await graph.raw(`/${PNID}/calls?access_token=${NUMBER.accessToken}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(action('reject', call.id)),
    });
    expect(res.status).toBe(200);
  });

  it.each([
    ['no call_id', { messaging_product: 'whatsapp', action: 'reject' }, 'call_id'],
    [
      'an unknown action',
      { messaging_product: 'whatsapp', action: 'hold', call_id: 'x' },
      'action',
    ],
    ['no messaging_product', { action: 'reject', call_id: 'x' }, 'messaging_product'],
    [
      'an offer where an answer belongs',
      { ...action('accept', 'x'), session: { sdp_type: 'offer', sdp: 'v=0' } },
      'session',
    ],
  ])('answers a body with %s with code 100 naming the field', async (_what, body, field) => {
    const res = await graph.post(PNID, 'calls', body);
    expect(res.status).toBe(400);
    expect(refusal(res.body)).toMatchObject({ code: 100, details: expect.stringContaining(field) });
  });

  it('answers unparsable JSON with code 100', async () => {
    const res = await graph.raw(`/${PNID}/calls`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${NUMBER.accessToken}`,
      },
      body: '{"action":',
    });
    expect(res.status).toBe(400);
    expect(refusal(res.body)).toMatchObject({
      code: 100,
      details: expect.stringContaining('JSON'),
    });
  });

  it('answers an unknown call id, or another number’s call, with code 100', async () => {
    const theirs = await sim.placeCall({ channel: 'whatsapp', to: OTHER.phoneNumberId });
    for (const callId of ['wacid.nope', theirs.id]) {
      const res = await graph.post(PNID, 'calls', action('terminate', callId));
      expect(res.status).toBe(400);
      expect(refusal(res.body)).toMatchObject({
        code: 100,
        details: expect.stringContaining('no call'),
      });
    }
    expect(theirs.state).toBe('ringing');
  });

  it('answers actions in the wrong state with 138003 while live and 100 once ended', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const sdp = answer();
    await graph.post(PNID, 'calls', withSdp('accept', call.id, sdp));

    const again = await graph.post(PNID, 'calls', withSdp('accept', call.id, sdp));
    const reject = await graph.post(PNID, 'calls', action('reject', call.id));
    const pre = await graph.post(PNID, 'calls', withSdp('pre_accept', call.id, sdp));
    expect([again, reject, pre].map((r) => [r.status, refusal(r.body).code])).toEqual([
      [400, 138003],
      [400, 138003],
      [400, 138003],
    ]);

    await graph.post(PNID, 'calls', action('terminate', call.id));
    const late = await graph.post(PNID, 'calls', action('terminate', call.id));
    expect(refusal(late.body)).toMatchObject({
      code: 100,
      details: expect.stringContaining('ended'),
    });
  });

  it('gives each refusal a trace id and the x-fb-trace-id header', async () => {
    const res = await graph.post(PNID, 'calls', action('terminate', 'wacid.nope'));
    const { traceId } = refusal(res.body);
    expect(traceId).toMatch(/^[\w-]{8,}$/);
    expect(res.headers.get('x-fb-trace-id')).toBe(traceId);
  });

  it('answers an unknown object id with code 100 subcode 33', async () => {
    const res = await graph.post('999999', 'calls', action('terminate', 'x'));
    expect(res.status).toBe(400);
    const parsed = metaErrorEnvelopeSchema.parse(res.body);
    expect(parsed.error).toMatchObject({ code: 100, error_subcode: 33 });
  });

  it('leaves paths that are not Graph versions to the app it is mounted in', async () => {
    const res = await graph.raw('/../webhooks/meta', { method: 'POST' });
    expect(res.status).toBe(404);
    expect(() => metaErrorEnvelopeSchema.parse(res.body)).toThrow();
  });
});

describe('request recording', () => {
  it('records every request with its body (token removed), status, reply and time', async () => {
    const call = await sim.placeCall({ channel: 'whatsapp' });
    const before = Date.now();
    await graph.post(PNID, 'calls', withSdp('accept', call.id, answer()));
    await graph.post(PNID, 'calls', {
      ...action('terminate', call.id),
      access_token: NUMBER.accessToken,
    });
    await graph.post(PNID, 'calls', action('terminate', call.id));

    const all = sim.requests({ callId: call.id });
    expect(all.map((r) => [r.action, r.status, r.errorCode])).toEqual([
      ['accept', 200, null],
      ['terminate', 200, null],
      ['terminate', 400, 100],
    ]);
    const [accept] = all;
    expect(accept).toMatchObject({
      method: 'POST',
      path: `/v24.0/${PNID}/calls`,
      version: 'v24.0',
      objectId: PNID,
      edge: 'calls',
      reply: { messaging_product: 'whatsapp', success: true },
    });
    expect(accept?.at).toBeGreaterThanOrEqual(before);
    expect(JSON.stringify(sim.requests())).not.toContain(NUMBER.accessToken);
    expect(sim.requests({ action: 'terminate', ok: false })).toHaveLength(1);
  });
});
