import { describe, expect, it } from 'vitest';
import { LEVELS } from './support/audio-levels';
import { screenshots } from './support/artifacts';
import { useE2e } from './support/e2e-suite';
import { eventually, sample } from './support/poll';

const world = useE2e();
const shots = screenshots('shortcuts');

// the console's keys (apps/console/src/keyboard/shortcuts.ts), as the help line shows them
const KEY = { accept: 'a', decline: 'd', mute: 'm', hangup: 'h' } as const;

describe('keyboard shortcuts', () => {
  it('A answers, M mutes and unmutes, H hangs up; typed in the notes the same letters do nothing', async () => {
    const { stack } = world();
    const alex = await world().availableAgent();
    const keyboard = alex.page.keyboard;

    const call = await stack.placeCall('whatsapp', 'Kiran Keys');
    await alex.waitForRinging('Kiran Keys');
    await keyboard.press(KEY.accept);
    await alex.button('Hang up').waitFor();
    await call.waitFor('accepted', { timeoutMs: 15_000 });
    const talking = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
    );
    expect(talking.audioLevel).toBeGreaterThan(LEVELS.voice);

    // M toggles: the button says so and the caller hears silence, then the voice again
    await keyboard.press(KEY.mute);
    await alex.button('Unmute').waitFor();
    const muted = await eventually(
      () => call.stats(),
      (s) => s.audioLevel < LEVELS.silence,
    );
    expect(muted.audioLevel).toBeLessThan(LEVELS.silence);
    await shots.take(alex.page, 'muted-by-key');
    await keyboard.press(KEY.mute);
    await alex.button('Mute').waitFor();
    const unmuted = await eventually(
      () => call.stats(),
      (s) => s.audioLevel > LEVELS.voice,
    );
    expect(unmuted.audioLevel).toBeGreaterThan(LEVELS.voice);

    await keyboard.press(KEY.hangup);
    await call.waitFor('ended', { timeoutMs: 10_000 });
    expect(call.snapshot().reason).toBe('business-terminated');
    await alex.button('Save').waitFor();

    // a second call rings while the agent writes up the first: the letters are just text
    const next = await stack.placeCall('whatsapp', 'Dana Typing');
    await alex.waitForRinging('Dana Typing');
    const notes = alex.page.getByRole('textbox', { name: 'Notes', exact: true });
    await notes.click();
    const typed = 'Had a damp mhm ahead, call back';
    await keyboard.type(typed);
    expect(await notes.inputValue()).toBe(typed);
    // nothing answered, declined, muted or hung up: still ringing here and at the caller's end
    const ringing = await sample(() => alex.button('Accept').count(), 1_000);
    expect(ringing.every((count) => count === 1)).toBe(true);
    expect(next.state).toBe('ringing');
    expect(stack.sim.requests({ callId: next.id })).toEqual([]);
    await shots.take(alex.page, 'typing-in-notes');

    // out of the field, D declines the ringing call
    await notes.blur();
    await keyboard.press(KEY.decline);
    await next.waitFor('ended', { timeoutMs: 10_000 });
    expect(next.snapshot().reason).toBe('business-rejected');
    await alex.page
      .getByRole('heading', { name: 'Dana Typing' })
      .waitFor({ state: 'hidden', timeout: 3_000 });
    // the notes survived it all, and save
    expect(await notes.inputValue()).toBe(typed);
    await alex.button('Save').click();
    await alex.button('Save').waitFor({ state: 'hidden' });
  });
});
