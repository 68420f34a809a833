import type { CallHandle } from '@ringside/meta-sim';
import type { AgentConsole } from './agent-console';
import { eventually } from './poll';
import type { E2eStack } from './stack';

/** the New call form's accessible names (the field's label follows the channel) */
const FIELD_LABEL = { whatsapp: 'Phone number', messenger: 'Messenger user (PSID)' } as const;
const CHANNEL_NAME = { whatsapp: 'WhatsApp', messenger: 'Messenger' } as const;

/**
 * Places a call from the agent's New call form, as an agent would: picks the channel when the
 * form offers a choice, types the number or PSID, clicks Call.
 *
 * @example
 * await dialFromConsole(alex, 'whatsapp', '+44 7700 900456');
 */
export async function dialFromConsole(
  agent: AgentConsole,
  channel: 'whatsapp' | 'messenger',
  to: string,
): Promise<void> {
  const page = agent.page;
  await page.getByRole('heading', { name: 'New call', exact: true }).waitFor();
  const from = page.getByLabel('Call from', { exact: true });
  if ((await from.count()) > 0) {
    const option = from.locator('option').filter({ hasText: CHANNEL_NAME[channel] }).first();
    const value = await option.getAttribute('value');
    if (value === null) throw new Error(`the New call form offers no ${channel} channel`);
    await from.selectOption(value);
  } else {
    // one channel only: the form names it instead of offering a choice
    const only = await page.getByText(/^Calling from /).innerText();
    if (!only.includes(CHANNEL_NAME[channel])) {
      throw new Error(`the agent can only call from another channel: "${only}"`);
    }
  }
  await page.getByLabel(FIELD_LABEL[channel], { exact: true }).fill(to);
  await agent.page.getByRole('button', { name: 'Call', exact: true }).click();
}

/**
 * The simulator's side of the call the console placed: waits for Meta's `connect` to have
 * been answered and returns the callee's handle.
 *
 * @example
 * const call = await dialedCall(stack, '447700900456');
 * await call.waitFor('accepted');
 */
export async function dialedCall(stack: E2eStack, userId: string): Promise<CallHandle> {
  const connects = await eventually(
    () => stack.sim.requests({ action: 'connect', ok: true }),
    (found) => found.some((r) => isTo(r.body, userId)),
  );
  const connect = connects.find((r) => isTo(r.body, userId));
  const call = connect?.callId ? stack.sim.call(connect.callId) : undefined;
  if (!call) {
    const seen = stack.sim.requests({ action: 'connect' }).map((r) => `${r.status} ${r.callId}`);
    throw new Error(`no connect to ${userId} was answered (connects seen: ${seen.join(', ')})`);
  }
  return call;
}

/** the connect names the user: a phone number in `to`, a business-scoped user id in `recipient` */
function isTo(body: unknown, userId: string): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const { to, recipient } = body as { to?: unknown; recipient?: unknown };
  return to === userId || recipient === userId;
}

/**
 * Turns on the simulated number's call-back permission (`callback_permission_status`), as an
 * admin would in Meta's settings: whoever calls the number may then be called back.
 *
 * @example
 * await allowCallBacks(stack);
 */
export async function allowCallBacks(stack: E2eStack): Promise<void> {
  const { number } = stack.whatsapp;
  const res = await fetch(
    `${stack.simUrl}/${stack.sim.graphVersion}/${number.phoneNumberId}/settings`,
    {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${number.accessToken}`,
      },
      body: JSON.stringify({ calling: { callback_permission_status: 'ENABLED' } }),
    },
  );
  if (res.status !== 200) throw new Error(`the simulator refused the setting: ${res.status}`);
}
