import { waConnectReplySchema } from '@ringside/contracts';
import { fixActpassInRemoteAnswer } from '@ringside/sdp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetaSim } from '../create-meta-sim';
import { testGraphClient } from '../graph/test-client';
import { createWeriftMediaFactory } from '../media/werift-caller';
import { launchChromium, type ChromiumHarness } from '../testing';
import { startTestReceiver } from '../webhooks/test-receiver';
import { DEMO_WHATSAPP_NUMBER } from './config';
import { eventually, receivedCalls, waitForCallEvent } from './flow-support';

// full flow: the business calls; Chromium offers, the werift callee answers through Meta

let chromium: ChromiumHarness;

beforeAll(async () => {
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium.close();
});

describe('WhatsApp business-initiated, Chromium as the business', () => {
  it('connect with the browser’s offer → Meta’s answer (actpass quirk) in the connect webhook → RINGING, ACCEPTED → audio both ways', async () => {
    const receiver = await startTestReceiver();
    const sim = createMetaSim({
      webhookUrl: receiver.url,
      media: createWeriftMediaFactory(),
      callee: { answer: 'accept', pickupDelayMs: 300 },
      quirks: { actpassInAnswer: true },
    });
    try {
      const graph = testGraphClient(
        `${await sim.listen(0)}/v24.0`,
        DEMO_WHATSAPP_NUMBER.accessToken,
      );
      const user = '918097530000';
      sim.setPermission({ userId: user, status: 'temporary' });
      const agent = await chromium.newPeer();
      const offer = await agent.createOffer();

      const res = await graph.post(DEMO_WHATSAPP_NUMBER.phoneNumberId, 'calls', {
        messaging_product: 'whatsapp',
        action: 'connect',
        to: user,
        session: { sdp_type: 'offer', sdp: offer },
      });
      expect(res.status).toBe(200);
      const call = sim.call(waConnectReplySchema.parse(res.body).calls[0].id);
      const connect = await waitForCallEvent(receiver, 'connect');
      const answer = (connect.session as { sdp_type: string; sdp: string }).sdp;
      expect(answer).toContain('a=setup:actpass');
      // the console's fix, applied as it must be for a browser to take Meta's answer
      await agent.applyAnswer(fixActpassInRemoteAnswer(answer));
      expect(await agent.waitForConnection()).toBe('connected');

      await call?.waitFor('accepted');
      // the ACCEPTED webhook leaves as the call is picked up and may land a moment later
      const statusesIn = () =>
        receiver.received.flatMap(
          (hit) => JSON.stringify(hit.json).match(/"status":"(RINGING|ACCEPTED)"/g) ?? [],
        );
      const statuses = await eventually(statusesIn, (found) => found.length >= 2);
      expect(statuses).toEqual(['"status":"RINGING"', '"status":"ACCEPTED"']);

      const heard = await eventually(
        () => call?.stats(),
        (s) => (s?.packetsReceived ?? 0) > 50 && (s?.peakAudioLevel ?? 0) > 0.01,
      );
      expect(heard?.packetsReceived).toBeGreaterThan(50);
      const browser = await eventually(
        () => agent.inboundStats(),
        (s) => s.packetsReceived > 50 && s.totalAudioEnergy > 0,
      );
      expect(browser.totalAudioEnergy).toBeGreaterThan(0);

      await call?.hangUp();
      await waitForCallEvent(receiver, 'terminate');
      expect(receivedCalls(receiver).map((c) => c.event)).toEqual(['connect', 'terminate']);
      await agent.close();
    } finally {
      await sim.close();
      await receiver.close();
    }
  }, 60_000);
});
