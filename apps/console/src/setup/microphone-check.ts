import { t } from '../i18n/i18n';
import { SILENT_RMS, SPEECH_ON_RMS } from '../rtc/speech-gate';
import type { CheckResult } from './check-result';

/** what the microphone gave over the seconds of the test */
export interface MicrophoneSample {
  /** the loudest RMS reading */
  peakRms: number;
  /** how long speech was heard */
  speakingMs: number;
  /** how long the test listened */
  listenedMs: number;
}

/** speech must be heard at least this long for the microphone to pass */
export const MIN_SPEECH_MS = 300;

/**
 * The microphone's verdict from what it gave while the agent was asked to speak.
 *
 * @example
 * judgeMicrophone({ peakRms: 0, speakingMs: 0, listenedMs: 4000 }).verdict; // 'fail'
 */
export function judgeMicrophone(sample: MicrophoneSample): CheckResult {
  const seconds = (sample.listenedMs / 1000).toFixed(0);
  if (sample.peakRms < SILENT_RMS) {
    return {
      id: 'microphone',
      verdict: 'fail',
      summary: t('micCheck.silent', { seconds }),
      fix: t('micCheck.silentFix', { another: t('mic.pickAnother') }),
    };
  }
  if (sample.peakRms < SPEECH_ON_RMS || sample.speakingMs < MIN_SPEECH_MS) {
    return {
      id: 'microphone',
      verdict: 'warn',
      summary: t('micCheck.quiet'),
      fix: t('micCheck.quietFix', { another: t('mic.pickAnother') }),
    };
  }
  return { id: 'microphone', verdict: 'pass', summary: t('micCheck.clear') };
}

/**
 * The microphone could not be opened at all (blocked, missing, in use): the reason comes from
 * the device manager in words already.
 *
 * @example
 * microphoneUnavailable('Allow the microphone in the address bar.').verdict; // 'fail'
 */
export function microphoneUnavailable(reason: string): CheckResult {
  return {
    id: 'microphone',
    verdict: 'fail',
    summary: t('micCheck.unavailable'),
    fix: reason,
  };
}
