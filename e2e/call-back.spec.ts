import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { allowCallBacks, dialedCall } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { expectAudioBothWays } from './support/calls';

const world = useE2e();
const shots = screenshots('call-back');

// a number from the UK's range for fiction; Meta's wa_id is its digits
const CUSTOMER = { name: 'Omar Otieno', from: '447700900987' } as const;

describe('call back a missed caller', () => {
  it('from History, a missed WhatsApp caller is called back on the line they called, audio both ways', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const page = alex.page;

    // the number asks callers for call-back permission, so whoever calls may be called back
    await allowCallBacks(stack);

    // the customer calls and gives up while it rings: nobody answered, a missed call
    const missed = await stack.placeCall('whatsapp', CUSTOMER.name, { from: CUSTOMER.from });
    await alex.waitForRinging(CUSTOMER.name);
    await missed.hangUp();
    // the ringing card goes (the notice that the customer now allows calls back may stay)
    await page
      .getByRole('heading', { name: CUSTOMER.name })
      .waitFor({ state: 'hidden', timeout: 5_000 });
    // the call log is written as the terminate webhook is processed
    await stack.sim.webhooksSettled();
    await stack.app.processor.idle();

    // History, Missed only: the call nobody took is there for the agent of that line
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { name: 'Call history' }).waitFor();
    const filters = page.getByRole('search', { name: 'Call history' });
    await filters.getByRole('combobox', { name: 'Outcome', exact: true }).selectOption('missed');
    await filters.getByRole('button', { name: 'Search', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('outcome') === 'missed');
    const row = page.getByRole('listitem').filter({ hasText: CUSTOMER.name });
    await row.first().waitFor();
    expect(await row.first().innerText()).toContain('Missed');

    // its detail offers Call back, from the number the customer called
    await row.first().getByRole('button').click();
    const detail = page.getByRole('region', { name: CUSTOMER.name });
    const callBack = detail.getByRole('button', { name: 'Call back', exact: true });
    await callBack.waitFor();
    expect(await callBack.isEnabled()).toBe(true);
    expect(await detail.innerText()).toContain(`From WhatsApp · ${stack.whatsapp.displayNumber}`);
    await shots.take(page, 'missed-call');

    // Call back fills New call in the agent view, and waits for the agent to press Call
    await callBack.click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'New call', exact: true }).waitFor();
    const field = page.getByLabel('Phone number', { exact: true });
    expect(await field.inputValue()).toBe(`+${CUSTOMER.from}`);
    const from = page.getByLabel('Call from', { exact: true });
    expect(
      await from.evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.text ?? ''),
    ).toBe(`WhatsApp · ${stack.whatsapp.displayNumber}`);
    expect(stack.sim.requests({ action: 'connect' })).toEqual([]);
    await shots.take(page, 'filled-in');

    stack.sim.setCallee(CUSTOMER.from, { answer: 'accept', pickupDelayMs: 1_500 });
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    await page.getByRole('heading', { name: `+${CUSTOMER.from}` }).waitFor();

    // calling them was allowed: no permission request, the connect went to the caller's wa_id
    const call = await dialedCall(stack, CUSTOMER.from);
    expect(stack.sim.requests({ edge: 'messages' })).toEqual([]);
    await call.waitFor('accepted', { timeoutMs: 15_000 });

    // audio both ways, measured at each far end
    await expectAudioBothWays(call, alex);
    await page.getByRole('timer', { name: 'Call duration' }).waitFor();
    await shots.take(page, 'connected');

    await alex.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
    expect(call.snapshot().reason).toBe('business-terminated');
  });
});
