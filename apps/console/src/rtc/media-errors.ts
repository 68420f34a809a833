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
        message:
          'Microphone access is blocked, so you cannot take calls. Allow the microphone for this site (the icon at the left of the address bar), then choose Available again.',
      };
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return {
        state: 'missing',
        message:
          'No microphone was found, so you cannot take calls. Plug one in, then choose Available again.',
      };
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return {
        state: 'busy',
        message:
          'The microphone could not be started; another app may be using it. Close that app, then choose Available again.',
      };
    default:
      return {
        state: 'error',
        message:
          'The microphone could not be used, so you cannot take calls. Reload the page and try again.',
      };
  }
}

/** what the agent reads when the page cannot reach media devices at all (plain http, old browser) */
export const NO_MEDIA_DEVICES: MicProblem = {
  state: 'missing',
  message:
    'This browser does not give this page a microphone (Ringside needs https and a current browser), so you cannot take calls.',
};

/** what the agent reads when the microphone in use disappears */
export const MIC_UNPLUGGED: MicProblem = {
  state: 'missing',
  message:
    'Your microphone was disconnected, so you were set to Away. Plug it back in, then choose Available.',
};
