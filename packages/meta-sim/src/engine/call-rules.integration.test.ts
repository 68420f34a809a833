import { waWebhookSchema, msgrWebhookSchema } from '@ringside/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import { testGraphClient, type TestGraphClient } from '../graph/test-client';
import { DEMO_MESSENGER_PAGE, DEMO_WHATSAPP_NUMBER, type MetaSimOptions } from './config';
import { createFakeMediaFactory, type FakeMediaFactory } from './fake-media';
import { fakeSdp } from './fake-sdp';

const PNID = DEMO_WHATSAPP_NUMBER.phoneNumberId;

let sim: MetaSim;
let media: FakeMediaFactory;
let graph: TestGraphClient;
let pageGraph: TestGraphClient;

async function start(options: MetaSimOptions = {}): Promise<void> {
  media = createFakeMediaFactory();
  sim = createMetaSim({ media, webhookUrl: null, ...options });
  const base = `${await sim.listen(0)}/v24.0`;
  graph = testGraphClient(base, DEMO_WHATSAPP_NUMBER.accessToken);
  pageGraph = testGraphClient(base, DEMO_MESSENGER_PAGE.accessToken);
}

afterEach(async () => {
  await sim.close();
});

/** the WhatsApp terminate item recorded for a call */
function waTerminateOf(callId: string) {
  const [delivery] = sim.deliveries({ callId, kind: 'terminate' });
  const value = waWebhookSchema.parse(delivery?.payload).entry[0]?.changes[0]?.value;
  const item = value?.calls?.[0];
  if (item?.event !== 'terminate') throw new Error(`no terminate webhook for ${callId}`);
  return item;
}

const accept = (callId: string, direction: 'sendrecv' | 'recvonly') =>
  graph.post(PNID, 'calls', {
    messaging_product: 'whatsapp',
    action: 'accept',
    call_id: callId,
    session: { sdp_type: 'answer', sdp: fakeSdp({ type: 'answer', mid: 'audio', direction }) },
  });

