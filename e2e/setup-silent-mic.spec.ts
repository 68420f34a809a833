import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually, sample } from './support/poll';
import { meterValue, SetupPage, silentMicrophone } from './support/setup-page';

// every agent's microphone gives nothing at all, as a headset muted at its cable does
const world = useE2e({ agents: ['Alex Agent', 'Bo Agent'], microphone: silentMicrophone() });
const shots = screenshots('setup-silent-mic');

describe('a silent microphone', () => {
  it('fails the setup test, and the agent view warns before Available without stopping it', async () => {
    const alex = await world().openConsole(0);
    await alex.signIn();
    const setup = await SetupPage.open(alex);
    await setup.start();
    await setup.finished();
    const microphone = await setup.text('Microphone');
    expect(microphone).toContain('Failed');
    expect(microphone).toContain('We hear nothing from your microphone');
    expect(microphone).toMatch(
      /not muted on the headset.*pick another microphone under Microphone/,
    );

    await setup.backToCalls();
    // not Available yet: the warning is there before the agent chooses it
    const warning = alex.page
      .getByRole('status')
      .filter({ hasText: 'We hear nothing from your microphone' });
    await warning.waitFor();
    expect(await alex.statusSelected('Available').count()).toBe(0);
    expect(await warning.innerText()).toMatch(/Callers would hear nothing from you/);
    expect(await alex.text()).toMatch(/Last tested today at .*: a problem found\./);
    await shots.take(alex.page, 'warned-before-available');

    // the warning never stands in the way
    await alex.goAvailable();
    expect(await warning.isVisible()).toBe(true);
  });

  it('warns once Available when never tested, and a muted agent who says nothing is not told they are muted', async () => {
    const { stack } = world();
    const bo = await world().openConsole(1);
    await bo.signIn();
    // never tested, microphone not yet open: nothing to warn about, Available works as ever
    expect(await bo.text()).not.toContain('We hear nothing from your microphone');
    await bo.goAvailable();
    const warning = bo.page
      .getByRole('status')
      .filter({ hasText: 'We hear nothing from your microphone' });
    await warning.waitFor({ timeout: 8000 });

    await answeredCall(stack, bo, 'whatsapp', 'Sol Silence');
    const meter = bo.page.getByRole('meter', { name: 'Your microphone level' });
    const level = await eventually(
      () => meterValue(meter),
      (v) => v >= 0,
    );
    expect(level).toBe(0);
    await bo.button('Mute').click();
    await bo.button('Unmute').waitFor();
    const notices = await sample(
      () => bo.page.getByRole('alert').filter({ hasText: 'You are muted' }).count(),
      2000,
      150,
    );
    expect(Math.max(...notices)).toBe(0);
    // the call card speaks for itself: no setup warning during a call
    expect(await warning.count()).toBe(0);
  });
});
