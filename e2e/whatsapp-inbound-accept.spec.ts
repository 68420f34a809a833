import { describe, expect, it } from 'vitest';
import { publishReadmeScreenshot, screenshots } from './support/artifacts';
import { expectAccessible } from './support/accessibility';
import { listenTo } from './support/announcements';
import { useE2e } from './support/e2e-suite';
import { expectAudioBothWays } from './support/calls';

const world = useE2e();
const shots = screenshots('whatsapp-inbound-accept');

describe('WhatsApp inbound call, accepted', () => {
  it('rings with the caller, and once accepted audio flows both ways', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    await shots.take(alex.page, 'available');
    await expectAccessible(alex.page, 'agent available');
    const heard = await listenTo(alex.page.getByRole('status', { name: 'Incoming calls' }));

    // a fixed caller (a number from the UK's range for fiction) keeps the README picture steady
    const call = await stack.placeCall('whatsapp', 'Rahul Mehta', { from: '447700900123' });
    await alex.waitForRinging('Rahul Mehta');
    // the card names the caller and shows their number, in whatever format
    const card = await alex.text();
    expect(card).toContain('Rahul Mehta');
    expect(card.replace(/\D/g, '')).toContain('447700900123');
    await shots.take(alex.page, 'ringing');
    await expectAccessible(alex.page, 'ringing');
    // a screen reader hears the call once, with caller and channel, not again as the timer ticks
    const timer = alex.page.getByRole('timer', { name: 'Ringing for' });
    const shown = await timer.textContent();
    await alex.page.waitForFunction(
      (before) => document.querySelector('[role="timer"]')?.textContent !== before,
      shown,
    );
    const said = await heard();
    expect(said).toHaveLength(1);
    expect(said[0]).toMatch(/^Incoming WhatsApp call from Rahul Mehta, \+?[\d ]+$/);
    expect(said[0]?.replace(/\D/g, '')).toBe('447700900123');

    await alex.acceptCallFrom('Rahul Mehta');
    await call.waitFor('accepted', { timeoutMs: 15_000 });

    // audio both ways, measured at each far end
    await expectAudioBothWays(call, alex);

    await alex.page.getByRole('timer', { name: 'Call duration' }).waitFor();
    publishReadmeScreenshot(await shots.take(alex.page, 'in-call'));
    await expectAccessible(alex.page, 'in call');
    expect(call.state).toBe('accepted');
  });
});
