import { validateMetaOffer } from '@ringside/sdp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserPeer } from '../testing/browser-peer';
import { launchChromium, type ChromiumHarness } from '../testing/chromium';
import { pollUntil } from '../testing/poll';
import type { CallerMedia } from './media-endpoint';
import { createWeriftMediaFactory } from './werift-caller';

// real Chromium on a shared 2-core machine: generous bounds, assertions on counts and levels
const TEST_TIMEOUT_MS = 30_000;
/** Chromium's fake microphone beeps; decoded, its level is well above this */
const AUDIBLE = 0.02;

const media = createWeriftMediaFactory();
let chromium: ChromiumHarness;
const opened: { close(): Promise<void> }[] = [];

async function newCaller(
  start: (factory: typeof media) => Promise<CallerMedia>,
): Promise<CallerMedia> {
  const caller = await start(media);
  opened.push(caller);
  return caller;
}

async function newAgent(): Promise<BrowserPeer> {
  const agent = await chromium.newPeer();
  opened.push(agent);
  return agent;
}

/** the WhatsApp shape: the caller offers, the agent's browser answers */
async function whatsappCall(
  options: Parameters<typeof media.offer>[0],
  addMicFirst = true,
): Promise<{ caller: CallerMedia; agent: BrowserPeer; answer: string }> {
  const caller = await newCaller((m) => m.offer(options));
  const agent = await newAgent();
  const answer = await agent.answerOffer(caller.localDescription, { addMicFirst });
  await caller.setRemoteAnswer(answer);
  caller.startAudio();
  return { caller, agent, answer };
}

beforeAll(async () => {
  chromium = await launchChromium();
}, 60_000);

afterEach(async () => {
  await Promise.all(opened.splice(0).map((item) => item.close()));
});

afterAll(async () => {
  await chromium?.close();
});

