import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { dialedCall, dialFromConsole } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { expectAudioBothWays } from './support/calls';

// the customer taps "allow" about a second after the permission request reaches them
const world = useE2e({ sim: { permissionReply: { response: 'accept', delayMs: 1_000 } } });
const shots = screenshots('permission-granted');

// a customer who has not allowed the business to call them yet
const CUSTOMER = '447700900790';

describe('a customer allows calls after the agent asked', () => {
  it('tells the agent at once; Call now fills New call, Call places it, and it connects with audio both ways', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    stack.sim.setCallee(CUSTOMER, { answer: 'accept', pickupDelayMs: 1_500, name: 'Priya Patel' });

    await dialFromConsole(alex, 'whatsapp', '+44 7700 900790');
    const asked = alex.page.getByRole('alert').filter({ hasText: 'permission' });
    await asked.waitFor();
    expect(await asked.innerText()).toContain('Asked for permission to call');
    expect(stack.sim.requests({ action: 'connect' })).toEqual([]);

    // the customer allows calls: the agent reads who, and from which line, without retrying
    const notice = alex.page.getByRole('status').filter({ hasText: 'allowed calls' });
    await notice.waitFor();
    const said = await notice.innerText();
    expect(said).toContain('Priya Patel');
    expect(said.replace(/\D/g, '')).toContain(CUSTOMER);
    expect(said).toContain(`allowed calls from WhatsApp · ${stack.whatsapp.displayNumber}`);
    await shots.take(alex.page, 'permission-granted');

    // Call now only fills in New call: nothing is dialled until the agent presses Call
    await notice.getByRole('button', { name: 'Call now', exact: true }).click();
    await notice.waitFor({ state: 'detached' });
    const field = alex.page.getByLabel('Phone number', { exact: true });
    expect(await field.inputValue()).toBe(`+${CUSTOMER}`);
    expect(stack.sim.requests({ action: 'connect' })).toEqual([]);
    // the stale "asked for permission" alert went with it
    expect(await asked.count()).toBe(0);
    await alex.page.getByRole('button', { name: 'Call', exact: true }).click();

    const call = await dialedCall(stack, CUSTOMER);
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    await alex.button('Hang up').waitFor();

    // the customer hears the agent, and the agent hears the customer
    await expectAudioBothWays(call, alex);
    await alex.page.getByText('Connected', { exact: true }).waitFor();
    await shots.take(alex.page, 'connected');

    await alex.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
    expect(call.snapshot().reason).toBe('business-terminated');
  });
});
