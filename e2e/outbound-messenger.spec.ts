import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { dialedCall, dialFromConsole } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { expectAudioBothWays } from './support/calls';

const world = useE2e();
const shots = screenshots('outbound-messenger');

// a page-scoped id, 16 digits as Meta's are
const CUSTOMER = '6124509938127745';

describe('Messenger outbound call', () => {
  it('calls a Messenger user who allowed calls, with audio both ways', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    stack.sim.setPermission({ channel: 'messenger', userId: CUSTOMER, status: 'temporary' });
    stack.sim.setCallee(CUSTOMER, { answer: 'accept', pickupDelayMs: 2_000 });

    await dialFromConsole(alex, 'messenger', CUSTOMER);
    await alex.page.getByRole('heading', { name: CUSTOMER }).waitFor();
    expect(await alex.text()).toContain(stack.messenger.page.name);

    // our offer went out with connect; Meta's answer came back in its reply
    const call = await dialedCall(stack, CUSTOMER);
    const [connect] = stack.sim.requests({ action: 'connect', callId: call.id });
    expect(connect?.body).toMatchObject({ to: CUSTOMER, session: { sdp_type: 'offer' } });
    await call.waitFor('accepted', { timeoutMs: 15_000 });

    // audio both ways, measured at each far end
    await expectAudioBothWays(call, alex);
    await alex.page.getByRole('timer', { name: 'Call duration' }).waitFor();
    await shots.take(alex.page, 'connected');

    // the customer hangs up: the agent gets the wrap-up saying so
    await call.hangUp();
    await alex.button('Save').waitFor();
    expect(await alex.text()).toContain('The customer hung up.');
  });
});
