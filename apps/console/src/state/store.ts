import { createStore, type StoreApi } from 'zustand/vanilla';
import { createAgentSlice, initialAgent, type AgentSlice } from './agent-slice';
import { createCallsSlice, initialCalls, type CallsSlice } from './calls-slice';
import { createDevicesSlice, initialDevices, type DevicesSlice } from './devices-slice';
import {
  createPermissionsSlice,
  initialPermissions,
  type PermissionsSlice,
} from './permissions-slice';
import { createSessionSlice, initialSession, type SessionSlice } from './session-slice';
import { createTransfersSlice, initialTransfers, type TransfersSlice } from './transfers-slice';

/** the console's one store: session, agent, calls, transfers, permissions and devices slices */
export type AppState = SessionSlice &
  AgentSlice &
  CallsSlice &
  TransfersSlice &
  PermissionsSlice &
  DevicesSlice;

export type AppStore = StoreApi<AppState>;

/**
 * Creates the store. There is no module-level instance: the provider makes one per app, and
 * each test makes its own, so nothing leaks between them.
 *
 * @example
 * const store = createAppStore();
 * store.getState().signedIn(me);
 * store.getState().auth; // 'signed-in'
 */
export function createAppStore(): AppStore {
  return createStore<AppState>()((...args) => ({
    ...createSessionSlice(...args),
    ...createAgentSlice(...args),
    ...createCallsSlice(...args),
    ...createTransfersSlice(...args),
    ...createPermissionsSlice(...args),
    ...createDevicesSlice(...args),
  }));
}

/**
 * Forgets everything about the signed-in agent (sign-out), keeping the actions.
 *
 * @example
 * resetAgentData(store); // then store.getState().signedOut()
 */
export function resetAgentData(store: AppStore): void {
  store.setState({
    ...initialSession,
    ...initialAgent,
    ...initialCalls,
    ...initialTransfers,
    ...initialPermissions,
    ...initialDevices,
  });
}
