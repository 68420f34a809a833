import { describe, expect, it } from 'vitest';
import { answeredCall, expectAudioBothWays } from './support/calls';
import { dialedCall, dialFromConsole } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { readSelectedPath } from './support/rtc-probe';

// every console path goes through a real TURN relay (coturn) reached over TCP, as on a network
// that blocks UDP: the server hands out short-lived credentials and ICE_TRANSPORT_POLICY=relay
const world = useE2e({ relayOnly: 'tcp' });

async function expectRelayedOverTcp(agent: Parameters<typeof expectAudioBothWays>[1]) {
  const path = await eventually(
    () => readSelectedPath(agent.page),
    (p) => p.candidateType !== null,
  );
  expect(path).toMatchObject({
    iceTransportPolicy: 'relay',
    candidateType: 'relay',
    relayProtocol: 'tcp',
  });
}

async function hangUp(agent: Parameters<typeof expectAudioBothWays>[1]) {
  await agent.button('Hang up').click();
  await agent.button('Save').waitFor();
  await agent.button('Save').click();
  await agent.button('Save').waitFor({ state: 'hidden' });
}

describe('relay-only over TURN/TCP', () => {
  it('answers a WhatsApp call with audio both ways through the relay', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'whatsapp', 'Tariq Relay');
    await expectAudioBothWays(call, alex);
    await expectRelayedOverTcp(alex);
    await hangUp(alex);
  });

  it('answers a Messenger call with audio both ways through the relay', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'messenger', 'Mia Relay');
    await expectAudioBothWays(call, alex);
    await expectRelayedOverTcp(alex);
    await hangUp(alex);
  });

  it('places a WhatsApp call with audio both ways through the relay', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const customer = '447700900611';
    stack.sim.setPermission({ channel: 'whatsapp', userId: customer, status: 'temporary' });
    stack.sim.setCallee(customer, { answer: 'accept', pickupDelayMs: 1_000 });
    await dialFromConsole(alex, 'whatsapp', `+${customer}`);
    const call = await dialedCall(stack, customer);
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    await expectAudioBothWays(call, alex);
    await expectRelayedOverTcp(alex);
    await hangUp(alex);
  });

  it('places a Messenger call with audio both ways through the relay', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const customer = '6124509938120611';
    stack.sim.setPermission({ channel: 'messenger', userId: customer, status: 'temporary' });
    stack.sim.setCallee(customer, { answer: 'accept', pickupDelayMs: 1_000 });
    await dialFromConsole(alex, 'messenger', customer);
    const call = await dialedCall(stack, customer);
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    await expectAudioBothWays(call, alex);
    await expectRelayedOverTcp(alex);
    await hangUp(alex);
  });
});
