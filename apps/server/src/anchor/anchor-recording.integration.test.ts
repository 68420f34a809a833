import { HEARD } from '@ringside/anchor/testing';
import { describe, expect, it } from 'vitest';
import { answerAnchoredCall, useJanusStack } from '../testing/anchored-calls';
import { waitUntil } from '../testing/test-stack';
import { toneLevel } from '../testing/tone-level';

// recording on our side (issue #15 item 6): a line that records its calls has its anchored
// calls recorded by the media engine instead of Meta, both voices, kept like Meta's recordings

const CALL_TIMEOUT_MS = 60_000;
const MEDIA_WAIT_MS = 20_000;
/** the simulated customer's tone (the simulator's default) and the agent stand-in's */
const CUSTOMER_HZ = 440;
const AGENT_HZ = 660;
const WAV_HEADER_BYTES = 44;
const RATE = 48_000;

const { stack, peer } = useJanusStack('janus-recording');

describe('recording an anchored call on our side', () => {
  it(
    'plays the notice, records both voices, keeps the WAV as the call’s recording for the line’s retention, and asks Meta for no recording',
    async () => {
      const ws = await stack().workspace();
      await stack().app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, {
        mediaCapture: 'record',
        mediaRetentionDays: 30,
      });
      const agentLeg = peer(AGENT_HZ);
      const { agent, call, callId } = await answerAnchoredCall(stack(), ws, agentLeg);
      const acceptedAt = Date.now();

      // Meta was not asked to record: the engine does
      const accept = stack()
        .sim.requests({ callId: call.id })
        .map((r) => r.body as { action?: string; recording?: unknown })
        .find((body) => body.action === 'accept');
      expect(accept).toBeDefined();
      expect(accept?.recording).toBeUndefined();

      // the notice: the customer hears speech while the agent says nothing
      await waitUntil(
        'the customer hears the recording notice',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );
      agentLeg.play();
      const playedAt = Date.now();
      await waitUntil('the customer hears the agent', () => call.stats().audioLevel > HEARD);
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      await call.hangUp();
      const callSeconds = (Date.now() - acceptedAt) / 1000;

      const media = stack().app.repos.callMedia;
      await waitUntil(
        'the recording is kept',
        async () => (await media.getForCall(ws.id, callId, 'recording'))?.status === 'stored',
        MEDIA_WAIT_MS,
      );
      const row = await media.getForCall(ws.id, callId, 'recording');
      expect(row).toMatchObject({ mimeType: 'audio/wav', metaMediaId: null });
      const days = ((row?.expiresAt?.getTime() ?? 0) - acceptedAt) / 86_400_000;
      expect(days).toBeGreaterThan(29.9);
      expect(days).toBeLessThan(30.1);

      // served as any recording is, to whoever may open the call
      const res = await stack().request(
        await stack().signIn(agent.email),
        `/api/calls/${callId}/recording`,
      );
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^audio\/wav/);
      const wav = Buffer.from(await res.arrayBuffer());
      expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
      const pcm = wav.subarray(WAV_HEADER_BYTES);
      const seconds = pcm.length / 2 / RATE;
      // from Meta's accept to the hang-up, all of it (the recording starts at the accept, a
      // moment before this test's clock did: the stand-in was still connecting)
      expect(seconds).toBeGreaterThan(callSeconds - 1.5);
      expect(seconds).toBeLessThan(callSeconds + 5);
      // two seconds of the conversation, well clear of the hang-up (the customer's audio stops
      // before the recording does): both voices in the mix, a third tone nowhere. The file
      // starts at the accept, up to a few seconds before this test's clock did, so the window
      // starts 2 s after the agent began, as measured by that clock
      const from = Math.round(((playedAt - acceptedAt) / 1000 + 2) * RATE) * 2;
      const talk = pcm.subarray(from, from + 2 * RATE * 2);
      expect(talk.length).toBe(2 * RATE * 2);
      const customer = toneLevel(talk, CUSTOMER_HZ);
      const agentVoice = toneLevel(talk, AGENT_HZ);
      const neither = toneLevel(talk, 1_000);
      process.stderr.write(
        `recording: 440 Hz ${customer.toFixed(3)}, 660 Hz ${agentVoice.toFixed(3)}, 1 kHz ${neither.toFixed(4)}\n`,
      );
      // each voice stands well clear of a tone nobody played (a stand-in late on a busy box
      // sends less, so the bar is relative, over a floor)
      expect(customer).toBeGreaterThan(Math.max(0.01, 5 * neither));
      expect(agentVoice).toBeGreaterThan(Math.max(0.01, 5 * neither));
    },
    CALL_TIMEOUT_MS,
  );

  it('records nothing for a line that does not record its calls', async () => {
    const ws = await stack().workspace();
    const { call, callId } = await answerAnchoredCall(stack(), ws, peer(AGENT_HZ));
    await call.hangUp();
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(
      await stack().app.repos.callMedia.getForCall(ws.id, callId, 'recording'),
    ).toBeUndefined();
  });
});
