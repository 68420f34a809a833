import type { CallHandle } from '@ringside/meta-sim';
import { expect } from 'vitest';
import type { AgentConsole } from './agent-console';
import { eventually } from './poll';
import type { E2eStack } from './stack';

/**
 * The text an incoming call card shows for this caller: the WhatsApp profile name, or (Messenger
 * webhooks carry no name) the last digits of the caller's PSID.
 *
 * @example
 * await alex.waitForRinging(callerIdentity(call));
 */
export function callerIdentity(call: CallHandle): string {
  const { userName, userId } = call.snapshot();
  return call.channel === 'whatsapp' ? userName : userId.slice(-4);
}

/**
 * A customer calls, the agent accepts in the console, and the call is live with audio reaching
 * the caller: the starting point of every in-call spec. Throws (with what was seen) when audio
 * never arrives, so a spec fails at the step that broke.
 *
 * @example
 * const call = await answeredCall(stack, alex, 'whatsapp', 'Maya Caller');
 */
export async function answeredCall(
  stack: E2eStack,
  agent: AgentConsole,
  channel: 'whatsapp' | 'messenger',
  callerName: string,
): Promise<CallHandle> {
  const call = await stack.placeCall(channel, callerName);
  await agent.acceptCallFrom(callerIdentity(call));
  await call.waitFor('accepted', { timeoutMs: 15_000 });
  const stats = await eventually(
    () => call.stats(),
    (s) => s.packetsReceived > 25,
  );
  if (stats.packetsReceived <= 25) {
    throw new Error(`the caller received ${stats.packetsReceived} audio packets after accept`);
  }
  return call;
}

/**
 * Audio flows both ways on a live call, measured at each far end: the simulated customer receives
 * packets with a real level (they hear the agent), and the agent's browser receives packets that
 * play out with energy (the agent hears them) over a connected peer connection.
 *
 * @example
 * await call.waitFor('accepted', { timeoutMs: 15_000 });
 * await expectAudioBothWays(call, alex);
 */
export async function expectAudioBothWays(call: CallHandle, agent: AgentConsole): Promise<void> {
  const heard = await eventually(
    () => call.stats(),
    (s) => s.packetsReceived > 100 && s.peakAudioLevel > 0.05,
  );
  expect(heard.packetsReceived).toBeGreaterThan(100);
  expect(heard.peakAudioLevel).toBeGreaterThan(0.05);

  const received = await eventually(
    () => agent.audio(),
    (a) => a.packetsReceived > 100 && a.totalAudioEnergy > 0,
  );
  expect(received.connectionState).toBe('connected');
  expect(received.packetsReceived).toBeGreaterThan(100);
  expect(received.totalAudioEnergy).toBeGreaterThan(0);
}
