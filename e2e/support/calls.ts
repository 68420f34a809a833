import type { CallHandle } from '@ringside/meta-sim';
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
