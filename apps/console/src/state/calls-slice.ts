import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';
import type {
  CurrentCall,
  DialDraft,
  DialNotice,
  Problem,
  RingNotice,
  RingingCall,
  WrapUp,
} from './types';

/** what may change on the agent's own call after it started */
export type CallPatch = Partial<
  Pick<
    CurrentCall,
    'phase' | 'answeredAt' | 'muted' | 'held' | 'quality' | 'mediaCapture' | 'anchored'
  >
>;

/** calls ringing here, the agent's own call, its wrap-up, and the last problem to read */
export interface CallsSlice {
  /** by call id, in arrival order */
  ringing: Record<string, RingingCall>;
  current: CurrentCall | null;
  wrapUp: WrapUp | null;
  problem: Problem | null;
  problemSeq: number;
  /** what became of the last call the agent tried to place */
  dialNotice: DialNotice | null;
  /** a call to fill into the New call form, until the form takes it */
  dialDraft: DialDraft | null;
  ringingAdded(call: RingingCall): void;
  /** a card says why it goes away (answered elsewhere, caller hung up) before it is removed */
  ringingNoticed(callId: string, notice: RingNotice): void;
  ringingRemoved(callId: string): void;
  ringingCleared(): void;
  /** the agent accepted: the call leaves the ringing list and becomes theirs */
  callStarted(call: CurrentCall): void;
  callPatched(callId: string, patch: CallPatch): void;
  /** the server named the call the agent is placing: its local id gives way, and it dials */
  callPlaced(localId: string, callId: string): void;
  dtmfSent(callId: string, digits: string): void;
  /** the agent's call is over; a call they talked on gets a wrap-up */
  callFinished(callId: string, wrapUp: WrapUp | null): void;
  wrapUpSaving(callId: string): void;
  wrapUpFailed(callId: string, error: string): void;
  wrapUpClosed(callId: string): void;
  problemShown(message: string): void;
  problemDismissed(id: number): void;
  dialNoticed(kind: DialNotice['kind'], message: string): void;
  dialNoticeDismissed(id: number): void;
  /** fill the New call form with this channel and number (Call back); nothing is dialled */
  dialDrafted(draft: DialDraft): void;
  /** the form filled itself from this draft: it is not applied again */
  dialDraftTaken(draft: DialDraft): void;
}

export const initialCalls = {
  ringing: {},
  current: null,
  wrapUp: null,
  problem: null,
  problemSeq: 0,
  dialNotice: null,
  dialDraft: null,
} satisfies Partial<CallsSlice>;

export const createCallsSlice: StateCreator<AppState, [], [], CallsSlice> = (set) => ({
  ...initialCalls,
  ringingAdded: (call) =>
    set((state) => {
      // a reconnect re-announces calls we already show; the agent's own call never rings
      if (state.ringing[call.callId] || state.current?.callId === call.callId) return state;
      return { ringing: { ...state.ringing, [call.callId]: call } };
    }),
  ringingNoticed: (callId, notice) =>
    set((state) => {
      const card = state.ringing[callId];
      // the first reason wins: a late call:ended after call:claimed must not reword the card
      if (!card || card.notice) return state;
      return { ringing: { ...state.ringing, [callId]: { ...card, notice } } };
    }),
  ringingRemoved: (callId) =>
    set((state) => {
      if (!state.ringing[callId]) return state;
      const { [callId]: _gone, ...rest } = state.ringing;
      return { ringing: rest };
    }),
  ringingCleared: () => set({ ringing: {} }),
  callStarted: (call) =>
    set((state) => {
      const { [call.callId]: _taken, ...rest } = state.ringing;
      return { ringing: rest, current: call, wrapUp: null };
    }),
  callPatched: (callId, patch) =>
    set((state) =>
      state.current?.callId === callId ? { current: { ...state.current, ...patch } } : state,
    ),
  callPlaced: (localId, callId) =>
    set((state) =>
      state.current?.callId === localId
        ? {
            current: {
              ...state.current,
              callId,
              phase: state.current.phase === 'placing' ? 'dialing' : state.current.phase,
            },
          }
        : state,
    ),
  dtmfSent: (callId, digits) =>
    set((state) =>
      state.current?.callId === callId
        ? { current: { ...state.current, dtmfSent: (state.current.dtmfSent + digits).slice(-32) } }
        : state,
    ),
  callFinished: (callId, wrapUp) =>
    set((state) => {
      if (state.current?.callId !== callId) return state;
      return { current: null, wrapUp };
    }),
  wrapUpSaving: (callId) =>
    set((state) =>
      state.wrapUp?.callId === callId
        ? { wrapUp: { ...state.wrapUp, saving: true, error: undefined } }
        : state,
    ),
  wrapUpFailed: (callId, error) =>
    set((state) =>
      state.wrapUp?.callId === callId
        ? { wrapUp: { ...state.wrapUp, saving: false, error } }
        : state,
    ),
  wrapUpClosed: (callId) =>
    set((state) => (state.wrapUp?.callId === callId ? { wrapUp: null } : state)),
  problemShown: (message) =>
    set((state) => ({
      problem: { id: state.problemSeq + 1, message },
      problemSeq: state.problemSeq + 1,
    })),
  problemDismissed: (id) => set((state) => (state.problem?.id === id ? { problem: null } : state)),
  // problems and dial notices share one sequence: each new one is a new alert
  dialNoticed: (kind, message) =>
    set((state) => ({
      dialNotice: { id: state.problemSeq + 1, kind, message },
      problemSeq: state.problemSeq + 1,
    })),
  dialNoticeDismissed: (id) =>
    set((state) => (state.dialNotice?.id === id ? { dialNotice: null } : state)),
  // a copy: each Call back is its own draft, even for the same customer twice; the last
  // attempt's notice is about another call, so it goes
  dialDrafted: (draft) => set({ dialDraft: { ...draft }, dialNotice: null }),
  dialDraftTaken: (draft) =>
    set((state) => (state.dialDraft === draft ? { dialDraft: null } : state)),
});
