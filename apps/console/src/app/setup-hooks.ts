import { useCallback, useSyncExternalStore } from 'react';
import type { MicActivity } from '../rtc/MicMonitor';
import type { SetupState } from '../setup/SetupCheck';
import { useServices } from './ConsoleProvider';

/**
 * A narrow reading of the agent's microphone (rtc/MicMonitor): select a number or a boolean, so
 * the component re-renders only when that changes, not on every reading.
 *
 * @example
 * const speaking = useMicActivity((a) => a.speaking);
 */
export function useMicActivity<T>(select: (activity: MicActivity) => T): T {
  const { micMonitor } = useServices();
  const subscribe = useCallback(
    (listener: () => void) => micMonitor.subscribe(listener),
    [micMonitor],
  );
  return useSyncExternalStore(subscribe, () => select(micMonitor.activity));
}

/**
 * The "Test my setup" state (setup/SetupCheck): progress, results, the last check kept.
 *
 * @example
 * const { running, results } = useSetupState();
 */
export function useSetupState(): SetupState {
  const { setup } = useServices();
  const subscribe = useCallback((listener: () => void) => setup.subscribe(listener), [setup]);
  return useSyncExternalStore(subscribe, () => setup.state);
}
