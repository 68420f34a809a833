import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { dialedCall, dialFromConsole } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { expectAudioBothWays } from './support/calls';

const world = useE2e();
const shots = screenshots('outbound-whatsapp');

// a number from the UK's range for fiction; Meta's wa_id is its digits
const CUSTOMER = '447700900456';

describe('WhatsApp outbound call', () => {
  it('calls a customer who allowed calls: it rings, connects with audio both ways, and ends', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    stack.sim.setPermission({ channel: 'whatsapp', userId: CUSTOMER, status: 'temporary' });
    stack.sim.setCallee(CUSTOMER, { answer: 'accept', pickupDelayMs: 3_000, name: 'Olivia Ode' });

    await dialFromConsole(alex, 'whatsapp', '+44 7700 900456');
    // the card says whom the agent calls and that it is not connected yet
    await alex.page.getByRole('heading', { name: `+${CUSTOMER}` }).waitFor();
    await alex.page.getByText(/^(Calling|Ringing)…$/).waitFor();
    await alex.button('Hang up').waitFor();
    await shots.take(alex.page, 'calling');

    // meta got our offer, with the microphone in it, and the callee's phone rings
    const call = await dialedCall(stack, CUSTOMER);
    const [connect] = stack.sim.requests({ action: 'connect', callId: call.id });
    expect(connect?.body).toMatchObject({ to: CUSTOMER, session: { sdp_type: 'offer' } });
    expect(String((connect?.body as { session: { sdp: string } }).session.sdp)).toContain(
      'a=sendrecv',
    );
    await call.waitFor('accepted', { timeoutMs: 15_000 });

    // audio both ways, measured at each far end
    await expectAudioBothWays(call, alex);

    // connected: the timer runs and the in-call controls work
    await alex.page.getByRole('timer', { name: 'Call duration' }).waitFor();
    await alex.page.getByText('Connected', { exact: true }).waitFor();
    expect(await alex.button('Mute').isEnabled()).toBe(true);
    await shots.take(alex.page, 'connected');

    await alex.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
    expect(call.snapshot().reason).toBe('business-terminated');
    const terminates = await eventually(
      () => stack.sim.requests({ callId: call.id, action: 'terminate', ok: true }),
      (found) => found.length > 0,
    );
    expect(terminates).toHaveLength(1);

    // the same after-call work as an answered call, then the call log shows it
    await alex.button('Save').waitFor();
    await alex.button('Save').click();
    await alex.button('Save').waitFor({ state: 'hidden' });
    const row = alex.page.getByRole('listitem').filter({ hasText: CUSTOMER });
    const history = await eventually(
      async () => {
        await alex.page.goto(`${stack.url}/history`);
        await alex.page.getByRole('heading', { name: 'Call history' }).waitFor();
        await row.first().or(alex.page.getByText('No calls match.')).waitFor();
        return (await row.count()) > 0 ? row.first().innerText() : '';
      },
      (text) => text.includes('Completed'),
    );
    expect(history).toContain('Completed');
    expect(history).toContain('Outbound');
    await shots.take(alex.page, 'history');
  });
});
