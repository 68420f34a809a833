import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';
import type { AuthState, ConnectionState, Me, TabRole } from './types';

/** who is signed in, which tab owns calls, and the socket's state */
export interface SessionSlice {
  auth: AuthState;
  me: Me | null;
  tab: TabRole;
  /** whether the other tab that owns calls is in a call (take-over would end it) */
  otherTabInCall: boolean;
  connection: ConnectionState;
  /** `GET /api/sim`: whether the simulator drawer can place calls */
  simulator: 'unknown' | 'on' | 'off';
  signedIn(me: Me): void;
  signedOut(): void;
  setTab(tab: TabRole, otherTabInCall?: boolean): void;
  setConnection(connection: ConnectionState): void;
  setSimulator(enabled: boolean): void;
}

export const initialSession = {
  auth: 'checking',
  me: null,
  tab: 'checking',
  otherTabInCall: false,
  connection: 'idle',
  simulator: 'unknown',
} satisfies Partial<SessionSlice>;

export const createSessionSlice: StateCreator<AppState, [], [], SessionSlice> = (set) => ({
  ...initialSession,
  signedIn: (me) => set({ auth: 'signed-in', me }),
  signedOut: () => set({ ...initialSession, auth: 'signed-out' }),
  setTab: (tab, otherTabInCall = false) => set({ tab, otherTabInCall }),
  setConnection: (connection) => set({ connection }),
  setSimulator: (enabled) => set({ simulator: enabled ? 'on' : 'off' }),
});
