import { t } from '../i18n/i18n';
import type { MicState } from '../state/types';

/** a microphone problem: the state the store keeps and how to fix it, in words */
export interface MicProblem {
  state: Exclude<MicState, 'idle' | 'requesting' | 'ready'>;
  message: string;
}

/**
 * Explains why `getUserMedia` failed, in terms an agent can act on.
 *
 * @example
 * classifyMediaError(new DOMException('', 'NotAllowedError')).state; // 'denied'
 * classifyMediaError(new DOMException('', 'NotFoundError')).state; // 'missing'
 */
export function classifyMediaError(error: unknown): MicProblem {
  const name =
    typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return {
        state: 'denied',
        message: t('micError.denied'),
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return {
        state: 'missing',
        message: t('micError.missing'),
      };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        state: 'busy',
        message: t('micError.busy'),
      };
    default:
      return {
        state: 'error',
        message: t('micError.other'),
      };
  }
}

/** what the agent reads when the page cannot reach media devices at all (plain http, old browser) */
export const NO_MEDIA_DEVICES: MicProblem = {
  state: 'missing',
  // worded when read, in the language of that moment
  get message() {
    return t('micError.noDevices');
  },
};

/** what the agent reads when the microphone in use disappears */
export const MIC_UNPLUGGED: MicProblem = {
  state: 'missing',
  get message() {
    return t('micError.unplugged');
  },
};
