import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { allowCallBacks, dialedCall } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { openStaffConsole } from './support/staff';

const world = useE2e({ agents: ['Alex Agent'] });
const shots = screenshots('callback-worklist');
let sam: AgentConsole | undefined;
afterAll(async () => {
  await sam?.close().catch(() => undefined);
});

// a number from the UK's range for fiction; Meta's wa_id is its digits
const CUSTOMER = { name: 'Wanjiru Callback', from: '447700900246' } as const;

/** a counter of the board's "Today" section, as the supervisor reads it */
function counter(page: Page, term: string) {
  return page
    .getByRole('region', { name: 'Today' })
    .locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd');
}

describe('the callback worklist', () => {
  it('a missed caller appears in Callbacks; the agent claims, calls back and marks it done; the board counts it down', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const page = alex.page;
    await allowCallBacks(stack);
    sam = await openStaffConsole(world(), 'supervisor', 'Sam Supervisor', '/supervisor');
    await sam.page.getByRole('heading', { name: 'Supervisor board' }).waitFor();

    // the customer calls and gives up while it rings
    const missed = await stack.placeCall('whatsapp', CUSTOMER.name, { from: CUSTOMER.from });
    await alex.waitForRinging(CUSTOMER.name);
    await missed.hangUp();
    await stack.sim.webhooksSettled();
    await stack.app.processor.idle();

    // the worklist has its own page, a link away from the console
    await page.getByRole('link', { name: 'Callbacks', exact: true }).click();
    const panel = page.getByRole('region', { name: 'Callbacks' });
    const row = panel.getByRole('listitem').filter({ hasText: CUSTOMER.name });
    await row.waitFor({ timeout: 20_000 });
    expect(await row.innerText()).toContain('1 missed call');
    expect(await row.innerText()).toContain(stack.whatsapp.displayNumber);
    const waiting = await eventually(
      () => counter(sam!.page, 'Callbacks waiting').textContent(),
      (text) => text === '1',
    );
    expect(waiting).toBe('1');
    await shots.take(page, 'missed');

    // "I'll call back": the row is theirs, with Call back, Done and Release
    await row.getByRole('button', { name: "I'll call back", exact: true }).click();
    await row.getByText('You will call back').waitFor();
    // the customer allowed calls back when they called (the line asks callers): the row says so
    await row.getByText(/Allows calls until/).waitFor();
    await shots.take(page, 'claimed');
    await expectAccessible(page, 'callbacks');

    // Call back opens the console with New call filled in: the customer's number on that line;
    // they do not pick up
    await row.getByRole('button', { name: 'Call back', exact: true }).click();
    await page.getByRole('heading', { name: 'Agent console' }).waitFor({ state: 'attached' });
    const field = page.getByLabel('Phone number', { exact: true });
    await eventually(
      () => field.inputValue(),
      (value) => value === `+${CUSTOMER.from}`,
    );
    stack.sim.setCallee(CUSTOMER.from, { answer: 'reject', pickupDelayMs: 500 });
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    const call = await dialedCall(stack, CUSTOMER.from);
    await call.waitFor('ended', { timeoutMs: 15_000 });
    // calling them was allowed: no permission request went out
    expect(stack.sim.requests({ edge: 'messages' })).toEqual([]);

    // still to do (they did not get through): back on Callbacks, the agent marks it done
    await page.getByRole('link', { name: 'Callbacks', exact: true }).click();
    const done = row.getByRole('button', { name: 'Done', exact: true });
    await done.waitFor({ timeout: 10_000 });
    await eventually(
      () => done.isEnabled(),
      (enabled) => enabled,
    );
    await done.click();
    await row.waitFor({ state: 'hidden', timeout: 5_000 });
    await panel.getByText('Nobody to call back.').waitFor();
    const after = await eventually(
      () => counter(sam!.page, 'Callbacks waiting').textContent(),
      (text) => text === '0',
    );
    expect(after).toBe('0');
    await shots.take(sam.page, 'board');
  });
});