describe('Meta’s call rules', () => {
  it('a call nobody answers ends at the ring timeout: terminate COMPLETED without times', async () => {
    await start({ timeouts: { ringMs: 150 } });
    const placed = Date.now();
    const call = await sim.placeCall({ channel: 'whatsapp' });

    await expect(call.waitFor('accepted', { timeoutMs: 2_000 })).rejects.toThrow(
      /ended \(not-answered\) without reaching "accepted"/,
    );
    expect(Date.now() - placed).toBeGreaterThanOrEqual(140);
    const terminate = waTerminateOf(call.id);
    expect(terminate.status).toBe('COMPLETED');
    expect(terminate).not.toHaveProperty('start_time');
    expect(terminate).not.toHaveProperty('duration');
    expect(media.made[0]?.closed).toBe(true);
  });

  it('a recvonly answer is accepted, but no media arrives: FAILED 138021 at the media timeout', async () => {
    await start({ timeouts: { mediaStartMs: 200, mediaPollMs: 20 } });
    const call = await sim.placeCall({ channel: 'whatsapp' });
    // taken before the request, so the bound below holds however slow the reply is
    const acceptedAt = Date.now();
    expect((await accept(call.id, 'recvonly')).status).toBe(200);

    await call.waitFor('ended', { timeoutMs: 2_000 });

    expect(Date.now() - acceptedAt).toBeGreaterThanOrEqual(190);
    expect(call.snapshot()).toMatchObject({ reason: 'media-timeout', failure: { code: 138021 } });
    const terminate = waTerminateOf(call.id);
    expect(terminate.status).toBe('FAILED');
    expect(terminate.errors?.[0]).toMatchObject({
      code: 138021,
      error_data: { details: expect.stringContaining('within') },
    });
    expect(terminate).toHaveProperty('duration');
  });

  it('a sendrecv answer keeps the call up past the media timeout; silence mid-call fails it', async () => {
    await start({ timeouts: { mediaStartMs: 100, mediaIdleMs: 150, mediaPollMs: 20 } });
    const call = await sim.placeCall({ channel: 'whatsapp' });
    await accept(call.id, 'sendrecv');
    await new Promise((resolve) => setTimeout(resolve, 250));
    expect(call.state).toBe('accepted');
    expect(call.stats().packetsReceived).toBeGreaterThan(0);

    media.made[0]?.silenceBusiness();
    await call.waitFor('ended', { timeoutMs: 2_000 });
    expect(call.snapshot()).toMatchObject({ reason: 'media-idle', failure: { code: 138021 } });
    expect(waTerminateOf(call.id).errors?.[0]?.error_data?.details).toContain('for 0.15 seconds');
  });

  it('RTCP alone keeps a call up mid-call; when it stops too, the call fails at the idle limit', async () => {
    await start({ timeouts: { mediaStartMs: 100, mediaIdleMs: 150, mediaPollMs: 20 } });
    const call = await sim.placeCall({ channel: 'whatsapp' });
    await accept(call.id, 'sendrecv');
    await new Promise((resolve) => setTimeout(resolve, 60));
    media.made[0]?.rtcpOnly(40);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(call.state).toBe('accepted');

    media.made[0]?.silenceBusiness();
    await call.waitFor('ended', { timeoutMs: 2_000 });
    expect(call.snapshot()).toMatchObject({ reason: 'media-idle', failure: { code: 138021 } });
  });

  it('the no-media drop as Meta reports it: FAILED, 138021 with a title inside and beside calls, times present', async () => {
    await start({ timeouts: { mediaStartMs: 100, mediaPollMs: 20 } });
    const call = await sim.placeCall({ channel: 'whatsapp' });
    await accept(call.id, 'recvonly');
    await call.waitFor('ended', { timeoutMs: 2_000 });
    const [delivery] = sim.deliveries({ callId: call.id, kind: 'terminate' });
    const value = waWebhookSchema.parse(delivery?.payload).entry[0]?.changes[0]?.value;
    const inside = value?.calls?.[0];
    expect(inside).toMatchObject({ status: 'FAILED', start_time: expect.any(String) });
    expect(inside).toHaveProperty('end_time');
    const error = { code: 138021, title: 'Media receive timeout' };
    expect(inside?.errors).toEqual([expect.objectContaining(error)]);
    expect(value?.errors).toEqual([expect.objectContaining(error)]);
  });

  it('with the noMediaDropCompleted quirk the same drop is COMPLETED with no error', async () => {
    await start({
      timeouts: { mediaStartMs: 100, mediaPollMs: 20 },
      quirks: { noMediaDropCompleted: true },
    });
    const call = await sim.placeCall({ channel: 'whatsapp' });
    await accept(call.id, 'recvonly');
    await call.waitFor('ended', { timeoutMs: 2_000 });
    expect(call.snapshot().failure).toMatchObject({ code: 138021 });
    expect(waTerminateOf(call.id)).toMatchObject({ status: 'COMPLETED' });
    expect(
      JSON.stringify(sim.deliveries({ callId: call.id, kind: 'terminate' })[0]?.payload),
    ).not.toContain('errors');
  });

  it('the caller hangs up: COMPLETED with start, end and duration once picked up, none before', async () => {
    await start();
    const answered = await sim.placeCall({ channel: 'whatsapp' });
    await accept(answered.id, 'sendrecv');
    await answered.hangUp();
    expect(waTerminateOf(answered.id)).toMatchObject({ status: 'COMPLETED', duration: 0 });
    expect(waTerminateOf(answered.id)).toHaveProperty('start_time');

    const abandoned = await sim.placeCall({ channel: 'whatsapp' });
    await abandoned.hangUp();
    expect(waTerminateOf(abandoned.id)).not.toHaveProperty('start_time');
    expect(abandoned.snapshot().reason).toBe('user-hung-up');
  });

  it('a hang-up is sent once, however often it is asked for', async () => {
    await start();
    const call = await sim.placeCall({ channel: 'whatsapp' });
    await Promise.all([call.hangUp(), call.hangUp()]);
    expect(sim.deliveries({ callId: call.id, kind: 'terminate' })).toHaveLength(1);
  });

  it('Messenger terminate says "Completed" or "Failed" with integer times', async () => {
    await start({ timeouts: { mediaStartMs: 100, mediaPollMs: 20 } });
    const call = await sim.placeCall({ channel: 'messenger' });
    // the business's offer without a microphone: Meta accepts it, no audio follows
    const offer = fakeSdp({ type: 'offer', direction: 'recvonly' });
    const res = await pageGraph.post(DEMO_MESSENGER_PAGE.pageId, 'calls', {
      action: 'accept',
      call_id: call.id,
      session: { sdp_type: 'offer', sdp: offer },
    });
    expect(res.status).toBe(200);
    await call.waitFor('ended', { timeoutMs: 2_000 });
    const [delivery] = sim.deliveries({ callId: call.id, kind: 'terminate' });
    const raw = JSON.stringify(delivery?.payload);
    expect(raw).toContain('"status":"Failed"');
    const item = msgrWebhookSchema.parse(delivery?.payload).entry[0]?.calls?.[0];
    expect(item).toMatchObject({ event: 'terminate', start_time: expect.any(Number) });
  });

  it('a Messenger user’s call waits messengerAcceptMs (60 s by default) for the business, not ringMs', async () => {
    await start({ timeouts: { ringMs: 60, messengerAcceptMs: 300 } });
    const placed = Date.now();
    const call = await sim.placeCall({ channel: 'messenger' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(call.state).toBe('ringing');
    await call.waitFor('ended', { timeoutMs: 2_000 });
    expect(Date.now() - placed).toBeGreaterThanOrEqual(290);
    expect(call.snapshot().reason).toBe('not-answered');
    const item = msgrWebhookSchema.parse(
      sim.deliveries({ callId: call.id, kind: 'terminate' })[0]?.payload,
    ).entry[0]?.calls?.[0];
    expect(item).toMatchObject({ event: 'terminate', status: 'COMPLETED' });
  });

  it('waitFor says where the call is when it times out', async () => {
    await start();
    const call = await sim.placeCall({ channel: 'whatsapp' });
    await expect(call.waitFor('accepted', { timeoutMs: 50 })).rejects.toThrow(
      /did not reach "accepted" within 50 ms \(it is ringing\)/,
    );
  });
});

describe('business-initiated rules', () => {
  it('four unanswered calls in a row revoke the user’s permission', async () => {
    await start({ timeouts: { ringMs: 30 }, callee: { answer: 'none' } });
    const user = '918097530001';
    sim.setPermission({ userId: user, status: 'temporary' });
    const connect = () =>
      graph.post(PNID, 'calls', {
        messaging_product: 'whatsapp',
        action: 'connect',
        to: user,
        session: { sdp_type: 'offer', sdp: fakeSdp({ type: 'offer' }) },
      });
    for (let i = 0; i < 4; i += 1) {
      const res = await connect();
      expect(res.status).toBe(200);
      const id = (res.body as { calls: Array<{ id: string }> }).calls[0]?.id ?? '';
      await sim.call(id)?.waitFor('ended', { timeoutMs: 1_000 });
      expect(sim.call(id)?.snapshot().reason).toBe('not-answered');
    }
    const fifth = await connect();
    expect((fifth.body as { error: { code: number } }).error.code).toBe(138006);
  });
});
