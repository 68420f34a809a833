import type { Locator } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { openStaffConsole } from './support/staff';

const world = useE2e({ agents: ['Alex Agent'] });
const shots = screenshots('admin-call-settings');
let ada: AgentConsole | undefined;
afterAll(async () => {
  await ada?.close().catch(() => undefined);
});

const nextYear = new Date().getUTCFullYear() + 1;

/** the error text a field is described by */
async function errorOf(field: Locator): Promise<string> {
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const ids = (await field.getAttribute('aria-describedby')) ?? '';
  const page = field.page();
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter((id) => id.endsWith('-error'))
      .map((id) => page.locator(`[id="${id}"]`).innerText()),
  );
  return texts.join(' ');
}

async function channelCard(text: string): Promise<Locator> {
  ada ??= await openStaffConsole(world(), 'admin', 'Ada Admin', '/admin');
  const page = ada.page;
  await page.getByRole('heading', { name: 'Channels' }).waitFor();
  const card = page
    .getByRole('list', { name: 'Channels' })
    .getByRole('listitem')
    .filter({ hasText: text });
  await card.waitFor();
  return card;
}

describe('an admin edits a channel’s call settings', () => {
  it('WhatsApp: call hours checked as Meta checks them, errors next to their fields, written to Meta and read back', async () => {
    const { stack } = world();
    const card = await channelCard(`Phone number id ${stack.whatsapp.number.phoneNumberId}`);
    await card.getByRole('button', { name: 'Call settings' }).click();
    const form = card.getByRole('form', { name: 'WhatsApp call settings' });
    await form.waitFor();
    expect(await form.innerText()).toContain('may take up to 7 days');

    await form.getByLabel('Call hours', { exact: true }).selectOption('ENABLED');
    await form.getByLabel('Time zone', { exact: true }).selectOption('America/Manaus');
    await form.getByRole('button', { name: 'Add hours on Monday' }).click();
    await form.getByRole('button', { name: 'Add hours on Monday' }).click();
    expect(await form.getByRole('button', { name: 'Add hours on Monday' }).isDisabled()).toBe(true);
    await form.getByRole('button', { name: 'Add a holiday' }).click();
    await form.getByLabel('Holiday 1 date', { exact: true }).fill('2020-01-01');
    await form.getByRole('button', { name: 'Save call settings' }).click();

    // both Monday ranges are 09:00–17:00 by default: the second overlaps the first
    expect(await errorOf(form.getByLabel('Monday range 2 opens', { exact: true }))).toMatch(
      /overlaps 0900–1700 on MONDAY/,
    );
    expect(await errorOf(form.getByLabel('Holiday 1 date', { exact: true }))).toMatch(
      /is in the past/,
    );
    await shots.take(ada!.page, 'field-errors');
    await expectAccessible(ada!.page, 'admin call settings with field errors');
    const posted = () =>
      stack.sim.requests().filter((r) => r.method === 'POST' && r.edge === 'settings');
    expect(posted()).toHaveLength(0);

    // meta's own refusal comes back to the field it names
    stack.sim.failNextRequest({
      code: 100,
      edge: 'settings',
      details: 'calling.call_hours.timezone_id: not a supported time zone',
    });
    await form.getByLabel('Monday range 2 opens', { exact: true }).fill('18:00');
    await form.getByLabel('Monday range 2 closes', { exact: true }).fill('20:00');
    await form.getByLabel('Holiday 1 date', { exact: true }).fill(`${nextYear}-01-26`);
    await form.getByRole('button', { name: 'Save call settings' }).click();
    await eventually(
      () => form.getByLabel('Time zone', { exact: true }).getAttribute('aria-invalid'),
      (invalid) => invalid === 'true',
    );
    expect(await errorOf(form.getByLabel('Time zone', { exact: true }))).toBe(
      'not a supported time zone',
    );

    await form.getByRole('button', { name: 'Save call settings' }).click();
    await card.getByText('Saved. Meta now reads back the settings shown.').waitFor();
    const written = posted().at(-1)?.body as { calling: { call_hours: unknown } };
    expect(written.calling.call_hours).toEqual({
      status: 'ENABLED',
      timezone_id: 'America/Manaus',
      weekly_operating_hours: [
        { day_of_week: 'MONDAY', open_time: '0900', close_time: '1700' },
        { day_of_week: 'MONDAY', open_time: '1800', close_time: '2000' },
      ],
      holiday_schedule: [{ date: `${nextYear}-01-26`, start_time: '0000', end_time: '2359' }],
    });
    // the form shows what Meta reads back
    const reread = card.getByRole('form', { name: 'WhatsApp call settings' });
    expect(await reread.getByLabel('Monday range 2 opens', { exact: true }).inputValue()).toBe(
      '18:00',
    );
    await shots.take(ada!.page, 'saved');
  });

  it('Messenger: a clear warning when the Page’s calls ring in Meta’s apps; the icon is written', async () => {
    const { stack } = world();
    stack.sim.setMessengerRingTarget('META', stack.messenger.page.pageId);
    const card = await channelCard(`Page id ${stack.messenger.page.pageId}`);
    await card.getByRole('button', { name: 'Call settings' }).click();
    const form = card.getByRole('form', { name: 'Messenger call settings' });
    await form.waitFor();
    expect(await form.innerText()).toContain('they will never reach Ringside');
    await form.getByLabel('Call icon in Messenger', { exact: true }).selectOption('hidden');
    await form.getByRole('button', { name: 'Save call settings' }).click();
    await card.getByText('Saved. Meta now reads back the settings shown.').waitFor();
    const posts = stack.sim
      .requests()
      .filter((r) => r.method === 'POST' && r.edge === 'messenger_call_settings');
    expect(posts.map((r) => r.body)).toEqual([{ icon_enabled: false }]);
    await shots.take(ada!.page, 'messenger-warning');
  });
});
