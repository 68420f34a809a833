import { createContext, useContext, useEffect, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { AppState } from '../state/store';
import type { CallingServices } from './calling-services';
import type { ConsoleServices } from './console-services';

const ServicesContext = createContext<ConsoleServices | null>(null);

/**
 * Makes the console's services (store and plain classes) reachable to components, and boots
 * them (finds out whether the browser is signed in).
 *
 * @example
 * <ConsoleProvider services={new ConsoleServices({ env: readEnv(), win: window })}><App /></ConsoleProvider>
 */
export function ConsoleProvider({
  services,
  children,
}: {
  services: ConsoleServices;
  children: ReactNode;
}) {
  useEffect(() => {
    void services.boot();
  }, [services]);
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

/**
 * The console's services. Throws outside `<ConsoleProvider>`, which is always a wiring mistake.
 *
 * @example
 * const { rest } = useServices();
 */
export function useServices(): ConsoleServices {
  const services = useContext(ServicesContext);
  if (!services) {
    throw new Error('useServices() was called outside <ConsoleProvider>; wrap the app in it');
  }
  return services;
}

/**
 * What a signed-in user runs (socket, devices, calls). For components under the signed-in
 * routes: the session loads it before it starts, so it is always there for them.
 *
 * @example
 * const { calls } = useCalling();
 * <button onClick={() => void calls.hangUp()}>Hang up</button>
 */
export function useCalling(): CallingServices {
  return useServices().calling;
}

/**
 * Reads a narrow slice of the store; the component re-renders only when that slice changes.
 *
 * @example
 * const current = useAppState((s) => s.current);
 */
export function useAppState<T>(selector: (state: AppState) => T): T {
  return useStore(useServices().store, selector);
}
