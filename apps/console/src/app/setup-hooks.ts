import { useCallback, useSyncExternalStore } from 'react';
import type { MicActivity } from '../rtc/MicMonitor';
import type { LastCheck } from '../setup/last-check';
import type { SetupCheck, SetupState } from '../setup/SetupCheck';
import { useCalling } from './ConsoleProvider';

/**
 * A narrow reading of the agent's microphone (rtc/MicMonitor): select a number or a boolean, so
 * the component re-renders only when that changes, not on every reading.
 *
 * @example
 * const speaking = useMicActivity((a) => a.speaking);
 */
export function useMicActivity<T>(select: (activity: MicActivity) => T): T {
  const { micMonitor } = useCalling();
  const subscribe = useCallback(
    (listener: () => void) => micMonitor.subscribe(listener),
    [micMonitor],
  );
  return useSyncExternalStore(subscribe, () => select(micMonitor.activity));
}

/**
 * The "Test my setup" state (setup/SetupCheck): the step running, the results, the tone.
 *
 * @example
 * const { running, results } = useSetupState(setup);
 */
export function useSetupState(setup: SetupCheck): SetupState {
  const subscribe = useCallback((listener: () => void) => setup.subscribe(listener), [setup]);
  return useSyncExternalStore(subscribe, () => setup.state);
}

/**
 * The signed-in user's last "Test my setup" run in this browser (setup/KeptCheck); undefined
 * when never run.
 *
 * @example
 * const last = useLastCheck();
 */
export function useLastCheck(): LastCheck | undefined {
  const { lastCheck } = useCalling();
  const subscribe = useCallback(
    (listener: () => void) => lastCheck.subscribe(listener),
    [lastCheck],
  );
  return useSyncExternalStore(subscribe, () => lastCheck.last);
}
