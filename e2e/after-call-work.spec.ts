import { describe, expect, it } from 'vitest';
import { expectAccessible } from './support/accessibility';
import { screenshots } from './support/artifacts';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';

// the WhatsApp line gives its agents after-call work until they save their notes
const world = useE2e({ whatsappRing: { wrapUp: 'until-save' } });
const shots = screenshots('after-call-work');

describe('after-call work', () => {
  it('keeps the agent from ringing while they write their notes; Save rings the waiting call', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    await answeredCall(stack, alex, 'whatsapp', 'Wendy Wrap');

    await alex.button('Hang up').click();
    await alex.page.getByText(/^After-call work:/).waitFor();
    await alex.button('Save').waitFor();
    await shots.take(alex.page, 'after-call-work');
    await expectAccessible(alex.page, 'wrap-up');

    // a customer calls meanwhile: the server stores it ringing, offered to nobody, and the
    // console shows no card
    const waiting = await stack.placeCall('whatsapp', 'Nina Next');
    const stored = await eventually(
      () => stack.storedCall(waiting.id),
      (call) => call !== undefined,
    );
    expect(stored).toEqual({ state: 'ringing', agentsOffered: [] });
    expect(await stack.availableAgents()).toEqual([]);
    expect(await alex.button('Accept').count()).toBe(0);

    // saving the notes ends it: the agent is available and the waiting call rings at once
    await alex.page.getByLabel('Notes').fill('Refund issued.');
    await alex.button('Save').click();
    await alex.waitForRinging('Nina Next');
    expect(await stack.availableAgents()).toEqual(['Alex Agent']);
    await waiting.hangUp();
  });
});
