import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { readAudioByMid } from './support/audio-by-mid';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { expectAudioBothWays } from './support/calls';

const world = useE2e();
const shots = screenshots('messenger-inbound');

describe('Messenger inbound call, accepted', () => {
  it('rings as a Messenger call; once accepted the caller is heard on mid 1 and the agent sent on mid 0', async () => {
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
    // Meta's reply carried the two-section renegotiation; the console posts nothing back
    expect(JSON.stringify(accept?.reply)).toContain('a=group:BUNDLE 0 1');

    // audio both ways, measured at each far end
    await expectAudioBothWays(call, alex);
    // …on the right sections: the customer on mid 1 only, the agent's microphone on mid 0
    const byMid = await eventually(
      () => readAudioByMid(alex.page),
      (m) => (m['1']?.packetsReceived ?? 0) > 100 && (m['1']?.totalAudioEnergy ?? 0) > 0,
    );
    expect(byMid['1']?.packetsReceived).toBeGreaterThan(100);
    expect(byMid['1']?.totalAudioEnergy).toBeGreaterThan(0);
    expect(byMid['0']?.packetsReceived ?? 0).toBe(0);
    expect(byMid['0']?.packetsSent).toBeGreaterThan(100);
    expect(byMid['1']?.packetsSent ?? 0).toBe(0);
    expect(stack.sim.requests({ callId: call.id }).map((r) => r.action)).toEqual(['accept']);
    await shots.take(alex.page, 'in-call');
  });
});
