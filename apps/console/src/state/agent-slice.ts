import type { SelectableAgentStatus } from '@ringside/contracts';
import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';
import type { AgentPresence } from './types';

/** the agent's presence as the server sees it, and what the agent chose */
export interface AgentSlice {
  /** the server's word: `busy` during a call, `wrap-up` after one, `offline` without a socket */
  presence: AgentPresence;
  /** in timed after-call work: when it ends by itself (epoch ms); null otherwise */
  wrapUpUntil: number | null;
  /** what the agent picked; re-sent after a reconnect, since the server then says away */
  chosen: SelectableAgentStatus;
  /** a status change is on its way */
  statusPending: boolean;
  presenceUpdated(presence: AgentPresence, wrapUpUntil?: number | null): void;
  statusRequested(status: SelectableAgentStatus): void;
  statusSettled(): void;
}

export const initialAgent = {
  presence: 'offline',
  wrapUpUntil: null,
  chosen: 'away',
  statusPending: false,
} satisfies Partial<AgentSlice>;

export const createAgentSlice: StateCreator<AppState, [], [], AgentSlice> = (set) => ({
  ...initialAgent,
  presenceUpdated: (presence, wrapUpUntil = null) =>
    set((state) => ({
      presence,
      wrapUpUntil: presence === 'wrap-up' ? wrapUpUntil : null,
      // the server moving us to away (e.g. after a reconnect) is not the agent's choice, but a
      // server-side available is: it only happens after we asked for it
      chosen: presence === 'available' ? 'available' : state.chosen,
    })),
  statusRequested: (status) => set({ chosen: status, statusPending: true }),
  statusSettled: () => set({ statusPending: false }),
});
