import type { AgentRef, CallTransferProgressPayload } from '@ringside/contracts';
import { t } from '../i18n/i18n';
import { silentLogger, type Logger } from '../log';
import type { Outcome } from '../rtc/LocalAudio';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import type { TransferMode } from '../state/types';

export interface CallTransferOptions {
  store: AppStore;
  signaling: Pick<SignalingClient, 'on' | 'send'>;
  /** the call went to the colleague: this tab's part of it ends, in `words` (CallController) */
  handedOver: (callId: string, words: string) => void;
  log?: Logger;
}

/** the colleagues who can take the call now, or why they cannot be listed */
export type TransferTargets = { ok: true; agents: AgentRef[] } | { ok: false; message: string };

/**
 * The agent handing their anchored call to a colleague: lists who can take it, sends the
 * transfer (cold or warm), follows `call:transfer-progress` into the store (ringing, consulting),
 * ends the call here once it is the colleague's, and brings the agent back to the customer, with
 * a word on why, when it does not go. The server puts the customer on hold music and moves the
 * agent's leg meanwhile; the call's media is left as it is.
 *
 * @example
 * const transfer = new CallTransfer({ store, signaling, handedOver: (id, words) => calls.handedOver(id, words) });
 * transfer.start();
 * const targets = await transfer.targets(callId);
 * if (targets.ok) await transfer.transfer(callId, targets.agents[0], 'warm');
 * await transfer.complete();
 */
export class CallTransfer {
  readonly #options: CallTransferOptions;
  readonly #store: AppStore;
  readonly #log: Logger;
  /** calls whose progress was heard since their transfer was sent: the ack must not undo it */
  readonly #progressed = new Set<string>();
  #unsubscribe: (() => void)[] = [];

  constructor(options: CallTransferOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#log = options.log ?? silentLogger;
  }

  start(): void {
    if (this.#unsubscribe.length > 0) return;
    this.#unsubscribe = [
      this.#options.signaling.on('call:transfer-progress', (p) => this.#progress(p)),
      // the call ended (or was hung up, or failed): nothing is being handed over any more
      this.#store.subscribe((state) => {
        const { transfer } = state;
        if (transfer && state.current?.callId !== transfer.callId) {
          state.transferCleared(transfer.callId);
        }
      }),
    ];
  }

  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    const transfer = this.#store.getState().transfer;
    if (transfer) this.#store.getState().transferCleared(transfer.callId);
  }

  /** the colleagues who can take `callId` now (the picker's list) */
  async targets(callId: string): Promise<TransferTargets> {
    const result = await this.#options.signaling.send('call:transfer-targets', { callId });
    return result.ok
      ? { ok: true, agents: result.agents }
      : { ok: false, message: result.error.message };
  }

  /** hands the agent's call to `to`; the refusal's words when the server will not */
  async transfer(callId: string, to: AgentRef, mode: TransferMode): Promise<Outcome> {
    const state = this.#store.getState();
    if (state.current?.callId !== callId || state.current.phase !== 'active' || state.transfer) {
      return { ok: false, message: t('transfer.notNow') };
    }
    this.#progressed.delete(callId);
    const sent = await this.#options.signaling.send('call:transfer', {
      callId,
      toUserId: to.userId,
      mode,
    });
    if (!sent.ok) return { ok: false, message: sent.error.message };
    // a progress event that overtook the ack already said where it stands
    if (!this.#progressed.has(callId) && this.#store.getState().current?.callId === callId) {
      this.#store.getState().transferShown({ callId, to, mode, step: 'ringing' });
    }
    return { ok: true };
  }

  /** takes the call back before it is handed over */
  async cancel(): Promise<void> {
    const transfer = this.#store.getState().transfer;
    if (!transfer) return;
    const sent = await this.#options.signaling.send('call:transfer-cancel', {
      callId: transfer.callId,
    });
    if (sent.ok) this.#store.getState().transferCleared(transfer.callId);
    else this.#store.getState().problemShown(sent.error.message);
  }

  /** a warm transfer, after talking with the colleague: the call is theirs */
  async complete(): Promise<void> {
    const transfer = this.#store.getState().transfer;
    if (transfer?.step !== 'consulting') return;
    const sent = await this.#options.signaling.send('call:transfer-complete', {
      callId: transfer.callId,
    });
    if (!sent.ok) {
      this.#store.getState().problemShown(sent.error.message);
      return;
    }
    // `completed` follows; the ack says as much already
    this.#handedOver(transfer.callId, transfer.to);
  }

  #progress(payload: CallTransferProgressPayload): void {
    const { callId, to, state } = payload;
    const store = this.#store.getState();
    if (store.current?.callId !== callId) {
      this.#log.info('transfer progress for a call that is not ours now: ignored', { callId });
      return;
    }
    this.#progressed.add(callId);
    const mode = store.transfer?.mode ?? (state === 'consulting' ? 'warm' : 'cold');
    switch (state) {
      case 'ringing':
      case 'consulting':
        store.transferShown({ callId, to, mode, step: state });
        return;
      case 'completed':
        this.#handedOver(callId, to);
        return;
      case 'cancelled':
        store.transferCleared(callId);
        return;
      case 'declined':
      case 'no-answer':
      case 'failed':
        store.transferCleared(callId);
        store.transferNoticed(backWords(payload));
        return;
    }
  }

  #handedOver(callId: string, to: AgentRef): void {
    this.#progressed.delete(callId);
    this.#store.getState().transferCleared(callId);
    this.#options.handedOver(callId, t('transfer.done', { name: nameOf(to) }));
  }
}

/** why the call is still the agent's, in words */
function backWords({ to, state, reason }: CallTransferProgressPayload): string {
  const name = nameOf(to);
  if (state === 'declined') return t('transfer.back.declined', { name });
  if (state === 'no-answer') return t('transfer.back.noAnswer', { name });
  return reason
    ? t('transfer.back.failedBecause', { reason })
    : t('transfer.back.failed', { name });
}

function nameOf(agent: AgentRef): string {
  return agent.name.trim() || t('transfer.colleague');
}
