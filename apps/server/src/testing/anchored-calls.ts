import type { TonePeer } from '@ringside/anchor/testing';
import type { CallHandle } from '@ringside/meta-sim';
import { command, nextEvent, type Stack, type TestWorkspace } from './test-stack';

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
