import type { AgentConsole } from '../support/agent-console';
import { callerIdentity } from '../support/calls';
import { eventually } from '../support/poll';
import { readAcceptTimings } from '../support/rtc-probe';
import type { E2eStack } from '../support/stack';

/**
 * One call through the whole product, timed in the page: a customer calls, the agent clicks
 * Accept, and the probe measures from the click event to the first inbound audio packet. Then
 * the agent hangs up and saves the wrap-up, ready for the next call.
 *
 * @example
 * const ms = await timeConsoleAccept(stack, alex, 'Bench Caller 1');
 * const withoutIpv6 = await timeConsoleAccept(stack, alex, 'Bench Caller 2', { ipv6Candidate: false });
 */
export async function timeConsoleAccept(
  stack: E2eStack,
  agent: AgentConsole,
  callerName: string,
  offer: { ipv6Candidate?: boolean } = {},
): Promise<number> {
  const call = await stack.placeCall('whatsapp', callerName, offer);
  await agent.waitForRinging(callerIdentity(call));
  const before = (await readAcceptTimings(agent.page)).length;
  await agent.button('Accept').click();
  const timings = await eventually(
    () => readAcceptTimings(agent.page),
    (list) => list[before]?.firstPacketAt != null,
    { timeoutMs: 20_000, intervalMs: 20 },
  );
  await agent.button('Hang up').click();
  await call.waitFor('ended');
  await agent.button('Save').click();
  await agent.button('Save').waitFor({ state: 'hidden' });
  const timing = timings[before];
  if (timing?.firstPacketAt == null) throw new Error('no audio reached the console in 20 s');
  return timing.firstPacketAt - timing.startedAt;
}
