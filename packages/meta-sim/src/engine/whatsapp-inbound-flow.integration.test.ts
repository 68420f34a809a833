import { metaErrorEnvelopeSchema } from '@ringside/contracts';
import { verifyMetaSignature } from '@ringside/contracts/signature';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import { testGraphClient, type TestGraphClient } from '../graph/test-client';
import { createWeriftMediaFactory } from '../media/werift-caller';
import { launchChromium, type ChromiumHarness } from '../testing';
import { startTestReceiver, type TestReceiver } from '../webhooks/test-receiver';
import { DEMO_WHATSAPP_NUMBER, type SimTimeouts } from './config';
import { eventually, waitForCallEvent } from './flow-support';

// full flows: real Chromium as the agent's browser, werift as the caller, no Ringside server

const SECRET = 'flow-app-secret';
const PNID = DEMO_WHATSAPP_NUMBER.phoneNumberId;

let chromium: ChromiumHarness;
let receiver: TestReceiver;
let sim: MetaSim;
let graph: TestGraphClient;

beforeAll(async () => {
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium.close();
});

async function start(timeouts: Partial<SimTimeouts> = {}): Promise<void> {
  receiver = await startTestReceiver();
  sim = createMetaSim({
    appSecret: SECRET,
    webhookUrl: receiver.url,
    media: createWeriftMediaFactory(),
    timeouts,
  });
  graph = testGraphClient(`${await sim.listen(0)}/v24.0`, DEMO_WHATSAPP_NUMBER.accessToken);
}

afterEach(async () => {
  await sim.close();
  await receiver.close();
});

const session = (sdp: string) => ({ sdp_type: 'answer', sdp });
async function post(action: 'pre_accept' | 'accept' | 'terminate', callId: string, sdp?: string) {
  const res = await graph.post(PNID, 'calls', {
    messaging_product: 'whatsapp',
    action,
    call_id: callId,
    ...(sdp === undefined ? {} : { session: session(sdp) }),
  });
  if (res.status !== 200) {
    throw new Error(
      `${action} refused: ${JSON.stringify(metaErrorEnvelopeSchema.parse(res.body).error)}`,
    );
  }
}

describe('WhatsApp inbound, Chromium as the business', () => {
  it('signed connect webhook → mic-first answer → pre_accept, accept → audio both ways → DTMF → terminate', async () => {
    await start();
    const agent = await chromium.newPeer();
    const call = await sim.placeCall({ channel: 'whatsapp', name: 'Rahul', from: '918097530000' });

    const connect = await waitForCallEvent(receiver, 'connect');
    const [hit] = receiver.received;
    expect(
      verifyMetaSignature(hit?.raw ?? '', String(hit?.headers['x-hub-signature-256']), SECRET).ok,
    ).toBe(true);
    const offer = (connect.session as { sdp: string }).sdp;

    const answer = await agent.answerOffer(offer, { addMicFirst: true });
    expect(await agent.localDirection()).toBe('sendrecv');
    await post('pre_accept', call.id, answer);
    await post('accept', call.id, answer);
    await call.waitFor('accepted');
    expect(await agent.waitForConnection()).toBe('connected');

    // the caller hears the browser's fake microphone; the browser hears the caller's tone
    const heard = await eventually(
      () => call.stats(),
      (s) => s.packetsReceived > 50 && s.peakAudioLevel > 0.01,
    );
    expect(heard.packetsReceived).toBeGreaterThan(50);
    expect(heard.peakAudioLevel).toBeGreaterThan(0.01);
    const browser = await eventually(
      () => agent.inboundStats(),
      (s) => s.packetsReceived > 50 && s.totalAudioEnergy > 0,
    );
    expect(browser.packetsReceived).toBeGreaterThan(50);
    expect(browser.totalAudioEnergy).toBeGreaterThan(0);

    await agent.sendDtmf('12#');
    const dtmf = await eventually(
      () => call.stats().dtmf,
      (d) => d === '12#',
    );
    expect(dtmf).toBe('12#');

    await post('terminate', call.id);
    const terminate = await waitForCallEvent(receiver, 'terminate');
    expect(terminate).toMatchObject({ status: 'COMPLETED', duration: expect.any(Number) });
    expect(call.snapshot().reason).toBe('business-terminated');
    await agent.close();
  }, 60_000);

  it('an answer without candidates (m=audio 9, c=IN IP4 0.0.0.0) is taken and audio flows both ways', async () => {
    await start();
    const agent = await chromium.newPeer();
    const call = await sim.placeCall({ channel: 'whatsapp', name: 'Rahul' });
    const offer = ((await waitForCallEvent(receiver, 'connect')).session as { sdp: string }).sdp;

    const full = await agent.answerOffer(offer, { addMicFirst: true });
    // meta's sample answer: the browser's checks tell Meta (ICE-lite) where it is
    const answer = full
      .split('\r\n')
      .filter((line) => !line.startsWith('a=candidate:') && line !== 'a=end-of-candidates')
      .map((line) =>
        line.replace(/^m=audio \d+ /, 'm=audio 9 ').replace(/^c=IN IP4 .*/, 'c=IN IP4 0.0.0.0'),
      )
      .join('\r\n');
    expect(answer).not.toContain('a=candidate:');
    await post('pre_accept', call.id, answer);
    await post('accept', call.id, answer);
    expect(await agent.waitForConnection()).toBe('connected');

    const heard = await eventually(
      () => call.stats(),
      (s) => s.packetsReceived > 50 && s.peakAudioLevel > 0.01,
    );
    expect(heard.peakAudioLevel).toBeGreaterThan(0.01);
    const browser = await eventually(
      () => agent.inboundStats(),
      (s) => s.packetsReceived > 50 && s.totalAudioEnergy > 0,
    );
    expect(browser.totalAudioEnergy).toBeGreaterThan(0);
    await post('terminate', call.id);
    await agent.close();
  }, 60_000);

  it('the classic bug: an answer made before the mic connects but carries no audio, and ends FAILED 138021', async () => {
    await start({ mediaStartMs: 3_000 });
    const agent = await chromium.newPeer();
    const call = await sim.placeCall({ channel: 'whatsapp', name: 'Rahul' });
    const offer = ((await waitForCallEvent(receiver, 'connect')).session as { sdp: string }).sdp;

    const answer = await agent.answerOffer(offer, { addMicFirst: false });
    expect(answer).toMatch(/a=recvonly/);
    // meta takes it: the answer is well-formed
    await post('pre_accept', call.id, answer);
    await post('accept', call.id, answer);

    expect(await agent.waitForConnection()).toBe('connected');
    const connected = await eventually(
      () => call.stats(),
      (s) => s.connected,
    );
    expect(connected.connected).toBe(true);

    const terminate = await waitForCallEvent(receiver, 'terminate', 10_000);
    expect(terminate).toMatchObject({
      status: 'FAILED',
      errors: [expect.objectContaining({ code: 138021 })],
    });
    expect(call.snapshot()).toMatchObject({ reason: 'media-timeout', failure: { code: 138021 } });
    expect(call.stats().packetsReceived).toBe(0);
    await agent.close();
  }, 60_000);
});
