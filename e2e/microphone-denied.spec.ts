import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { sample } from './support/poll';

// a browser where the agent blocked the microphone: every permission request is refused
const world = useE2e({ microphone: 'denied' });
const shots = screenshots('microphone-denied');

describe('microphone denied', () => {
  it('shows how to fix it, keeps the agent Away, and offers them no calls', async () => {
    const { stack } = world();
    const alex = await world().openConsole();
    await alex.signIn();
    await alex.status('Available').first().click();

    const banner = alex.page.getByRole('alert').filter({ hasText: /microphone/i });
    await banner.waitFor();
    // it says what to do, not only what went wrong
    expect(await banner.innerText()).toMatch(/allow/i);
    await shots.take(alex.page, 'blocked');
    expect(await alex.statusSelected('Available').count()).toBe(0);
    expect(await stack.availableAgents()).not.toContain(alex.agent.name);

    const call = await stack.placeCall('whatsapp', 'Nico Noring');
    // the call waits for someone who can take it: it never rings on this console
    const acceptShown = await sample(() => alex.button('Accept').count(), 3_000);
    expect(Math.max(...acceptShown)).toBe(0);
    expect(call.state).toBe('ringing');
    expect(stack.sim.requests({ callId: call.id })).toHaveLength(0);
  });
});
