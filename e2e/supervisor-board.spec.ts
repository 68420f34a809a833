import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { openStaffConsole } from './support/staff';

const world = useE2e({ agents: ['Alex Agent'] });
const shots = screenshots('supervisor-board');
let sam: AgentConsole | undefined;
afterAll(async () => {
  await sam?.close().catch(() => undefined);
});

/** a counter of the board's "Today" section, as the supervisor reads it */
function counter(page: Page, term: string) {
  return page
    .getByRole('region', { name: 'Today' })
    .locator('div', { has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) })
    .locator('dd');
}

/** `m:ss` or `h:mm:ss` in seconds */
function seconds(timer: string | null): number {
  const parts = (timer ?? '').trim().split(':').map(Number);
  return parts.reduce((total, part) => total * 60 + part, 0);
}

describe('the supervisor board', () => {
  it('shows a call while it rings, its agent and ticking duration, then moves the counters', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    sam = await openStaffConsole(world(), 'supervisor', 'Sam Supervisor', '/supervisor');
    const page = sam.page;
    await page.getByRole('heading', { name: 'Supervisor board' }).waitFor();
    // a fresh workspace: nothing answered yet, once the board has loaded
    const before = await eventually(
      () => counter(page, 'Answered').textContent(),
      (text) => text === '0',
    );
    expect(before).toBe('0');

    const call = await stack.placeCall('whatsapp', 'Rosa Board');
    const row = page
      .getByRole('list', { name: 'Live calls' })
      .getByRole('listitem')
      .filter({ hasText: 'Rosa Board' });
    // while it still rings, without a reload (how fast is the ring fan-out bench's to measure)
    await row.waitFor({ timeout: 5_000 });
    expect(await row.innerText()).toContain('Ringing');
    expect(await counter(page, 'Waiting now').textContent()).toBe('1');
    await shots.take(page, 'ringing');

    await alex.acceptCallFrom('Rosa Board');
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    const talking = await eventually(
      () => row.innerText(),
      (text) => text.includes('Alex Agent') && text.includes('Talking'),
    );
    expect(talking).toContain('Alex Agent');
    expect(talking).toContain('Talking');
    expect(await counter(page, 'Waiting now').textContent()).toBe('0');
    const agentRow = page
      .getByRole('list', { name: 'Agents' })
      .getByRole('listitem')
      .filter({ hasText: 'Alex Agent' });
    const busy = await eventually(
      () => agentRow.innerText(),
      (text) => text.includes('On a call') && text.includes('With Rosa Board'),
    );
    expect(busy).toContain('On a call');

    // the duration ticks: a later reading shows more time
    const timer = row.getByRole('timer');
    const first = await timer.textContent();
    const later = await eventually(
      () => timer.textContent(),
      (text) => seconds(text) >= seconds(first) + 2,
      { timeoutMs: 5_000 },
    );
    expect(seconds(later)).toBeGreaterThanOrEqual(seconds(first) + 2);
    await shots.take(page, 'talking');
    await expectAccessible(page, 'supervisor board');

    await call.hangUp();
    await row.waitFor({ state: 'detached', timeout: 5_000 });
    const answered = await eventually(
      () => counter(page, 'Answered').textContent(),
      (text) => text === '1',
    );
    expect(answered).toBe('1');
    expect(await counter(page, 'Missed').textContent()).toBe('0');
    expect(await counter(page, 'Answered within 20 s').textContent()).toBe('100 %');
    const length = await eventually(
      () => counter(page, 'Average call length').textContent(),
      (text) => /^\d+:\d\d$/.test(text ?? ''),
    );
    expect(seconds(length)).toBeGreaterThanOrEqual(seconds(later));
    const alexToday = await eventually(
      () => agentRow.innerText(),
      (text) => text.includes('Answered today: 1'),
    );
    expect(alexToday).toContain('Answered today: 1');
    // the call log shows it too, completed and Alex's
    const logged = await eventually(
      () => page.getByRole('list', { name: 'Calls' }).innerText(),
      (text) => text.includes('Rosa Board') && text.includes('Completed'),
    );
    expect(logged).toContain('Alex Agent');
    await shots.take(page, 'after');
  });
});