describe('the caller offers, Chromium answers (WhatsApp user-initiated)', () => {
  it(
    'connects, and each side hears the other',
    async () => {
      const { caller, agent } = await whatsappCall({ source: 'tone' });

      expect(await agent.waitForConnection()).toBe('connected');
      await pollUntil(
        () => caller.stats().packetsReceived > 50 && caller.stats().peakAudioLevel > AUDIBLE,
      );
      await pollUntil(async () => (await agent.inboundStats()).totalAudioEnergy > 0);

      const stats = caller.stats();
      expect(stats.connected).toBe(true);
      expect(stats.packetsReceived).toBeGreaterThan(50);
      expect(stats.bytesReceived).toBeGreaterThan(0);
      expect(stats.firstPacketAt).not.toBeNull();
      expect(stats.lastPacketAt).toBeGreaterThanOrEqual(stats.firstPacketAt ?? Infinity);
      expect(stats.peakAudioLevel).toBeGreaterThan(AUDIBLE);
      expect(stats.packetsSent).toBeGreaterThan(0);
      const browser = await agent.inboundStats();
      expect(browser.packetsReceived).toBeGreaterThan(0);
      expect(browser.totalAudioEnergy).toBeGreaterThan(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'receives DTMF "12#" sent by the browser as RFC 4733 events, each digit once',
    async () => {
      const { caller, agent } = await whatsappCall({ source: 'silence' });
      expect(await agent.waitForConnection()).toBe('connected');

      await agent.sendDtmf('12#');
      await pollUntil(() => caller.stats().dtmf.length >= 3, { timeoutMs: 5000 });

      expect(caller.stats().dtmf).toBe('12#');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'gets no audio when the browser answers before adding its mic, though ICE and DTLS connect',
    async () => {
      const { caller, agent, answer } = await whatsappCall({ source: 'tone' }, false);

      expect(answer).toMatch(/^a=recvonly\r?$/m);
      // the mic added afterwards does not repair it: the negotiated direction stays recvonly
      expect(await agent.localDirection()).toBe('recvonly');
      expect(await agent.waitForConnection()).toBe('connected');
      // media does flow the other way, so the silence from the browser is the bug, not a stall
      await pollUntil(async () => (await agent.inboundStats()).packetsReceived > 50);
      expect((await agent.inboundStats()).packetsReceived).toBeGreaterThan(50);

      const stats = caller.stats();
      expect(stats.connected).toBe(true);
      expect(stats.packetsReceived).toBe(0);
      expect(stats.firstPacketAt).toBeNull();
      expect(stats.peakAudioLevel).toBe(0);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'sees the browser’s RTCP after its audio stops, which is what keeps a silent call up',
    async () => {
      const { caller, agent } = await whatsappCall({ source: 'tone' });
      expect(await agent.waitForConnection()).toBe('connected');
      await pollUntil(() => caller.stats().packetsReceived > 50);

      await agent.stopSending();
      const stopped = Date.now();
      // RTP stops; the browser's reports on the caller's audio go on arriving
      await pollUntil(() => (caller.stats().lastRtcpAt ?? 0) > stopped + 2_000, {
        timeoutMs: 15_000,
      });
      const stats = caller.stats();
      expect(stats.lastRtcpAt).toBeGreaterThan(stopped + 2_000);
      expect(stats.lastPacketAt ?? Infinity).toBeLessThan(stopped + 1_000);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'echoes the browser its own audio after the delay',
    async () => {
      const { caller, agent } = await whatsappCall({ source: 'silence', echo: { delayMs: 300 } });
      expect(await agent.waitForConnection()).toBe('connected');

      await pollUntil(async () => (await agent.inboundStats()).totalAudioEnergy > 0);

      const browser = await agent.inboundStats();
      expect(browser.packetsReceived).toBeGreaterThan(0);
      expect(browser.totalAudioEnergy).toBeGreaterThan(0);
      // nothing is sent but what came in
      expect(caller.stats().packetsSent).toBeLessThanOrEqual(caller.stats().packetsReceived);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'sends nothing with the silence source, and stops sending on stopAudio',
    async () => {
      const quiet = await whatsappCall({ source: 'silence' });
      const loud = await whatsappCall({ source: 'tone' });
      expect(await quiet.agent.waitForConnection()).toBe('connected');
      expect(await loud.agent.waitForConnection()).toBe('connected');
      await pollUntil(async () => (await loud.agent.inboundStats()).packetsReceived > 25);
      await pollUntil(() => quiet.caller.stats().packetsReceived > 25);

      expect(quiet.caller.stats().packetsSent).toBe(0);
      expect((await quiet.agent.inboundStats()).packetsReceived).toBe(0);

      loud.caller.stopAudio();
      const sentAtStop = loud.caller.stats().packetsSent;
      await pollUntil(() => loud.caller.stats().packetsReceived > 75);
      expect(loud.caller.stats().packetsSent).toBe(sentAtStop);
      expect((await loud.agent.inboundStats()).packetsReceived).toBeLessThanOrEqual(sentAtStop);
    },
    TEST_TIMEOUT_MS,
  );

  it(
    'hears silence, not a dropped stream, while the browser mutes by disabling its track',
    async () => {
      const { caller, agent } = await whatsappCall({ source: 'silence' });
      expect(await agent.waitForConnection()).toBe('connected');
      await pollUntil(() => caller.stats().audioLevel > AUDIBLE);
      expect(caller.stats().audioLevel).toBeGreaterThan(AUDIBLE);

      await agent.setMicEnabled(false);
      const packetsAtMute = caller.stats().packetsReceived;
      await pollUntil(() => caller.stats().audioLevel < 0.001, { timeoutMs: 10_000 });

      expect(caller.stats().audioLevel).toBeLessThan(0.001);
      expect(caller.stats().packetsReceived).toBeGreaterThan(packetsAtMute);
    },
    TEST_TIMEOUT_MS,
  );
});

describe('Chromium offers, the caller answers (Messenger)', () => {
  it(
    'connects, each side hears the other, and DTMF arrives',
    async () => {
      const agent = await newAgent();
      const offer = await agent.createOffer();
      const caller = await newCaller((m) => m.answer(offer, { source: 'speech' }));
      await agent.applyAnswer(caller.localDescription);
      caller.startAudio();

      expect(await agent.waitForConnection()).toBe('connected');
      await pollUntil(
        () => caller.stats().packetsReceived > 50 && caller.stats().peakAudioLevel > AUDIBLE,
      );
      await pollUntil(async () => (await agent.inboundStats()).totalAudioEnergy > 0);

      expect(caller.stats().packetsReceived).toBeGreaterThan(50);
      expect(caller.stats().peakAudioLevel).toBeGreaterThan(AUDIBLE);
      const browser = await agent.inboundStats();
      expect(browser.packetsReceived).toBeGreaterThan(0);
      expect(browser.totalAudioEnergy).toBeGreaterThan(0);

      // DTMF's payload type here comes from the caller's own answer
      await agent.sendDtmf('*0');
      await pollUntil(() => caller.stats().dtmf.length >= 2, { timeoutMs: 5000 });
      expect(caller.stats().dtmf).toBe('*0');
    },
    TEST_TIMEOUT_MS,
  );

  it(
    "renegotiates in Meta's shape (BUNDLE 0 1): the caller is heard on mid 1 only, the agent on mid 0",
    async () => {
      const agent = await newAgent();
      const offer = await agent.createOffer();
      const caller = await newCaller((m) =>
        m.answer(offer, { source: 'tone', channel: 'messenger' }),
      );
      const answer = caller.localDescription;
      const renegotiation = await caller.createReoffer();
      // what the console checks Meta's sdp_renegotiation with: mid 1 is where Meta sends
      expect(validateMetaOffer(renegotiation)).toMatchObject({
        ok: true,
        summary: { iceLite: true, mid: '1', direction: 'sendonly' },
      });
      await agent.applyAnswer(answer);
      // answered locally, nothing goes back to the caller (Meta's samples)
      await agent.answerOffer(renegotiation, { addMicFirst: true });
      caller.startAudio();
      expect(await agent.waitForConnection()).toBe('connected');

      await pollUntil(
        async () =>
          caller.stats().peakAudioLevel > AUDIBLE &&
          ((await agent.stats()).receivedByMid['1']?.packetsReceived ?? 0) > 50,
        { timeoutMs: 15_000 },
      );
      const byMid = (await agent.stats()).receivedByMid;
      expect(byMid['1']?.packetsReceived).toBeGreaterThan(50);
      expect(byMid['1']?.totalAudioEnergy).toBeGreaterThan(0.01);
      expect(byMid['0']?.packetsReceived ?? 0).toBe(0);
      expect(caller.stats().peakAudioLevel).toBeGreaterThan(AUDIBLE);
      expect(await agent.localDirection()).toBe('sendonly');

      // a later media_update (mute, video) of the same shape: the caller stays heard on mid 1
      const again = await caller.createReoffer();
      expect(again).not.toBe(renegotiation);
      await agent.answerOffer(again, { addMicFirst: true });
      const before = byMid['1']?.packetsReceived ?? 0;
      await pollUntil(
        async () => ((await agent.stats()).receivedByMid['1']?.packetsReceived ?? 0) > before + 50,
      );
      expect(await agent.waitForConnection()).toBe('connected');
    },
    TEST_TIMEOUT_MS,
  );
});
