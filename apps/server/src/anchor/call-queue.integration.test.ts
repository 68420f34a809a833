import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HEARD, SILENT } from '@ringside/anchor/testing';
import type { CallbacksReply } from '@ringside/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import { placeInQueue } from '../calls/place-in-queue';
import { useJanusStack, writeSilence } from '../testing/anchored-calls';
import { command, nextEvent, waitUntil, type TestWorkspace } from '../testing/test-stack';
import { toneLevel } from '../testing/tone-level';

// the queue of an anchored line (issue #15 items 3 and 4): with nobody free the media engine
// answers, the caller hears a greeting and their place, the next agent to come free gets them;
// nobody within the queue limit, and the caller leaves a voicemail for the callback worklist

const CALL_TIMEOUT_MS = 90_000;
const MEDIA_WAIT_MS = 20_000;
const AGENT_HZ = 660;
const CUSTOMER_HZ = 440;
const WAV_HEADER_BYTES = 44;
const RATE = 48_000;

const folder = mkdtempSync(join(tmpdir(), 'ringside-queue-test-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
// silent music: whatever the caller hears in the queue is a prompt or a voice
const silentMusic = writeSilence(folder);

const { stack, peer } = useJanusStack('janus-queue', {
  anchorHoldMusic: async () => silentMusic,
});

/** the workspace's WhatsApp line anchored and queueing, nobody signed in to answer it */
async function queueingLine(queueLimitSec = 120): Promise<TestWorkspace> {
  const ws = await stack().workspace();
  await stack().app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, {
    mediaMode: 'anchored',
    whenNobodyAvailable: 'queue',
    queueLimitSec,
  });
  return ws;
}

/** a caller the engine answered: Meta accepted with the engine's SDP */
async function queuedCaller(ws: TestWorkspace, name: string) {
  const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId, name });
  await call.waitFor('accepted');
  const row = await stack().app.repos.calls.getCallByMetaId(ws.id, call.id);
  if (!row) throw new Error('the queued call is not stored');
  return { call, row };
}

