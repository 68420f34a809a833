import { msgrConnectReplySchema } from '@ringside/contracts';
import { validateMetaOffer } from '@ringside/sdp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetaSim } from '../create-meta-sim';
import { testGraphClient } from '../graph/test-client';
import { createWeriftMediaFactory } from '../media/werift-caller';
import { launchChromium, type ChromiumHarness } from '../testing';
import { startTestReceiver } from '../webhooks/test-receiver';
import { DEMO_MESSENGER_PAGE } from './config';
import { eventually, receivedCalls, waitForCallEvent } from './flow-support';

// full flow: Chromium calls a Messenger user; the werift callee answers and picks up

let chromium: ChromiumHarness;

beforeAll(async () => {
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium.close();
});

describe('Messenger outbound, Chromium as the business', () => {
  it('connect → sdp_response → pickup: call_status accepted, then media_update v1 in Meta’s two-section shape; answered locally, the callee is heard on mid 1', async () => {
    const receiver = await startTestReceiver();
    const sim = createMetaSim({
      webhookUrl: receiver.url,
      media: createWeriftMediaFactory(),
      callee: { answer: 'accept', pickupDelayMs: 200 },
    });
    try {
      const graph = testGraphClient(
        `${await sim.listen(0)}/v24.0`,
        DEMO_MESSENGER_PAGE.accessToken,
      );
      const psid = '5275811702471834';
      sim.setPermission({ channel: 'messenger', userId: psid, status: 'temporary' });
      const agent = await chromium.newPeer();
      const res = await graph.post(DEMO_MESSENGER_PAGE.pageId, 'calls', {
        platform: 'messenger',
        action: 'connect',
        to: psid,
        session: { sdp_type: 'offer', sdp: await agent.createOffer() },
      });
      expect(res.status).toBe(200);
      const reply = msgrConnectReplySchema.parse(res.body);
      await agent.applyAnswer(reply.session.sdp_response.sdp);

      const update = await waitForCallEvent(receiver, 'media_update');
      const session = update['session'] as { version: number; sdp_renegotiation: { sdp: string } };
      expect(session.version).toBe(1);
      const events = receivedCalls(receiver).map((c) => c['call_status'] ?? c['event']);
      expect(events.indexOf('accepted')).toBeLessThan(events.indexOf('media_update'));
      expect(validateMetaOffer(session.sdp_renegotiation.sdp)).toMatchObject({
        ok: true,
        summary: { mid: '1', direction: 'sendonly', sections: [{ direction: 'recvonly' }, {}] },
      });
      // nothing is posted back: the business answers locally
      await agent.answerOffer(session.sdp_renegotiation.sdp, { addMicFirst: true });
      expect(await agent.waitForConnection()).toBe('connected');

      const call = sim.call(reply.id);
      const heard = await eventually(
        () => call?.stats(),
        (s) => (s?.packetsReceived ?? 0) > 50 && (s?.peakAudioLevel ?? 0) > 0.01,
      );
      expect(heard?.peakAudioLevel).toBeGreaterThan(0.01);
      const browser = await eventually(
        () => agent.stats(),
        (s) => (s.receivedByMid['1']?.totalAudioEnergy ?? 0) > 0,
      );
      expect(browser.receivedByMid['1']?.packetsReceived).toBeGreaterThan(0);
      expect(browser.receivedByMid['0']?.packetsReceived ?? 0).toBe(0);
      await agent.close();
    } finally {
      await sim.close();
      await receiver.close();
    }
  }, 60_000);
});
