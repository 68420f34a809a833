import type {
  AgentView,
  BoardCounters,
  BoardSnapshotPayload,
  CallEndedPayload,
  CallView,
} from '@ringside/contracts';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { TodayFigures } from './today-figures';

/** how many ended call ids the board remembers, so a late update cannot bring one back */
const ENDED_MEMORY = 500;

/** the supervisor's live board: plain data, replaced by snapshots, moved by events */
export interface BoardState {
  /** `loading` until the first snapshot; `error` when none could be had */
  phase: 'loading' | 'ready' | 'error';
  error: string | null;
  /** ringing and active calls, oldest first */
  calls: CallView[];
  /** by name */
  agents: AgentView[];
  /** the server's figures for today, as of the last snapshot or `board:counters` */
  counters: BoardCounters | null;
  /** what the console works out from today's call log (per agent, average call length) */
  today: TodayFigures | null;
  /** ids of calls that ended, newest last */
  ended: string[];
  /** epoch ms of the last snapshot */
  syncedAt: number | null;
  snapshotReceived(snapshot: BoardSnapshotPayload, at: number): void;
  callChanged(call: CallView): void;
  callEnded(end: CallEndedPayload): void;
  agentChanged(agent: AgentView): void;
  /** the server's figures moved between snapshots (`board:counters`) */
  countersReceived(counters: BoardCounters): void;
  todayComputed(today: TodayFigures): void;
  failed(message: string): void;
}

export type BoardStore = StoreApi<BoardState>;

/**
 * Creates a board store; the supervisor page makes one while it is open (the agent's console
 * never loads it). Events are full views, so each replaces what it names; a call that ended
 * stays gone whatever arrives late.
 *
 * @example
 * const board = createBoardStore();
 * board.getState().snapshotReceived(snapshot, Date.now());
 * board.getState().callChanged({ ...call, state: 'active' });
 */
export function createBoardStore(): BoardStore {
  return createStore<BoardState>()((set) => ({
    phase: 'loading',
    error: null,
    calls: [],
    agents: [],
    counters: null,
    today: null,
    ended: [],
    syncedAt: null,
    snapshotReceived: (snapshot, at) =>
      set((state) => ({
        phase: 'ready',
        error: null,
        calls: sortCalls(
          snapshot.calls.filter((c) => c.state !== 'ended' && !state.ended.includes(c.id)),
        ),
        agents: sortAgents(snapshot.agents),
        counters: snapshot.counters,
        syncedAt: at,
      })),
    callChanged: (call) =>
      set((state) => {
        if (state.ended.includes(call.id)) return state;
        if (call.state === 'ended') return endCall(state, call.id);
        const others = state.calls.filter((c) => c.id !== call.id);
        return { calls: sortCalls([...others, call]) };
      }),
    callEnded: (end) => set((state) => endCall(state, end.callId)),
    agentChanged: (agent) =>
      set((state) => ({
        agents: sortAgents([...state.agents.filter((a) => a.userId !== agent.userId), agent]),
      })),
    countersReceived: (counters) => set({ counters }),
    todayComputed: (today) => set({ today }),
    // a failed refresh keeps what the board shows; only a board that never loaded shows the error
    failed: (message) =>
      set((state) =>
        state.phase === 'ready' ? { error: message } : { phase: 'error', error: message },
      ),
  }));
}

function endCall(state: BoardState, callId: string): Partial<BoardState> {
  const ended = state.ended.includes(callId)
    ? state.ended
    : [...state.ended, callId].slice(-ENDED_MEMORY);
  return { calls: state.calls.filter((c) => c.id !== callId), ended };
}

function sortCalls(calls: CallView[]): CallView[] {
  // calls without a start time (never from this server) go last, in arrival order
  return [...calls].sort((a, b) => startOf(a) - startOf(b) || a.id.localeCompare(b.id));
}

function startOf(call: CallView): number {
  const at = call.startedAt ? Date.parse(call.startedAt) : Number.NaN;
  return Number.isNaN(at) ? Number.MAX_SAFE_INTEGER : at;
}

function sortAgents(agents: AgentView[]): AgentView[] {
  return [...agents].sort(
    (a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId),
  );
}
