import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { openStaffConsole } from './support/staff';

const world = useE2e({ agents: ['Alex Agent'] });
const shots = screenshots('supervisor-reports');
let sam: AgentConsole | undefined;
afterAll(async () => {
  await sam?.close().catch(() => undefined);
});

describe('supervisor reports', () => {
  it('shows the figures of today’s calls and downloads them as CSV', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    // one call answered and talked, one the caller gave up while it rang
    const answered = await answeredCall(stack, alex, 'whatsapp', 'Rosa Report');
    await answered.hangUp();
    await alex.button('Hang up').waitFor({ state: 'hidden' });
    const abandoned = await stack.placeCall('whatsapp', 'Abe Abandon');
    await alex.waitForRinging('Abe Abandon');
    await abandoned.hangUp();
    await alex.page
      .getByRole('heading', { name: 'Abe Abandon' })
      .waitFor({ state: 'hidden', timeout: 5_000 });

    sam = await openStaffConsole(world(), 'supervisor', 'Sam Supervisor', '/supervisor');
    const page = sam.page;
    await page.getByRole('heading', { name: 'Supervisor board' }).waitFor();
    await page.getByRole('link', { name: 'Reports', exact: true }).click();
    await page.getByRole('heading', { name: 'Reports' }).waitFor();

    const total = page.getByRole('table').locator('tfoot tr');
    // the calls' ends are stored as the webhooks land: show again until both are in
    const cells = await eventually(
      async () => {
        await page.getByRole('button', { name: 'Show' }).click();
        await page.getByText('Loading the report…').waitFor({ state: 'hidden' });
        return total.locator('td').allInnerTexts();
      },
      (texts) => texts[0] === '2',
    );
    // offered, answered, abandoned, service level, abandon rate, speed of answer, handle time
    expect(cells.slice(0, 3)).toEqual(['2', '1', '1']);
    // a caller who left within 5 s is not held against the service level
    expect(cells[3]).toBe('100 %');
    expect(cells[4]).toBe('50 %');
    expect(cells[5]).toMatch(/^\d+\.\d s$/);
    expect(cells[6]).toMatch(/^\d+\.\d s$|^\d+:\d\d$/);
    expect(await page.getByRole('img', { name: /^Service level/ }).count()).toBe(1);
    await shots.take(page, 'reports');
    await expectAccessible(page, 'reports');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ringside-report-day-.*\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8').replace(/^\uFEFF/, '');
    const [header, ...lines] = csv.trim().split('\r\n');
    expect(header?.split(',').slice(0, 5)).toEqual([
      'bucket',
      'bucket_start',
      'bucket_start_utc',
      'bucket_end_utc',
      'offered',
    ]);
    // seven days, today's last, with both calls: offered, answered, within 20 s, missed, abandoned
    expect(lines).toHaveLength(7);
    expect(lines.at(-1)?.split(',').slice(4, 9)).toEqual(['2', '1', '1', '1', '1']);
  });
});
