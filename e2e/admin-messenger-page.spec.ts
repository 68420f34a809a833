import type { SimMessengerPage } from '@ringside/meta-sim';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { callerIdentity } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually, sample } from './support/poll';
import { openStaffConsole } from './support/staff';

// a Page the simulator serves but no workspace has connected yet: the admin connects it
const SECOND_PAGE: SimMessengerPage = {
  pageId: '106378625519977',
  name: 'Ringside Second Page',
  accessToken: 'e2e-sim-token-second-page',
};

const world = useE2e({ agents: ['Alex Agent', 'Bo Agent'], unownedPages: [SECOND_PAGE] });
const shots = screenshots('admin-messenger-page');
let ada: AgentConsole | undefined;
afterAll(async () => {
  await ada?.close().catch(() => undefined);
});

describe('an admin connects a Messenger Page', () => {
  it('adds the Page with Bo answering it; a call to it rings Bo only', async () => {
    const { stack } = world();
    const alex = await world().availableAgent(0);
    const bo = await world().availableAgent(1);
    ada = await openStaffConsole(world(), 'admin', 'Ada Admin', '/admin');
    const page = ada.page;
    await page.getByRole('heading', { name: 'Channels' }).waitFor();

    await page.getByRole('button', { name: 'New channel' }).click();
    await page.getByRole('radio', { name: 'Messenger Page' }).check();
    await page.getByLabel('Page id', { exact: true }).fill(SECOND_PAGE.pageId);
    await page.getByLabel('Page name', { exact: true }).fill(SECOND_PAGE.name);
    await page.getByLabel('Access token', { exact: true }).fill(SECOND_PAGE.accessToken);
    await page.getByRole('checkbox', { name: /^Bo Agent/ }).check();
    await shots.take(page, 'form');
    await expectAccessible(page, 'admin channels, new Page form');
    await page.getByRole('button', { name: 'Add channel', exact: true }).click();

    const card = page
      .getByRole('list', { name: 'Channels' })
      .getByRole('listitem')
      .filter({ hasText: SECOND_PAGE.name });
    await card.waitFor();
    const shown = await card.innerText();
    expect(shown).toContain(`Page id ${SECOND_PAGE.pageId}`);
    expect(shown).toMatch(/Who answers\s+Bo Agent/);
    expect(shown).toMatch(/Access token\s+Set/);
    expect(shown).not.toContain(SECOND_PAGE.accessToken);

    // the token works: Meta (the simulator) answers a read with it
    await card.getByRole('button', { name: 'Test connection' }).click();
    const answer = await eventually(
      () => card.innerText(),
      (text) => text.includes('Connection works') || text.includes('Connection failed'),
    );
    expect(answer).toContain(`Meta accepted the token for the Page ${SECOND_PAGE.name}.`);
    await shots.take(page, 'added');

    const call = await stack.sim.placeCall({ channel: 'messenger', to: SECOND_PAGE.pageId });
    await bo.waitForRinging(callerIdentity(call));
    expect(await bo.text()).toContain(SECOND_PAGE.name);
    // alex stays quiet while Bo's phone rings
    const alexRinging = await sample(() => alex.button('Accept').count(), 2_000);
    expect(alexRinging.every((count) => count === 0)).toBe(true);
    await shots.take(bo.page, 'bo-ringing');
  });
});
