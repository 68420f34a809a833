import { describe, expect, it } from 'vitest';
import { answeredCall, expectAudioBothWays } from './support/calls';
import { dialedCall, dialFromConsole } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { readSelectedPath } from './support/rtc-probe';

// TURN over TLS (`turns:`), the transport that passes firewalls allowing only HTTPS-like
// traffic. The relay's certificate is a throwaway self-signed one that this spec's Chromium is
// told to accept; Chromium refuses it otherwise, so a deployment's relay needs a real one.
const world = useE2e({ relayOnly: 'tls' });

describe('relay-only over TURN/TLS', () => {
  it('answers a WhatsApp call and places a Messenger call, audio both ways through the relay', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const inbound = await answeredCall(stack, alex, 'whatsapp', 'Tomas Tls');
    await expectAudioBothWays(inbound, alex);
    const path = await eventually(
      () => readSelectedPath(alex.page),
      (p) => p.candidateType !== null,
    );
    expect(path).toMatchObject({ candidateType: 'relay', relayProtocol: 'tls' });
    await alex.button('Hang up').click();
    await alex.button('Save').click();

    const customer = '6124509938120622';
    stack.sim.setPermission({ channel: 'messenger', userId: customer, status: 'temporary' });
    stack.sim.setCallee(customer, { answer: 'accept', pickupDelayMs: 1_000 });
    await dialFromConsole(alex, 'messenger', customer);
    const outbound = await dialedCall(stack, customer);
    await outbound.waitFor('accepted', { timeoutMs: 15_000 });
    await expectAudioBothWays(outbound, alex);
    expect(await readSelectedPath(alex.page)).toMatchObject({
      candidateType: 'relay',
      relayProtocol: 'tls',
    });
  });
});
