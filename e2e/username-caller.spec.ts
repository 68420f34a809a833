import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { expectAudioBothWays } from './support/calls';
import { allowCallBacks, dialedCall } from './support/dialing';
import { useE2e } from './support/e2e-suite';

const world = useE2e();
const shots = screenshots('username-caller');

// *Business-scoped user IDs*: a caller who set a username reaches the business without their
// number; Meta sends their BSUID (from_user_id, contacts[].user_id) and @username instead
const CUSTOMER = {
  name: 'Priya Kapoor',
  username: '@priya.k',
  bsuid: 'IN.13491208655302741918',
} as const;

describe('a WhatsApp caller known by username only', () => {
  it('rings with name and @username, is answered with audio, is found in History by username, and called back through the BSUID', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const page = alex.page;
    // the number asks callers for call-back permission: whoever calls may be called back
    await allowCallBacks(stack);

    const call = await stack.sim.placeCall({
      channel: 'whatsapp',
      to: stack.whatsapp.number.phoneNumberId,
      name: CUSTOMER.name,
      knownBy: 'username',
      username: CUSTOMER.username,
      from: CUSTOMER.bsuid,
    });
    await alex.waitForRinging(CUSTOMER.name);
    // the card names them and shows the @username: there is no number to show
    const card = page.getByRole('article', { name: CUSTOMER.name });
    await card.getByText(CUSTOMER.username, { exact: true }).waitFor();
    const cardText = await card.innerText();
    // the only number on it is the business line that was called
    expect(cardText.match(/\+[\d ]{7,}/g)?.map((n) => n.trim())).toEqual([
      stack.whatsapp.displayNumber,
    ]);
    await shots.take(page, 'ringing');

    await alex.acceptCallFrom(CUSTOMER.name);
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    // audio both ways, measured at each far end
    await expectAudioBothWays(call, alex);
    await shots.take(page, 'in-call');

    await alex.button('Hang up').click();
    await call.waitFor('ended', { timeoutMs: 10_000 });
    await stack.sim.webhooksSettled();
    await stack.app.processor.idle();

    // History: searching the username finds the call
    await page.getByRole('link', { name: 'History', exact: true }).click();
    await page.getByRole('heading', { name: 'Call history' }).waitFor();
    const form = page.getByRole('search', { name: 'Call history' });
    await form.getByLabel('Search', { exact: true }).fill('priya.k');
    const answered = page.waitForResponse(
      (res) => new URL(res.url()).pathname === '/api/calls' && res.request().method() === 'GET',
    );
    await form.getByRole('button', { name: 'Search', exact: true }).click();
    await answered;
    await page.waitForURL((url) => url.searchParams.get('q') === 'priya.k');
    const row = page.getByRole('listitem').filter({ hasText: CUSTOMER.name });
    await row.first().waitFor();

    // its detail shows the @username and Meta's call id
    await row.first().getByRole('button').click();
    const detail = page.getByRole('region', { name: CUSTOMER.name });
    await detail.getByText(call.id).waitFor();
    expect(await detail.innerText()).toContain(CUSTOMER.username);
    await shots.take(page, 'history-detail');

    // Call back fills New call with the BSUID: the one way Meta lets us reach them
    const callBack = detail.getByRole('button', { name: 'Call back', exact: true });
    await callBack.click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { name: 'New call', exact: true }).waitFor();
    expect(await page.getByLabel('Phone number', { exact: true }).inputValue()).toBe(
      CUSTOMER.bsuid,
    );

    // Call: Meta is asked by BSUID (permission look-up and connect name it as recipient)
    stack.sim.setCallee(CUSTOMER.bsuid, { answer: 'accept', pickupDelayMs: 1_500 });
    await page.getByRole('button', { name: 'Call', exact: true }).click();
    const back = await dialedCall(stack, CUSTOMER.bsuid);
    const [connect] = stack.sim.requests({ action: 'connect', ok: true });
    expect(connect?.body).toMatchObject({ recipient: CUSTOMER.bsuid });
    expect(connect?.body).not.toHaveProperty('to');
    await back.waitFor('accepted', { timeoutMs: 15_000 });
    await expectAudioBothWays(back, alex);
    await shots.take(page, 'called-back');
    await alex.button('Hang up').click();
    await back.waitFor('ended', { timeoutMs: 10_000 });
  });
});
