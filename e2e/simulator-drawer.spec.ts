import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';

const world = useE2e();
const shots = screenshots('simulator-drawer');

describe('the simulator drawer', () => {
  it("a newcomer places a WhatsApp call and a Messenger call from the console; each rings the agent's card", async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const page = alex.page;

    const launcher = page.getByRole('button', { name: 'Simulator', exact: true });
    await launcher.click();
    const drawer = page.getByRole('dialog', { name: 'Simulator' });
    await drawer.waitFor();
    expect(await launcher.getAttribute('aria-expanded')).toBe('true');

    await drawer.getByRole('radio', { name: 'WhatsApp', exact: true }).check();
    await drawer.getByLabel('Caller name', { exact: true }).fill('Rahul');
    await drawer.getByRole('button', { name: 'Place call', exact: true }).click();
    await drawer.getByRole('status').filter({ hasText: 'Rahul is calling on WhatsApp.' }).waitFor();

    // the card, not the drawer's message: it names Rahul and can be answered
    const rahulCard = page.getByRole('article', { name: 'Rahul', exact: true });
    await rahulCard.getByRole('button', { name: 'Accept', exact: true }).waitFor();
    expect(await rahulCard.innerText()).toContain('WhatsApp');
    await shots.take(page, 'whatsapp-ringing');
    const [rahul] = await eventually(
      () => stack.sim.calls().filter((c) => c.userName === 'Rahul'),
      (found) => found.length > 0,
    );
    expect(rahul).toMatchObject({
      channel: 'whatsapp',
      direction: 'user_initiated',
      state: 'ringing',
    });

    // it is a real call: answering it connects to the simulated caller
    await rahulCard.getByRole('button', { name: 'Accept', exact: true }).click();
    const rahulCall = stack.sim.call(rahul?.id ?? '');
    await rahulCall?.waitFor('accepted', { timeoutMs: 15_000 });
    await alex.button('Hang up').click();
    await rahulCall?.waitFor('ended', { timeoutMs: 10_000 });
    await alex.button('Save').click();

    // Messenger: webhooks carry no caller name, so the card shows the Messenger user's id
    await drawer.getByRole('radio', { name: 'Messenger', exact: true }).check();
    await drawer.getByLabel('Caller name', { exact: true }).fill('Mia');
    await drawer.getByRole('button', { name: 'Place call', exact: true }).click();
    await drawer.getByRole('status').filter({ hasText: 'Mia is calling on Messenger.' }).waitFor();
    const [mia] = await eventually(
      () => stack.sim.calls().filter((c) => c.channel === 'messenger'),
      (found) => found.length > 0,
    );
    expect(mia).toMatchObject({ direction: 'user_initiated', state: 'ringing' });
    const miaCard = page.getByRole('article').filter({ hasText: mia?.userId.slice(-4) ?? '-' });
    await miaCard.getByRole('button', { name: 'Accept', exact: true }).waitFor();
    expect(await miaCard.innerText()).toContain('Messenger');
    await shots.take(page, 'messenger-ringing');

    // closing gives focus back to the button that opened it
    await drawer.getByRole('button', { name: 'Close', exact: true }).click();
    await drawer.waitFor({ state: 'hidden' });
    expect(await launcher.evaluate((el) => el === document.activeElement)).toBe(true);
    await stack.sim.call(mia?.id ?? '')?.hangUp();
  });
});
