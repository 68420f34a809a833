import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually, sample } from './support/poll';

// each agent's turn is the shortest an admin can set (AGENT_TIMEOUT_BOUNDS in contracts)
const TURN_MS = 5_000;
const world = useE2e({
  agents: ['Alex Agent', 'Bo Agent'],
  whatsappRing: {
    ringStrategy: 'longest-idle',
    agentTimeoutSec: TURN_MS / 1000,
    ringTimeoutSec: 60,
  },
});
const shots = screenshots('longest-idle-turn');

describe('longest-idle ringing, one agent at a time', () => {
  it("rings the longest idle agent; when the turn passes that card goes by itself and the next agent's rings", async () => {
    const { stack } = world();
    // Alex goes Available first, so Alex has been idle longest
    const alex = await world().availableAgent(0);
    const bo = await world().availableAgent(1);
    expect(await stack.availableAgents()).toEqual(['Alex Agent', 'Bo Agent']);

    const call = await stack.placeCall('whatsapp', 'Lena Longest');
    await alex.waitForRinging('Lena Longest');
    const rangAt = Date.now();
    // Bo's turn has not come: Bo's console stays quiet
    const boEarly = await sample(() => bo.button('Accept').count(), 1_500);
    expect(boEarly.every((count) => count === 0)).toBe(true);
    await shots.take(alex.page, 'alex-ringing');

    // nobody touches Alex's console: at the end of the turn the card says why and goes
    await alex.page
      .getByText('Not answered in time', { exact: true })
      .waitFor({ timeout: TURN_MS + 3_000 });
    await shots.take(alex.page, 'alex-turn-over');
    await alex.button('Accept').waitFor({ state: 'hidden', timeout: 3_000 });
    await alex.page
      .getByRole('heading', { name: 'Lena Longest' })
      .waitFor({ state: 'hidden', timeout: 3_000 });
    // not before the turn was over
    expect(Date.now() - rangAt).toBeGreaterThanOrEqual(TURN_MS - 1_000);

    // the call moved on to Bo, still ringing at the caller's end
    await bo.waitForRinging('Lena Longest');
    expect(call.state).toBe('ringing');
    await shots.take(bo.page, 'bo-ringing');
    await bo.acceptCallFrom('Lena Longest');
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    const heard = await eventually(
      () => call.stats(),
      (s) => s.packetsReceived > 25,
    );
    expect(heard.packetsReceived).toBeGreaterThan(25);
    // Alex saw nothing more of it
    expect(await alex.button('Accept').count()).toBe(0);
    expect(await alex.button('Hang up').count()).toBe(0);

    await bo.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
  });
});
