import { afterAll, describe, expect, it } from 'vitest';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { openStaffConsole } from './support/staff';

const world = useE2e({ agents: ['Alex Agent'] });
const shots = screenshots('call-link-campaign');
let ada: AgentConsole | undefined;
afterAll(async () => {
  await ada?.close().catch(() => undefined);
});

const CAMPAIGN = { label: 'Spring flyer', tag: 'spring-flyer' } as const;
const FROM_LINK = 'Rahul Caller';
const PLAIN = 'Omar Caller';

describe('a call link with a campaign tag', () => {
  it('an admin makes it and sees its QR code; a call from it rings with the campaign; history filters by it', async () => {
    const { stack } = world();
    ada = await openStaffConsole(world(), 'admin', 'Ada Admin', '/admin');
    const admin = ada.page;
    await admin.getByRole('heading', { name: 'Channels' }).waitFor();
    const card = admin
      .getByRole('list', { name: 'Channels' })
      .getByRole('listitem')
      .filter({ hasText: `Phone number id ${stack.whatsapp.number.phoneNumberId}` });
    await card.getByRole('button', { name: 'Call links' }).click();
    const form = card.getByRole('form', { name: 'New call link' });

    // a tag Meta's link could not carry as it is is refused next to its field, nothing made
    await form.getByLabel('Label', { exact: true }).fill(CAMPAIGN.label);
    await form.getByLabel('Tag (optional)', { exact: true }).fill('spring flyer');
    await form.getByRole('button', { name: 'Add call link' }).click();
    const tagField = form.getByLabel('Tag (optional)', { exact: true });
    expect(
      await eventually(
        () => tagField.getAttribute('aria-invalid'),
        (invalid) => invalid === 'true',
      ),
    ).toBe('true');
    expect(await card.innerText()).toContain('No call links yet.');

    await tagField.fill(CAMPAIGN.tag);
    await form.getByRole('button', { name: 'Add call link' }).click();
    const link = card.getByRole('listitem', { name: `Call link ${CAMPAIGN.label}` });
    await link.waitFor();
    const url = await link
      .getByRole('textbox', { name: `Link for ${CAMPAIGN.label}` })
      .inputValue();
    const digits = stack.whatsapp.displayNumber.replace(/\D/g, '');
    expect(url).toBe(`https://wa.me/call/${digits}?biz_payload=${CAMPAIGN.tag}`);
    const qr = link.getByRole('img', { name: `QR code for ${CAMPAIGN.label}` });
    expect(
      await eventually(
        () => qr.evaluate((img) => (img as HTMLImageElement).naturalWidth),
        (width) => width > 0,
      ),
    ).toBeGreaterThan(0);
    expect(await link.getByRole('link', { name: 'Download PNG' }).getAttribute('href')).toMatch(
      /\/qr\.png$/,
    );
    await shots.take(admin, 'call-link');

    // a customer taps the link: Alex's card names the campaign
    const alex = await world().availableAgent();
    const fromLink = await stack.sim.placeCall({ channel: 'whatsapp', name: FROM_LINK, link: url });
    await alex.waitForRinging(FROM_LINK);
    const ringing = alex.page.getByRole('article').filter({ hasText: FROM_LINK });
    expect(await ringing.innerText()).toMatch(/Campaign\s+Spring flyer/);
    await shots.take(alex.page, 'ringing-campaign');
    await fromLink.hangUp();
    await ringing.waitFor({ state: 'hidden' });

    // someone calling the number itself brings no campaign
    const plain = await stack.placeCall('whatsapp', PLAIN);
    await alex.waitForRinging(PLAIN);
    expect(
      await alex.page.getByRole('article').filter({ hasText: PLAIN }).innerText(),
    ).not.toContain('Campaign');
    await plain.hangUp();

    // history: the campaign on the row, and the tag filter finds that call alone
    await alex.page.getByRole('link', { name: 'History', exact: true }).click();
    await alex.page.getByRole('heading', { name: 'Call history' }).waitFor();
    const rows = () =>
      alex.page
        .getByRole('listitem')
        .filter({ has: alex.page.getByRole('button') })
        .allInnerTexts();
    await eventually(
      async () => {
        await alex.page.reload();
        await alex.page.getByText('Loading calls…').waitFor({ state: 'hidden' });
        return rows();
      },
      (found) => found.some((r) => r.includes(FROM_LINK)) && found.some((r) => r.includes(PLAIN)),
    );
    const search = alex.page.getByRole('search', { name: 'Call history' });
    await search.getByLabel('Campaign tag', { exact: true }).fill(CAMPAIGN.tag);
    const answered = alex.page.waitForResponse(
      (res) => new URL(res.url()).searchParams.get('tag') === CAMPAIGN.tag,
    );
    await search.getByRole('button', { name: 'Search', exact: true }).click();
    await answered;
    // the filtered list, once shown: while it loads the list is empty, which is not an answer
    const filtered = await eventually(
      rows,
      (found) => found.length > 0 && !found.some((r) => r.includes(PLAIN)),
    );
    expect(filtered).toHaveLength(1);
    expect(filtered[0]).toContain(FROM_LINK);
    expect(filtered[0]).toContain(`Campaign: ${CAMPAIGN.label}`);
    await shots.take(alex.page, 'history-by-campaign');
  });
});