describe('the queue of an anchored line', () => {
  it(
    'answers with nobody free: greeting and place to the caller, then the next agent to come free talks with them',
    async () => {
      const ws = await queueingLine();
      const { call, row } = await queuedCaller(ws, 'Rahul');
      expect(row.model).toMatchObject({ state: 'ringing', waiting: 'queued' });
      // the engine's answer went to Meta, once each
      const actions = () =>
        stack()
          .sim.requests({ callId: call.id })
          .map((r) => (r.body as { action?: string }).action);
      expect(actions()).toEqual(['pre_accept', 'accept']);
      await waitUntil(
        'the caller hears the greeting',
        () => call.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );

      // a second caller is behind the first
      const second = await queuedCaller(ws, 'Meera');
      const channel = { id: ws.whatsappChannelId, workspaceId: ws.id };
      expect(await placeInQueue(stack().app.repos, channel, row.id)).toBe(1);
      expect(await placeInQueue(stack().app.repos, channel, second.row.id)).toBe(2);

      // Asha comes free: she is rung with the call, answers, and the greeting stops
      const asha = await ws.addUser('agent', 'Asha');
      const socket = await stack().connect(asha.email);
      const ringing = nextEvent(socket, 'call:ringing');
      expect((await command(socket, 'agent:set-status', { status: 'available' })).ok).toBe(true);
      const ring = await ringing;
      // the caller who waited longest, and only them
      expect(ring.callId).toBe(row.id);
      const behind = await stack().app.repos.calls.getCall(ws.id, second.row.id);
      expect(behind?.call.model).toMatchObject({ state: 'ringing', agentsOffered: [] });
      // her card says the caller is in the queue, and rings until the queue limit
      expect(ring.waiting).toBe('queued');
      const first = call;
      const claimed = await command(socket, 'call:accept', { callId: ring.callId });
      expect(claimed.ok).toBe(true);
      const leg = peer(AGENT_HZ);
      const answered = await command(socket, 'call:answer', {
        callId: ring.callId,
        sdp: await leg.answer(ring.sdpOffer ?? ''),
      });
      expect(answered.ok).toBe(true);
      await leg.connected();
      await waitUntil(
        'the caller no longer hears the queue (the agent is silent)',
        () => first.stats().audioLevel < SILENT,
        MEDIA_WAIT_MS,
      );
      leg.play();
      await waitUntil(
        'the caller hears Asha',
        () => first.stats().audioLevel > HEARD,
        MEDIA_WAIT_MS,
      );
      await waitUntil('Asha hears the caller', () => leg.level() > HEARD, MEDIA_WAIT_MS);
      const live = await stack().app.repos.calls.getCall(ws.id, ring.callId);
      expect(live?.call).toMatchObject({ state: 'active', agentId: asha.id });
      // no second accept for the agent: Meta accepted the engine's answer already
      expect(
        stack()
          .sim.requests({ callId: first.id })
          .filter((r) => (r.body as { action?: string }).action === 'accept'),
      ).toHaveLength(1);
      // the other caller moved up
      expect(await placeInQueue(stack().app.repos, channel, second.row.id)).toBe(1);

      await first.hangUp();
      await second.call.hangUp();
      await waitUntil('the answered call ends completed', async () => {
        const ended = await stack().app.repos.calls.getCall(ws.id, ring.callId);
        return ended?.call.state === 'ended' && ended.call.outcome === 'completed';
      });
    },
    CALL_TIMEOUT_MS,
  );

  it(
    'takes a voicemail after the queue limit: the greeting, the caller’s message recorded and kept for the callback worklist',
    async () => {
      // shorter than an admin may set (10 s): the repository takes it, and the test waits less
      const ws = await queueingLine(3);
      const { call, row } = await queuedCaller(ws, 'Rahul');
      // the queue limit passes with nobody free
      await waitUntil(
        'the call goes to voicemail',
        async () => {
          const now = await stack().app.repos.calls.getCallByMetaId(ws.id, call.id);
          return now?.model.state === 'ringing' && now.model.waiting === 'voicemail';
        },
        20_000,
      );
      // the greeting (8.9 s, ending in the tone), then a few seconds of the caller's message
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      // the engine keeps sending while the caller speaks to nobody (Meta drops a call after
      // 30 s without media): the mixer's silence still reaches them
      const before = call.stats().packetsReceived;
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const sent = call.stats().packetsReceived - before;
      process.stderr.write(`voicemail: the caller got ${sent} packets in 3 s of their message\n`);
      expect(sent).toBeGreaterThan(100);
      await call.hangUp();

      const media = stack().app.repos.callMedia;
      await waitUntil(
        'the voicemail is kept',
        async () => (await media.getForCall(ws.id, row.id, 'voicemail'))?.status === 'stored',
        MEDIA_WAIT_MS,
      );
      const ended = await stack().app.repos.calls.getCall(ws.id, row.id);
      expect(ended?.call).toMatchObject({ state: 'ended', outcome: 'missed' });
      // the caller hung up: we sent Meta no terminate of our own
      expect(
        stack()
          .sim.requests({ callId: call.id })
          .map((r) => (r.body as { action?: string }).action),
      ).toEqual(['pre_accept', 'accept']);

      // on the callback worklist with its voicemail, which plays the caller's voice
      const agent = await ws.agent('Asha');
      const cookie = await stack().signIn(agent.email);
      const list = (await (
        await stack().request(cookie, '/api/callbacks')
      ).json()) as CallbacksReply;
      expect(list.items).toEqual([expect.objectContaining({ callId: row.id, voicemail: true })]);
      const res = await stack().request(cookie, `/api/calls/${row.id}/voicemail`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^audio\/wav/);
      const pcm = Buffer.from(await res.arrayBuffer()).subarray(WAV_HEADER_BYTES);
      const seconds = pcm.length / 2 / RATE;
      // recorded from the tone to the hang-up, not the greeting before it
      expect(seconds).toBeGreaterThan(1.5);
      expect(seconds).toBeLessThan(8);
      const voice = toneLevel(pcm.subarray(0, Math.min(pcm.length, 2 * RATE * 2)), CUSTOMER_HZ);
      const none = toneLevel(pcm.subarray(0, Math.min(pcm.length, 2 * RATE * 2)), 1_000);
      process.stderr.write(
        `voicemail: ${seconds.toFixed(1)} s, 440 Hz ${voice.toFixed(3)}, 1 kHz ${none.toFixed(4)}\n`,
      );
      expect(voice).toBeGreaterThan(Math.max(0.01, 5 * none));
    },
    CALL_TIMEOUT_MS,
  );
});
