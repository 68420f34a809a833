import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually } from './support/poll';

const world = useE2e();
const shots = screenshots('caller-hangs-up');

describe('the caller hangs up', () => {
  it('during the call: the console ends it, closes the audio and says the caller hung up', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await answeredCall(stack, alex, 'whatsapp', 'Carl Caller');

    await call.hangUp();
    await alex.button('Hang up').waitFor({ state: 'hidden' });
    await alex.button('Save').waitFor();
    expect(await alex.text()).toMatch(/caller hung up/i);
    const audio = await eventually(
      () => alex.audio(),
      (a) => a.connectionState === 'closed',
    );
    expect(audio.connectionState).toBe('closed');
    await shots.take(alex.page, 'after-call');
    await alex.button('Save').click();
    await alex.button('Save').waitFor({ state: 'hidden' });
  });

  it('while ringing: the card says so, then clears', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const call = await stack.placeCall('whatsapp', 'Rita Ringing');
    await alex.waitForRinging('Rita Ringing');

    await call.hangUp();
    await alex.page.getByText(/caller hung up/i).waitFor({ timeout: 5_000 });
    await shots.take(alex.page, 'caller-left-while-ringing');
    // the notice is brief: the card leaves on its own, nothing left to click
    await alex.page
      .getByRole('heading', { name: 'Rita Ringing' })
      .waitFor({ state: 'hidden', timeout: 3_000 });
    expect(await alex.button('Accept').count()).toBe(0);
  });
});
