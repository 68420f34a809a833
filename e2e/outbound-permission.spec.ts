import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { dialFromConsole } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';

const world = useE2e();
const shots = screenshots('outbound-permission');

// a customer who never allowed the business to call them
const CUSTOMER = '447700900789';

describe('WhatsApp outbound call without permission', () => {
  it('asks the customer for permission instead, tells the agent, and places no call', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();

    await dialFromConsole(alex, 'whatsapp', '+447700900789');
    const alert = alex.page.getByRole('alert').filter({ hasText: 'permission' });
    await alert.waitFor();
    const said = await alert.innerText();
    expect(said).toContain('Asked for permission to call');
    expect(said.replace(/\D/g, '')).toContain(CUSTOMER);
    await shots.take(alex.page, 'permission-requested');

    // meta was sent a permission request for this customer, and no call: they never wrote or
    // called, so it is the number's approved template (WhatsApp's 24-hour window)
    const requests = await eventually(
      () => stack.sim.requests({ edge: 'messages', ok: true }),
      (found) => found.length > 0,
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]?.body).toMatchObject({
      to: CUSTOMER,
      type: 'template',
      template: { name: 'call_permission_request', language: { code: 'en' } },
    });
    expect(stack.sim.requests({ action: 'connect' })).toEqual([]);
    expect(stack.sim.calls()).toEqual([]);

    // the agent is free again: no call card, Call can be pressed, still Available
    expect(await alex.button('Hang up').count()).toBe(0);
    expect(await alex.page.getByRole('button', { name: 'Call', exact: true }).isEnabled()).toBe(
      true,
    );
    await alex.statusSelected('Available').first().waitFor();
  });
});
