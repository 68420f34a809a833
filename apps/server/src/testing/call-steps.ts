import type { CallEvent } from '@ringside/calls';
import { expect } from 'vitest';
import { createCallEngine } from '../calls/call-engine';
import { createLogger } from '../ops/logger';
import { businessAnswerFor } from './business-sdp';
import { command, nextEvent, type Stack, type TestWorkspace } from './test-stack';

/**
 * Steps of an inbound WhatsApp call that many tests take before the part they test: one agent
 * rung, the call claimed, then live; and a decision committed by a server that dies before its
 * effects run.
 *
 * @example
 * const { agent, customer, ring } = await claimedCall(stack(), ws);
 * await decideAndDie(stack(), ws, { kind: 'agent.answer-sent', callId: customer.id, agentId: agent.id, occurredAt: Date.now() }, answer);
 */

/** a new available agent, and a customer calling `ws`'s number that rings them */
export async function ringOneAgent(stack: Stack, ws: TestWorkspace) {
  const agent = await ws.agent();
  const ringing = nextEvent(agent.socket, 'call:ringing');
  const customer = await stack.sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
  const ring = await ringing;
  return { agent, customer, ring };
}

/** …claimed by that agent, with the answer their browser would make */
export async function claimedCall(stack: Stack, ws: TestWorkspace) {
  const rung = await ringOneAgent(stack, ws);
  const claim = await command(rung.agent.socket, 'call:accept', { callId: rung.ring.callId });
  expect(claim).toEqual({ ok: true });
  return { ...rung, answer: businessAnswerFor(rung.ring.sdpOffer ?? '') };
}

/** …answered: Meta accepted it and the customer is on the line */
export async function liveCall(stack: Stack, ws: TestWorkspace) {
  const claimed = await claimedCall(stack, ws);
  const { agent, ring, answer, customer } = claimed;
  const ack = await command(agent.socket, 'call:answer', { callId: ring.callId, sdp: answer });
  expect(ack).toEqual({ ok: true });
  await customer.waitFor('accepted');
  return { ...claimed, callId: ring.callId };
}

/**
 * Applies one event to the call and commits it as a server that dies right after its commit
 * would: what it decided is stored, none of its effects ran (nothing reached Meta or a console).
 */
export async function decideAndDie(
  stack: Stack,
  ws: TestWorkspace,
  event: CallEvent,
  sdp?: string,
) {
  const { repos } = stack.app;
  const channel = await repos.channels.getChannel(ws.id, ws.whatsappChannelId);
  if (!channel) throw new Error('no channel');
  const engine = createCallEngine({ repos, logger: createLogger('silent') });
  return engine.apply(channel, event, sdp === undefined ? {} : { sdp });
}

/** the Graph call actions (`pre_accept`, `accept`, `reject`…) Meta got for `ws`'s number */
export function actionsSent(stack: Stack, ws: TestWorkspace): { action: string; sdp?: string }[] {
  return stack.sim
    .requests()
    .filter((r) => r.method === 'POST' && r.path.includes(ws.phoneNumberId))
    .map((r) => r.body as { action: string; session?: { sdp: string } })
    .map((b) => (b.session ? { action: b.action, sdp: b.session.sdp } : { action: b.action }));
}
