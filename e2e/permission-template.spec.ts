import { afterAll, describe, expect, it } from 'vitest';
import type { AgentConsole } from './support/agent-console';
import { screenshots } from './support/artifacts';
import { dialFromConsole } from './support/dialing';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';
import { openStaffConsole } from './support/staff';

const world = useE2e({ agents: ['Alex Agent'] });
const shots = screenshots('permission-template');
let ada: AgentConsole | undefined;
afterAll(async () => {
  await ada?.close().catch(() => undefined);
});

/** the admin's Permission template form on the WhatsApp number's card, opened */
async function templateForm() {
  const { stack } = world();
  ada ??= await openStaffConsole(world(), 'admin', 'Ada Admin', '/admin');
  const card = ada.page
    .getByRole('list', { name: 'Channels' })
    .getByRole('listitem')
    .filter({ hasText: `Phone number id ${stack.whatsapp.number.phoneNumberId}` });
  const form = card.getByRole('form', { name: 'Permission template' });
  if ((await form.count()) === 0) {
    await card.getByRole('button', { name: 'Permission template' }).click();
  }
  await form.getByLabel('Template name', { exact: true }).waitFor();
  return form;
}

async function saveTemplate(name: string, language: string) {
  const form = await templateForm();
  await form.getByLabel('Template name', { exact: true }).fill(name);
  await form.getByLabel('Template language', { exact: true }).fill(language);
  await form.getByRole('button', { name: 'Save template' }).click();
  return form;
}

describe('a WhatsApp number’s permission template', () => {
  it('is checked as WhatsApp names templates, and asks a customer who has not called lately', async () => {
    const { stack } = world();

    // a name and language WhatsApp Manager would not take: refused under each field
    const form = await saveTemplate('Call Permission', 'English');
    await form.getByText('Lowercase letters, digits and underscores only').waitFor();
    await form.getByText('A language code such as en, en_US or pt_BR').waitFor();
    await shots.take(ada!.page, 'field-errors');

    await saveTemplate('call_permission_request', 'en');
    await form.getByRole('status').filter({ hasText: 'Saved' }).waitFor();

    // a stranger (no call in the last 24 hours): asked with the template
    const alex = await world().availableAgent();
    await dialFromConsole(alex, 'whatsapp', '+447700900811');
    const asked = alex.page.getByRole('alert').filter({ hasText: 'permission' });
    await asked.waitFor();
    expect(await asked.innerText()).toContain('Asked for permission to call');
    const sent = await eventually(
      () => stack.sim.requests({ edge: 'messages', ok: true }),
      (found) => found.length > 0,
    );
    expect(sent[0]?.body).toMatchObject({
      to: '447700900811',
      type: 'template',
      template: { name: 'call_permission_request', language: { code: 'en' } },
    });
  });

  it('tells the agent in plain words when WhatsApp holds no such template', async () => {
    await saveTemplate('not_approved_anywhere', 'en');
    const alex = await world().availableAgent();
    await dialFromConsole(alex, 'whatsapp', '+447700900812');
    const refused = alex.page
      .getByRole('alert')
      .filter({ hasText: 'no approved message template' });
    await refused.waitFor();
    await shots.take(alex.page, 'no-such-template');
  });
});
