import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';

const world = useE2e();
const shots = screenshots('decline');

describe('Decline', () => {
  it('the only agent declines: Meta rejects the call, the caller stops ringing, the card goes', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await stack.placeCall('whatsapp', 'Dora Decline');
    await alex.waitForRinging('Dora Decline');
    await shots.take(alex.page, 'ringing');

    await alex.button('Decline').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
    expect(call.snapshot().reason).toBe('business-rejected');
    const rejects = await eventually(
      () => stack.sim.requests({ callId: call.id, action: 'reject', ok: true }),
      (found) => found.length > 0,
    );
    expect(rejects).toHaveLength(1);
    // nothing was answered: no accept, no audio sent to the caller
    expect(stack.sim.requests({ callId: call.id, action: 'accept' })).toHaveLength(0);
    expect(call.stats().packetsReceived).toBe(0);

    await alex.page
      .getByRole('heading', { name: 'Dora Decline' })
      .waitFor({ state: 'hidden', timeout: 3_000 });
    expect(await alex.button('Accept').count()).toBe(0);
    await alex.statusSelected('Available').first().waitFor();
    await shots.take(alex.page, 'declined');
  });
});
