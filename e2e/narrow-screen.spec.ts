import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { pageWidth, placements } from './support/layout';
import { eventually } from './support/poll';

const world = useE2e();
const shots = screenshots('narrow-screen');

// a small phone held upright
const NARROW = { width: 360, height: 740 } as const;
// long words with nowhere to break them: the card must wrap them, not widen the page
const CALLER = 'Anantharamakrishnan Venkatasubramanian';

/** the page does not scroll sideways; the message names what sticks out when it does */
async function expectNoSidewaysScroll(agent: AgentConsole): Promise<void> {
  const width = await pageWidth(agent.page);
  expect(width.viewportWidth).toBe(NARROW.width);
  expect(
    width.scrollWidth,
    `wider than the screen: ${width.overflowing.join(', ')}`,
  ).toBeLessThanOrEqual(NARROW.width);
}

/** wherever the agent scrolls it to, the control is all on screen and nothing lies on top of it */
async function expectReachable(control: Locator): Promise<void> {
  const problems = (await placements(control)).filter((p) => !p.inViewport || p.coveredBy);
  expect(problems, `${control.toString()} is hidden or covered`).toEqual([]);
}

let narrow: AgentConsole | undefined;
/** the agent's console on the narrow screen, signed in and Available: opened once, shared */
async function narrowConsole(): Promise<AgentConsole> {
  if (narrow) return narrow;
  const opened = await world().openConsole();
  await opened.page.setViewportSize(NARROW);
  await opened.signIn();
  await opened.goAvailable();
  narrow = opened;
  return opened;
}

describe('the console on a 360 px wide screen', () => {
  it('rings and runs a call without sideways scrolling, every control on screen and uncovered', async () => {
    const { stack } = world();
    const alex = await narrowConsole();
    await expectNoSidewaysScroll(alex);
    // the last thing on the page: where a floating button would sit
    await expectReachable(alex.page.getByLabel('Phone number', { exact: true }));
    await expectReachable(alex.page.getByRole('button', { name: 'Call', exact: true }));
    await shots.take(alex.page, 'available');

    const call = await stack.placeCall('whatsapp', CALLER, { from: '447700900777' });
    await alex.waitForRinging(CALLER);
    await expectNoSidewaysScroll(alex);
    await expectReachable(alex.button('Accept'));
    await expectReachable(alex.button('Decline'));
    await shots.take(alex.page, 'ringing');

    // Playwright's own click: it refuses a control something else would receive the click for
    await alex.button('Accept').click();
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    await alex.page.getByRole('timer', { name: 'Call duration' }).waitFor();
    await expectNoSidewaysScroll(alex);
    await expectReachable(alex.button('Mute'));
    await expectReachable(alex.button('Hang up'));
    await shots.take(alex.page, 'in-call');

    // the keypad opens below: its bottom row is the lowest control on the page
    await alex.button('Keypad').click();
    const digits = alex.page.getByRole('group', { name: 'Keypad digits' });
    for (const key of ['1', '*', '0', '#']) {
      await expectReachable(digits.getByRole('button', { name: key, exact: true }));
    }
    await expectNoSidewaysScroll(alex);
    await shots.take(alex.page, 'keypad');
    await alex.button('Keypad').click();

    // the device choice fits too, whatever the devices are called; each select has its label
    await alex.page.getByText('Audio devices', { exact: true }).click();
    await expectReachable(alex.page.getByLabel('Microphone', { exact: true }));
    await expectReachable(alex.page.getByLabel('Speaker', { exact: true }));
    await expectNoSidewaysScroll(alex);
    await alex.page.getByText('Audio devices', { exact: true }).click();

    await alex.button('Mute').click();
    await alex.button('Unmute').waitFor();
    await expectReachable(alex.button('Unmute'));
    await alex.button('Unmute').click();
    await alex.button('Mute').waitFor();

    await alex.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
    expect(call.snapshot().reason).toBe('business-terminated');
    await alex.button('Save').waitFor();
    await expectNoSidewaysScroll(alex);
    await expectReachable(alex.button('Save'));
    await alex.button('Save').click();
    await alex.button('Save').waitFor({ state: 'hidden' });
  });

  it('opens the simulator drawer within the screen, and it places a call', async () => {
    const { stack } = world();
    const alex = await narrowConsole();
    const launcher = alex.page.getByRole('button', { name: 'Simulator', exact: true });
    await expectReachable(launcher);
    await launcher.click();
    const drawer = alex.page.getByRole('dialog', { name: 'Simulator' });
    await drawer.waitFor();
    await expectNoSidewaysScroll(alex);
    const place = drawer.getByRole('button', { name: 'Place call', exact: true });
    await expectReachable(drawer.getByLabel('Caller name', { exact: true }));
    await expectReachable(place);
    await drawer.getByLabel('Caller name', { exact: true }).fill('Nina Narrow');
    await place.click();
    await drawer.getByRole('status').filter({ hasText: 'Nina Narrow is calling' }).waitFor();
    await shots.take(alex.page, 'simulator-drawer');
    const placed = await eventually(
      () => stack.sim.calls().filter((c) => c.userName === 'Nina Narrow'),
      (found) => found.length > 0,
    );
    expect(placed).toHaveLength(1);

    // the drawer closes out of the way of the call it placed
    await drawer.getByRole('button', { name: 'Close', exact: true }).click();
    await drawer.waitFor({ state: 'hidden' });
    await alex.waitForRinging('Nina Narrow');
    await expectReachable(alex.button('Accept'));
    await expectReachable(launcher);
    // the caller gives up: nobody is left ringing
    await stack.sim.call(placed[0]?.id ?? '')?.hangUp();
  });
});
