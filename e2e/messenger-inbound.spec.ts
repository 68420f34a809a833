import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { expectAudioBothWays } from './support/calls';

const world = useE2e();
const shots = screenshots('messenger-inbound');

describe('Messenger inbound call, accepted', () => {
  it('rings as a Messenger call, and once accepted audio flows both ways', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();

    const call = await stack.placeCall('messenger', 'Mia Messenger');
    // messenger webhooks carry no name: the card identifies the caller by their PSID
    const psidTail = call.snapshot().userId.slice(-4);
    await alex.waitForRinging(psidTail);
    const card = await alex.text();
    expect(card).toMatch(/messenger/i);
    expect(card).toContain(stack.messenger.page.name);
    await shots.take(alex.page, 'ringing');

    await alex.acceptCallFrom(psidTail);
    // messenger's flow is the reverse of WhatsApp's: our offer went out, Meta's answer came back
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    // the simulator logs a request once it has answered it
    const [accept] = await eventually(
      () => stack.sim.requests({ action: 'accept', callId: call.id, ok: true }),
      (found) => found.length > 0,
    );
    expect(accept?.body).toMatchObject({ session: { sdp_type: 'offer' } });

    // audio both ways, measured at each far end
    await expectAudioBothWays(call, alex);
    await shots.take(alex.page, 'in-call');
  });
});
