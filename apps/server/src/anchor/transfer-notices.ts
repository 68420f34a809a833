import type {
  CallTransferOfferedPayload,
  CallTransferProgressPayload,
  CallTransferWithdrawnPayload,
} from '@ringside/contracts';

/**
 * What the consoles are told of a transfer (`call:transfer-*`); the socket layer implements it
 * (`sockets/notifier.ts`).
 *
 * @example
 * notices.transferOffered(colleagueId, { callId, mode: 'cold', from, call });
 */
export interface TransferNotices {
  transferOffered(userId: string, payload: CallTransferOfferedPayload): void;
  transferWithdrawn(userId: string, payload: CallTransferWithdrawnPayload): void;
  transferProgress(userId: string, payload: CallTransferProgressPayload): void;
}
