import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { openStaffConsole } from './support/staff';

const world = useE2e({ agents: ['Alex Agent'] });
const shots = screenshots('admin-checks');
let ada: AgentConsole | undefined;
afterAll(async () => {
  await ada?.close().catch(() => undefined);
});

describe('an admin runs the set-up checks', () => {
  it('a Page whose calls ring in Meta’s apps: its check fails in words, with the fix', async () => {
    const { stack } = world();
    stack.sim.setMessengerRingTarget('META', stack.messenger.page.pageId);
    ada = await openStaffConsole(world(), 'admin', 'Ada Admin', '/admin/checks');
    const page = ada.page;
    await page.getByRole('heading', { name: 'Checks' }).waitFor();
    await page.getByRole('button', { name: 'Run checks' }).click();

    const pageChecks = page.getByRole('list', {
      name: `Messenger · ${stack.messenger.page.name}: check results`,
    });
    const ringTarget = pageChecks.getByRole('listitem').filter({ hasText: 'Where calls ring' });
    await ringTarget.waitFor();
    const shown = await ringTarget.innerText();
    expect(shown).toMatch(/^Failed/);
    expect(shown).toContain(
      'The Page’s calls ring in Meta’s own apps (META), so they never reach Ringside.',
    );
    expect(shown).toContain('How to fix:');
    expect(
      await page.getByText('Calls cannot flow until the failed checks are fixed.').count(),
    ).toBe(1);
    // the WhatsApp line is healthy in the simulator: its checks all read OK
    const waItems = page
      .getByRole('list', { name: /^WhatsApp · .*: check results$/ })
      .getByRole('listitem');
    const waTexts = await waItems.allInnerTexts();
    expect(waTexts).toHaveLength(6);
    for (const text of waTexts) expect(text).toMatch(/^OK/);
    await expectAccessible(page, 'admin checks with a failed check');
    await shots.take(page, 'ring-target-failed');
  });
});
