import type { StateCreator } from 'zustand/vanilla';
import type { AppState } from './store';
import type { Consult, OutgoingTransfer, TransferNotice, TransferOffer } from './types';

/**
 * Transfers of anchored calls, both ends: the agent's own call being handed over
 * (`transfer`), colleagues' calls offered to this agent (`transferOffers`), the line with the
 * colleague in a warm transfer (`consult`), and the last word on how one went.
 */
export interface TransfersSlice {
  transfer: OutgoingTransfer | null;
  /** by call id, in arrival order */
  transferOffers: Record<string, TransferOffer>;
  consult: Consult | null;
  transferNotice: TransferNotice | null;
  transferNoticeSeq: number;
  /** the agent's call is being handed over, or the handing-over moved on a step */
  transferShown(transfer: OutgoingTransfer): void;
  /** the handing-over of `callId` is over (it went, or it stays ours) */
  transferCleared(callId: string): void;
  transferOffered(offer: TransferOffer): void;
  transferAccepting(callId: string): void;
  transferOfferRemoved(callId: string): void;
  consultShown(consult: Consult): void;
  consultCleared(callId: string): void;
  transferNoticed(message: string): void;
  transferNoticeDismissed(id: number): void;
}

export const initialTransfers = {
  transfer: null,
  transferOffers: {},
  consult: null,
  transferNotice: null,
  transferNoticeSeq: 0,
} satisfies Partial<TransfersSlice>;

export const createTransfersSlice: StateCreator<AppState, [], [], TransfersSlice> = (set) => ({
  ...initialTransfers,
  transferShown: (transfer) => set({ transfer }),
  transferCleared: (callId) =>
    set((state) => (state.transfer?.callId === callId ? { transfer: null } : state)),
  transferOffered: (offer) =>
    set((state) =>
      state.transferOffers[offer.callId]
        ? state
        : { transferOffers: { ...state.transferOffers, [offer.callId]: offer } },
    ),
  transferAccepting: (callId) =>
    set((state) => {
      const offer = state.transferOffers[callId];
      if (!offer) return state;
      return {
        transferOffers: { ...state.transferOffers, [callId]: { ...offer, accepting: true } },
      };
    }),
  transferOfferRemoved: (callId) =>
    set((state) => {
      if (!state.transferOffers[callId]) return state;
      const { [callId]: _gone, ...rest } = state.transferOffers;
      return { transferOffers: rest };
    }),
  consultShown: (consult) => set({ consult }),
  consultCleared: (callId) =>
    set((state) => (state.consult?.callId === callId ? { consult: null } : state)),
  transferNoticed: (message) =>
    set((state) => ({
      transferNotice: { id: state.transferNoticeSeq + 1, message },
      transferNoticeSeq: state.transferNoticeSeq + 1,
    })),
  transferNoticeDismissed: (id) =>
    set((state) => (state.transferNotice?.id === id ? { transferNotice: null } : state)),
});
