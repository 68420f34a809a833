import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { openStaffConsole } from './support/staff';

const world = useE2e();
const shots = screenshots('history');
let sam: AgentConsole | undefined;
afterAll(async () => {
  await sam?.close().catch(() => undefined);
});

// numbers from the UK's range for fiction; Meta's wa_id is the digits
const ANSWERED = { name: 'Priya Sharma', from: '447700900321' } as const;
const MISSED = { name: 'Omar Otieno', from: '447700900654' } as const;
const NOTES = 'Asked about the refund for order 5521';

/** the history's rows (calls, not timeline entries), each as the agent reads it */
async function rows(agent: AgentConsole): Promise<string[]> {
  const page = agent.page;
  await page.getByText('Loading calls…').waitFor({ state: 'hidden' });
  const calls = page.getByRole('listitem').filter({ has: page.getByRole('button') });
  await calls.first().or(page.getByText('No calls match.')).waitFor();
  return calls.allInnerTexts();
}

/**
 * does what applies the filters, and waits for the list's answer: until then the old rows may
 * still be on screen (or just leaving it), and reading them would race the new list
 */
async function applied(agent: AgentConsole, act: () => Promise<void>): Promise<void> {
  const answered = agent.page.waitForResponse(
    (res) => new URL(res.url()).pathname === '/api/calls' && res.request().method() === 'GET',
  );
  await act();
  await answered;
}

/** types into the history's search and applies it, as the agent would */
async function search(agent: AgentConsole, text: string): Promise<string[]> {
  const form = agent.page.getByRole('search', { name: 'Call history' });
  await form.getByLabel('Search', { exact: true }).fill(text);
  await applied(agent, () => form.getByRole('button', { name: 'Search', exact: true }).click());
  await agent.page.waitForURL((url) => url.searchParams.get('q') === text);
  return rows(agent);
}

/** picks an outcome in the filter (its value; '' for all) and applies it */
async function filterOutcome(
  agent: AgentConsole,
  outcome: 'completed' | 'missed' | '',
): Promise<string[]> {
  const form = agent.page.getByRole('search', { name: 'Call history' });
  await form.getByRole('combobox', { name: 'Outcome', exact: true }).selectOption(outcome);
  await applied(agent, () => form.getByRole('button', { name: 'Search', exact: true }).click());
  await agent.page.waitForURL((url) => (url.searchParams.get('outcome') ?? '') === outcome);
  return rows(agent);
}

