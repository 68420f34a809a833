import { t } from '../i18n/i18n';
import type { CheckResult } from './check-result';

/**
 * The speaker's verdict: the agent heard the test tone or not (only they can tell).
 *
 * @example
 * judgeSpeaker(false).verdict; // 'fail'
 */
export function judgeSpeaker(heard: boolean): CheckResult {
  return heard
    ? { id: 'speaker', verdict: 'pass', summary: t('speakerCheck.heard') }
    : {
        id: 'speaker',
        verdict: 'fail',
        summary: t('speakerCheck.notHeard'),
        fix: t('speakerCheck.notHeardFix'),
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
    summary: t('speakerCheck.notPlayed'),
    fix: t('speakerCheck.notPlayedFix', { reason }),
  };
}
