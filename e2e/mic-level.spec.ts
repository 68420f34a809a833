import { describe, expect, it } from 'vitest';
import { screenshots } from './support/artifacts';
import { answeredCall } from './support/calls';
import { useE2e } from './support/e2e-suite';
import { eventually, sample } from './support/poll';
import { meterValue } from './support/setup-page';

// the default microphone: loud syllable-paced bursts that never stop
const world = useE2e();
const shots = screenshots('mic-level');

describe('the agent’s own microphone in the call card', () => {
  it('shows the voice on a level meter, and "You are muted" while they talk muted, gone on Unmute', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    await answeredCall(stack, alex, 'whatsapp', 'Mira Meter');
    const page = alex.page;
    const meter = page.getByRole('meter', { name: 'Your microphone level' });
    const mutedNotice = page.getByRole('alert').filter({ hasText: 'You are muted' });

    const levels = await sample(() => meterValue(meter), 2000, 100);
    // the voice fills most of the meter, and the meter follows the syllables
    expect(Math.max(...levels)).toBeGreaterThan(60);
    expect(Math.min(...levels)).toBeGreaterThanOrEqual(0);
    expect(new Set(levels).size).toBeGreaterThan(1);
    // talking unmuted is what calls are for: no notice
    expect(await mutedNotice.count()).toBe(0);

    await alex.button('Mute').click();
    await alex.button('Unmute').waitFor();
    await mutedNotice.waitFor({ timeout: 5000 });
    expect(await mutedNotice.innerText()).toMatch(/^You are muted\. The caller cannot hear you/);
    // the meter keeps measuring the microphone itself, not the muted call
    const whileMuted = await eventually(
      () => meterValue(meter),
      (v) => v > 60,
      { timeoutMs: 3000 },
    );
    expect(whileMuted).toBeGreaterThan(60);
    await shots.take(page, 'talking-while-muted');

    await alex.button('Unmute').click();
    await alex.button('Mute').waitFor();
    await mutedNotice.waitFor({ state: 'hidden', timeout: 2000 });
    const after = await sample(() => mutedNotice.count(), 1500, 150);
    expect(Math.max(...after)).toBe(0);
  });
});