describe('call history', () => {
  it('finds an answered call by name and number, filters by outcome, and shows its timeline', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();

    // one call answered, talked, hung up by the agent and wrapped up with notes
    const answered = await stack.placeCall('whatsapp', ANSWERED.name, { from: ANSWERED.from });
    await alex.acceptCallFrom(ANSWERED.name);
    await answered.waitFor('accepted', { timeoutMs: 15_000 });
    await alex.page.getByRole('timer', { name: 'Call duration' }).waitFor();
    await alex.button('Hang up').click();
    await answered.waitFor('ended', { timeoutMs: 10_000 });
    await alex.page.getByLabel('Notes', { exact: true }).fill(NOTES);
    await alex.button('Save').click();
    await alex.button('Save').waitFor({ state: 'hidden' });

    // one call nobody took: the caller gave up while it rang
    const missed = await stack.placeCall('whatsapp', MISSED.name, { from: MISSED.from });
    await alex.waitForRinging(MISSED.name);
    await missed.hangUp();
    // the ringing card goes (the caller then waits in the Callbacks list, by name)
    await alex.page
      .getByRole('heading', { name: MISSED.name })
      .waitFor({ state: 'hidden', timeout: 5_000 });

    await alex.page.getByRole('link', { name: 'History', exact: true }).click();
    await alex.page.getByRole('heading', { name: 'Call history' }).waitFor();
    // the call log is written as the call ends: wait for it rather than for a fixed time
    const all = await eventually(
      async () => {
        await alex.page.reload();
        return rows(alex);
      },
      (found) => found.some((row) => row.includes(ANSWERED.name)),
    );
    expect(all.find((row) => row.includes(ANSWERED.name))).toContain('Completed');

    // by the caller's name, any case, and by the number as the agent would type it
    const byName = await search(alex, 'priya');
    expect(byName).toHaveLength(1);
    expect(byName[0]).toContain(ANSWERED.name);
    const byNumber = await search(alex, '+44 7700 900321');
    expect(byNumber).toHaveLength(1);
    expect(byNumber[0]).toContain(ANSWERED.name);
    const nobody = await search(alex, 'Zebedee');
    expect(nobody).toEqual([]);
    await alex.page.getByText('No calls match.').waitFor();

    // the outcome filter narrows: Priya's call is completed, not missed
    await alex.page.getByRole('button', { name: 'Clear filters', exact: true }).click();
    await alex.page.waitForURL((url) => url.search === '');
    const completed = await filterOutcome(alex, 'completed');
    expect(completed.some((row) => row.includes(ANSWERED.name))).toBe(true);
    expect(completed.every((row) => row.includes('Completed'))).toBe(true);
    const missedOnly = await filterOutcome(alex, 'missed');
    expect(missedOnly.some((row) => row.includes(ANSWERED.name))).toBe(false);
    expect(missedOnly.every((row) => row.includes('Missed'))).toBe(true);

    // the detail: who, how it ended, the notes, and the timeline from ring to hang-up
    await filterOutcome(alex, '');
    await search(alex, ANSWERED.name);
    await alex.page
      .getByRole('listitem')
      .filter({ hasText: ANSWERED.name })
      .getByRole('button')
      .click();
    const detail = alex.page.getByRole('region', { name: ANSWERED.name });
    await detail.getByRole('heading', { name: 'Timeline' }).waitFor();
    const shown = await detail.innerText();
    expect(shown.replace(/\D/g, '')).toContain(ANSWERED.from);
    expect(shown).toMatch(/Outcome\s+Completed/);
    expect(shown).toMatch(/Agent\s+Alex Agent/);
    expect(shown).toContain(NOTES);
    const timeline = await detail.getByRole('listitem').allInnerTexts();
    expect(timeline.length).toBeGreaterThanOrEqual(3);
    // in order: the call came in, Alex took it, Alex hung up
    const claimed = timeline.findIndex(
      (entry) => /claim/i.test(entry) && entry.includes('Alex Agent'),
    );
    const hungUp = timeline.findIndex(
      (entry) => /hang ?up/i.test(entry) && entry.includes('Alex Agent'),
    );
    expect(claimed).toBeGreaterThan(0);
    expect(hungUp).toBeGreaterThan(claimed);
    await shots.take(alex.page, 'agent-detail');
    await expectAccessible(alex.page, "history with a call's detail");
  });

  it("a supervisor's history holds both calls, and the outcome filter tells them apart", async () => {
    sam = await openStaffConsole(world(), 'supervisor', 'Sam Supervisor', '/history');
    await sam.page.getByRole('heading', { name: 'Call history' }).waitFor();
    const all = await rows(sam);
    expect(all.some((row) => row.includes(ANSWERED.name))).toBe(true);
    expect(all.some((row) => row.includes(MISSED.name))).toBe(true);

    const missedOnly = await filterOutcome(sam, 'missed');
    expect(missedOnly.some((row) => row.includes(MISSED.name))).toBe(true);
    expect(missedOnly.some((row) => row.includes(ANSWERED.name))).toBe(false);
    const completed = await filterOutcome(sam, 'completed');
    expect(completed.some((row) => row.includes(ANSWERED.name))).toBe(true);
    expect(completed.some((row) => row.includes(MISSED.name))).toBe(false);

    // the missed call's number finds it too, and its timeline says how it ended
    await filterOutcome(sam, '');
    const byNumber = await search(sam, MISSED.from.slice(-6));
    expect(byNumber).toHaveLength(1);
    await sam.page
      .getByRole('listitem')
      .filter({ hasText: MISSED.name })
      .getByRole('button')
      .click();
    const detail = sam.page.getByRole('region', { name: MISSED.name });
    await detail.getByRole('heading', { name: 'Timeline' }).waitFor();
    expect(await detail.innerText()).toMatch(/Outcome\s+Missed/);
    expect((await detail.getByRole('listitem').allInnerTexts()).length).toBeGreaterThanOrEqual(2);
    await shots.take(sam.page, 'supervisor-missed');
  });
});
