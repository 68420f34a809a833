import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EnginePool, JanusProcess } from '@ringside/anchor';
import { FRAME_SAMPLES, OpusCodec, writeOggOpus } from '@ringside/meta-sim';
import { mediaHost, TonePeer } from '@ringside/anchor/testing';
import type { CallHandle } from '@ringside/meta-sim';
import { afterAll, afterEach } from 'vitest';
import {
  command,
  nextEvent,
  useStack,
  type Stack,
  type StackOptions,
  type TestWorkspace,
} from './test-stack';

/** an anchored call in progress, as {@link answerAnchoredCall} leaves it */
export interface AnsweredAnchoredCall {
  agent: Awaited<ReturnType<TestWorkspace['agent']>>;
  call: CallHandle;
  callId: string;
  /** the engine's offer the agent was rung with */
  offer: string;
  /** the agent's stand-in browser's answer to it */
  answer: string;
}

/**
 * The workspace's WhatsApp line anchored, a customer calling it, a new agent claiming the call
 * and answering the engine's offer with `browser` (a werift stand-in): resolves once Meta
 * accepted and the stand-in connected. Refusals along the way throw with the server's words.
 *
 * @example
 * const browser = new TonePeer({ host, frequencyHz: 660, shape: 'browser' });
 * const { call, callId } = await answerAnchoredCall(stack(), ws, browser);
 */
export async function answerAnchoredCall(
  stack: Stack,
  ws: TestWorkspace,
  browser: TonePeer,
  caller: { name?: string } = {},
): Promise<AnsweredAnchoredCall> {
  await stack.app.repos.channels.updateChannel(ws.id, ws.whatsappChannelId, {
    mediaMode: 'anchored',
  });
  const agent = await ws.agent('Asha');
  const ringing = nextEvent(agent.socket, 'call:ringing');
  const call = await stack.sim.placeCall({
    channel: 'whatsapp',
    to: ws.phoneNumberId,
    ...(caller.name ? { name: caller.name } : {}),
  });
  const ring = await ringing;
  const offer = ring.sdpOffer ?? '';
  const claimed = await command(agent.socket, 'call:accept', { callId: ring.callId });
  if (!claimed.ok) throw new Error(`claim refused: ${claimed.error.message}`);
  const answer = await browser.answer(offer);
  const answered = await command(agent.socket, 'call:answer', { callId: ring.callId, sdp: answer });
  if (!answered.ok) throw new Error(`answer refused: ${answered.error.message}`);
  await call.waitFor('accepted');
  await browser.connected();
  return { agent, call, callId: ring.callId, offer, answer };
}

/** a test stack whose calls can be anchored on one real Janus engine, and werift stand-ins */
export interface JanusStack {
  stack: () => Stack;
  /** the engine pool the server uses (its one engine) */
  pool: () => EnginePool;
  /** a browser-shaped werift stand-in playing `frequencyHz` on demand; closed after each test */
  peer(frequencyHz: number): TonePeer;
}

/**
 * {@link useStack} with one Janus engine started for the file (media on this machine's own
 * address: Janus carries none on loopback), the simulator's customers playing a tone, and
 * stand-in peers closed after every test.
 *
 * @example
 * const { stack, pool, peer } = useJanusStack('janus-listen');
 * const { call } = await answerAnchoredCall(stack(), ws, peer(660));
 */
export function useJanusStack(engineName: string, options: StackOptions = {}): JanusStack {
  const host = mediaHost();
  let engine: JanusProcess | undefined;
  let pool: EnginePool | undefined;
  const peers: TonePeer[] = [];
  afterAll(async () => {
    await pool?.close();
    await engine?.stop();
  });
  const stack = useStack(async () => {
    engine = await JanusProcess.start({ iceEnforceList: host });
    pool = await EnginePool.open([{ name: engineName, url: engine.url }]);
    return { ...options, anchor: pool, sim: { callerMedia: { host, source: 'tone' } } };
  });
  afterEach(async () => {
    for (const peer of peers.splice(0)) await peer.close();
  });
  return {
    stack,
    pool: () => pool ?? fail('the engine pool did not open'),
    peer(frequencyHz) {
      const made = new TonePeer({ host, frequencyHz, shape: 'browser' });
      peers.push(made);
      return made;
    },
  };
}

/**
 * Two seconds of silence as Ogg Opus in `folder`, for hold music: with it, anything the customer
 * hears is a voice or a prompt
 *
 * @example
 * const silent = writeSilence(folder); // …/silent.opus
 */
export function writeSilence(folder: string): string {
  const path = join(folder, 'silent.opus');
  const codec = new OpusCodec();
  const packets = Array.from({ length: 100 }, () =>
    codec.encode(new Int16Array(FRAME_SAMPLES * 2)),
  );
  codec.close();
  writeFileSync(path, writeOggOpus(packets, { channels: 2, serial: 7 }));
  return path;
}

function fail(message: string): never {
  throw new Error(message);
}
