import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { readAudioByMid } from './support/audio-by-mid';
import { dialedCall, dialFromConsole } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { expectAudioBothWays } from './support/calls';
import { eventually } from './support/poll';

const world = useE2e();
const shots = screenshots('outbound-messenger');

// a page-scoped id, 16 digits as Meta's are
const CUSTOMER = '6124509938127745';

describe('Messenger outbound call', () => {
  it('calls a Messenger user who allowed calls; on pickup media_update v1 moves the customer to mid 1, audio both ways', async () => {
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

    // pickup: Meta's media_update v1 offers mid 0 recvonly + mid 1 sendonly; answered locally
    const [update] = await eventually(
      () => stack.sim.deliveries({ callId: call.id, kind: 'media_update' }),
      (found) => found.length > 0,
    );
    const offer = JSON.stringify(update?.payload);
    expect(offer).toContain('"version":1');
    expect(offer).toContain('a=group:BUNDLE 0 1');
    // audio both ways, measured at each far end
    await expectAudioBothWays(call, alex);
    const byMid = await eventually(
      () => readAudioByMid(alex.page),
      (m) => (m['1']?.packetsReceived ?? 0) > 100 && (m['1']?.totalAudioEnergy ?? 0) > 0,
    );
    expect(byMid['1']?.totalAudioEnergy).toBeGreaterThan(0);
    expect(byMid['0']?.packetsReceived ?? 0).toBe(0);
    expect(byMid['0']?.packetsSent).toBeGreaterThan(100);
    // nothing was posted back for the media_update
    expect(stack.sim.requests({ callId: call.id }).map((r) => r.action)).toEqual(['connect']);
    await alex.page.getByRole('timer', { name: 'Call duration' }).waitFor();
    await shots.take(alex.page, 'connected');

    // the customer hangs up: the agent gets the wrap-up saying so
    await call.hangUp();
    await alex.button('Save').waitFor();
    expect(await alex.text()).toContain('The customer hung up.');
  });
});
