import type {
  AgentRef,
  CallTransferProgressPayload,
  CallTransferTargetsAck,
} from '@ringside/contracts';
import { t } from '../i18n/i18n';
import { silentLogger, type Logger } from '../log';
import type { Outcome } from '../rtc/LocalAudio';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import type { OutgoingTransfer, TransferMode, TransferTarget } from '../state/types';

export interface CallTransferOptions {
  store: AppStore;
  signaling: Pick<SignalingClient, 'on' | 'send'>;
  /** the call went to the colleague: this tab's part of it ends, in `words` (CallController) */
  handedOver: (callId: string, words: string) => void;
  log?: Logger;
}

/** a line's queue the call can be sent to, with how many of its agents are available now */
export type QueueTarget = CallTransferTargetsAck['queues'][number];

/** the colleagues and the lines' queues that can take the call now, or why they cannot be listed */
export type TransferTargets =
  { ok: true; agents: AgentRef[]; queues: QueueTarget[] } | { ok: false; message: string };

/**
 * The agent handing their anchored call to a colleague or to a line's queue (whoever of it
 * accepts first takes it): lists who can take it, sends the transfer (cold or warm), follows
 * `call:transfer-progress` into the store (ringing, consulting), ends the call here once it is
 * the colleague's, and brings the agent back to the customer, with a word on why, when it does
 * not go. The server puts the customer on hold music and moves the
 * agent's leg meanwhile; the call's media is left as it is.
 *
 * @example
 * const transfer = new CallTransfer({ store, signaling, handedOver: (id, words) => calls.handedOver(id, words) });
 * transfer.start();
 * const targets = await transfer.targets(callId);
 * if (targets.ok) await transfer.transfer(callId, { kind: 'agent', agent: targets.agents[0] }, 'warm');
 * await transfer.transfer(callId, { kind: 'queue', queue: { channelId: 'ch1', name: 'Sales' } }, 'cold');
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

  /** the colleagues and queues that can take `callId` now (the picker's list) */
  async targets(callId: string): Promise<TransferTargets> {
    const result = await this.#options.signaling.send('call:transfer-targets', { callId });
    return result.ok
      ? { ok: true, agents: result.agents, queues: result.queues }
      : { ok: false, message: result.error.message };
  }

  /** hands the agent's call to a colleague or a queue; the refusal's words when the server will not */
  async transfer(callId: string, target: TransferTarget, mode: TransferMode): Promise<Outcome> {
    const state = this.#store.getState();
    if (state.current?.callId !== callId || state.current.phase !== 'active' || state.transfer) {
      return { ok: false, message: t('transfer.notNow') };
    }
    this.#progressed.delete(callId);
    const sent = await this.#options.signaling.send('call:transfer', {
      callId,
      ...(target.kind === 'agent'
        ? { toUserId: target.agent.userId }
        : { toChannelId: target.queue.channelId }),
      mode,
    });
    if (!sent.ok) return { ok: false, message: sent.error.message };
    // a progress event that overtook the ack already said where it stands
    if (!this.#progressed.has(callId) && this.#store.getState().current?.callId === callId) {
      const where = target.kind === 'agent' ? { to: target.agent } : { queue: target.queue };
      this.#store.getState().transferShown({ callId, ...where, mode, step: 'ringing' });
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
    const { callId, state } = payload;
    const store = this.#store.getState();
    if (store.current?.callId !== callId) {
      this.#log.info('transfer progress for a call that is not ours now: ignored', { callId });
      return;
    }
    this.#progressed.add(callId);
    const known = store.transfer?.callId === callId ? store.transfer : null;
    const mode = known?.mode ?? (state === 'consulting' ? 'warm' : 'cold');
    // a queue's ringing names nobody yet; whoever of it accepts is named from then on
    const to = payload.to ?? known?.to;
    const queue = payload.queue ?? known?.queue;
    switch (state) {
      case 'ringing':
      case 'consulting':
        store.transferShown({ callId, to, queue, mode, step: state });
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
        store.transferNoticed(backWords({ to, queue }, state, payload.reason));
        return;
    }
  }

  #handedOver(callId: string, to: AgentRef | undefined): void {
    this.#progressed.delete(callId);
    this.#store.getState().transferCleared(callId);
    this.#options.handedOver(callId, t('transfer.done', { name: nameOf(to) }));
  }
}

/**
 * why the call is still the agent's, in words: about the colleague once one is named (who was
 * asked, or who of the queue accepted), else about the queue nobody of which took it
 */
function backWords(
  { to, queue }: Pick<OutgoingTransfer, 'to' | 'queue'>,
  state: 'declined' | 'no-answer' | 'failed',
  reason: string | undefined,
): string {
  if (state === 'failed' && reason) return t('transfer.back.failedBecause', { reason });
  if (!to && queue) {
    return state === 'failed'
      ? t('transfer.queue.failed', { line: queue.name })
      : t('transfer.queue.nobodyTook', { line: queue.name });
  }
  const name = nameOf(to);
  if (state === 'declined') return t('transfer.back.declined', { name });
  if (state === 'no-answer') return t('transfer.back.noAnswer', { name });
  return t('transfer.back.failed', { name });
}

function nameOf(agent: AgentRef | undefined): string {
  return agent?.name.trim() || t('transfer.colleague');
}
