import { msgrAcceptReplySchema } from '@ringside/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMetaSim } from '../create-meta-sim';
import { testGraphClient } from '../graph/test-client';
import { createWeriftMediaFactory } from '../media/werift-caller';
import { launchChromium, type ChromiumHarness } from '../testing';
import { startTestReceiver } from '../webhooks/test-receiver';
import { DEMO_MESSENGER_PAGE } from './config';
import { eventually, waitForCallEvent } from './flow-support';

// full flow: real Chromium offers, the werift caller answers, audio both ways, no server

let chromium: ChromiumHarness;

beforeAll(async () => {
  chromium = await launchChromium();
});

afterAll(async () => {
  await chromium.close();
});

describe('Messenger inbound, Chromium as the business', () => {
  it('connect webhook → the browser’s offer in accept → sdp_response, then the renegotiation answered locally → the caller heard on mid 1, the agent on mid 0 → user hangs up', async () => {
    const receiver = await startTestReceiver();
    const sim = createMetaSim({ webhookUrl: receiver.url, media: createWeriftMediaFactory() });
    try {
      const graph = testGraphClient(
        `${await sim.listen(0)}/v24.0`,
        DEMO_MESSENGER_PAGE.accessToken,
      );
      const agent = await chromium.newPeer();
      const call = await sim.placeCall({ channel: 'messenger' });
      const connect = await waitForCallEvent(receiver, 'connect');
      expect(connect).not.toHaveProperty('session');

      const offer = await agent.createOffer();
      const res = await graph.post(DEMO_MESSENGER_PAGE.pageId, 'calls', {
        platform: 'messenger',
        action: 'accept',
        call_id: call.id,
        session: { sdp_type: 'offer', sdp: offer },
      });
      expect(res.status).toBe(200);
      const { session } = msgrAcceptReplySchema.parse(res.body);
      expect(session.sdp_renegotiation?.sdp).toContain('a=group:BUNDLE 0 1');
      await agent.applyAnswer(session.sdp_response.sdp);
      // Meta's samples: apply the renegotiation as a new remote offer, answer it, send nothing
      await agent.answerOffer(session.sdp_renegotiation?.sdp ?? '', { addMicFirst: true });
      expect(await agent.waitForConnection()).toBe('connected');

      const heard = await eventually(
        () => call.stats(),
        (s) => s.packetsReceived > 50 && s.peakAudioLevel > 0.01,
      );
      expect(heard.packetsReceived).toBeGreaterThan(50);
      expect(heard.peakAudioLevel).toBeGreaterThan(0.01);
      const browser = await eventually(
        () => agent.stats(),
        (s) =>
          (s.receivedByMid['1']?.packetsReceived ?? 0) > 50 &&
          (s.receivedByMid['1']?.totalAudioEnergy ?? 0) > 0,
      );
      expect(browser.receivedByMid['1']?.totalAudioEnergy).toBeGreaterThan(0);
      // the customer's audio flows on mid 1 only
      expect(browser.receivedByMid['0']?.packetsReceived ?? 0).toBe(0);

      await call.hangUp();
      const terminate = await waitForCallEvent(receiver, 'terminate');
      expect(terminate).toMatchObject({ status: 'COMPLETED', start_time: expect.any(Number) });
      await agent.close();
    } finally {
      await sim.close();
      await receiver.close();
    }
  }, 60_000);
});
