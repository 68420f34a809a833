import type { CheckResult } from './check-result';

/**
 * The speaker's verdict: the agent heard the test tone or not (only they can tell).
 *
 * @example
 * judgeSpeaker(false).verdict; // 'fail'
 */
export function judgeSpeaker(heard: boolean): CheckResult {
  return heard
    ? { id: 'speaker', verdict: 'pass', summary: 'You heard the test tone.' }
    : {
        id: 'speaker',
        verdict: 'fail',
        summary: 'You did not hear the test tone, so you would not hear callers either.',
        fix: 'Turn the volume up, check the headset is plugged in and chosen as the output in your computer, or pick another speaker under Speaker, then play the tone again.',
      };
}

/**
 * The tone could not be played at all (no sound output, the device refused).
 *
 * @example
 * toneNotPlayed('That speaker could not be used.').verdict; // 'fail'
 */
export function toneNotPlayed(reason: string): CheckResult {
  return {
    id: 'speaker',
    verdict: 'fail',
    summary: 'We could not play the test tone.',
    fix: `${reason} Pick another speaker under Speaker, or reload the page.`,
  };
}
