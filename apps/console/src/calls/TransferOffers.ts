import type { CallTransferOfferedPayload, CallView } from '@ringside/contracts';
import { t } from '../i18n/i18n';
import { silentLogger, type Logger } from '../log';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import type { ConsultLeg } from './ConsultLeg';

export interface TransferOffersOptions {
  store: AppStore;
  signaling: Pick<SignalingClient, 'on' | 'send' | 'onConnected'>;
  /** the line with the colleague in a warm transfer */
  consult: Pick<ConsultLeg, 'join' | 'close'>;
  now?: () => number;
  log?: Logger;
}

/**
 * Colleagues' calls offered to this agent (`call:transfer-offered`): a card each while the agent
 * has no call of their own, Accept and Decline, and the offer taken back
 * (`call:transfer-withdrawn`: the colleague took it back, or, sent to a line's queue, another
 * agent of it accepted first; either way the card just goes). Accepting a cold transfer only claims it: the server then names
 * this agent on the call (`call:updated`) and the {@link CallController} takes it on a fresh leg,
 * as it takes back a call after a reload. Accepting a warm one first opens a line with the
 * colleague ({@link ConsultLeg}); it closes when the call becomes ours (the same `call:updated`),
 * when the agent leaves it, or when the colleague takes the call back.
 *
 * @example
 * const offers = new TransferOffers({ store, signaling, consult: new ConsultLeg({ … }) });
 * offers.start();
 * await offers.accept(callId);
 * await offers.leaveConsult();
 */
export class TransferOffers {
  readonly #options: TransferOffersOptions;
  readonly #store: AppStore;
  readonly #log: Logger;
  readonly #now: () => number;
  #unsubscribe: (() => void)[] = [];

  constructor(options: TransferOffersOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#log = options.log ?? silentLogger;
    this.#now = options.now ?? (() => Date.now());
  }

  start(): void {
    if (this.#unsubscribe.length > 0) return;
    const { signaling } = this.#options;
    this.#unsubscribe = [
      signaling.on('call:transfer-offered', (p) => this.#offered(p)),
      signaling.on('call:transfer-withdrawn', ({ callId }) => this.#withdrawn(callId)),
      signaling.on('call:updated', (view) => this.#updated(view)),
      // back from a dropped connection: the server sends again the offers still ringing for us,
      // so the cards shown before are dropped first (one taken back meanwhile would linger)
      signaling.onConnected((reconnected) => {
        if (reconnected) this.#dropCards();
      }),
    ];
  }

  /** the console stops: the line closes, the cards go */
  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    const state = this.#store.getState();
    if (state.consult) this.#endConsult(state.consult.callId);
    this.#dropCards();
  }

  /** every offer card goes (not a consult under way, nor an Accept on its way) */
  #dropCards(): void {
    const state = this.#store.getState();
    for (const [callId, offer] of Object.entries(state.transferOffers)) {
      if (!offer.accepting) state.transferOfferRemoved(callId);
    }
  }

  /** takes the offered call: cold, it becomes ours; warm, a line with the colleague opens */
  async accept(callId: string): Promise<void> {
    const state = this.#store.getState();
    const offer = state.transferOffers[callId];
    if (!offer || offer.accepting || state.current || state.consult) return;
    state.transferAccepting(callId);
    const accepted = await this.#options.signaling.send('call:transfer-accept', { callId });
    const store = this.#store.getState();
    // taken back while the answer was on its way: the card is gone already
    const still = store.transferOffers[callId] !== undefined;
    store.transferOfferRemoved(callId);
    if (!accepted.ok) {
      if (still) store.problemShown(accepted.error.message);
      return;
    }
    // cold: the call:updated naming us takes it from here
    if (accepted.sdp === undefined || !still) return;
    store.consultShown({ callId, from: offer.from, caller: offer.caller, phase: 'joining' });
    const joined = await this.#options.consult.join({
      callId,
      offer: accepted.sdp,
      lost: () => void this.#leave(callId, t('transfer.consult.lost', { name: offer.from.name })),
    });
    // left, taken back, or the call became ours, meanwhile
    if (this.#store.getState().consult?.callId !== callId) return;
    if (joined.ok) {
      this.#store.getState().consultShown({
        callId,
        from: offer.from,
        caller: offer.caller,
        phase: 'talking',
      });
      return;
    }
    await this.#leave(callId, t('transfer.consult.failed', { reason: joined.message }));
  }

  /** turns the offered call down */
  async decline(callId: string): Promise<void> {
    const state = this.#store.getState();
    if (!state.transferOffers[callId]) return;
    state.transferOfferRemoved(callId);
    const sent = await this.#options.signaling.send('call:transfer-decline', { callId });
    if (!sent.ok) this.#log.info('transfer decline refused', { callId, code: sent.error.code });
  }

  /** leaves the line with the colleague: they are back with the customer */
  async leaveConsult(): Promise<void> {
    const consult = this.#store.getState().consult;
    if (consult) await this.#leave(consult.callId);
  }

  #offered({ callId, mode, from, call, queue }: CallTransferOfferedPayload): void {
    const state = this.#store.getState();
    // the server offers calls only to available agents; one of ours in progress wins anyway
    if (state.current || state.consult) {
      this.#log.info('transfer offered while on a call: not shown', { callId });
      return;
    }
    state.transferOffered({
      callId,
      mode,
      from,
      channel: call.channel,
      caller: call.caller,
      called: call.called,
      offeredAt: this.#now(),
      accepting: false,
      ...(queue ? { queue } : {}),
    });
  }

  #withdrawn(callId: string): void {
    const state = this.#store.getState();
    state.transferOfferRemoved(callId);
    const consult = state.consult;
    if (consult?.callId !== callId) return;
    this.#endConsult(callId);
    this.#store.getState().transferNoticed(t('transfer.takenBack', { name: consult.from.name }));
  }

  /** the server names us on the call: the colleague handed it over, the call is ours now */
  #updated(view: CallView): void {
    const state = this.#store.getState();
    if (view.agent?.userId === undefined || view.agent.userId !== state.me?.id) return;
    state.transferOfferRemoved(view.id);
    if (state.consult?.callId === view.id) this.#endConsult(view.id);
  }

  /** leaves the line, tells the server, and says why when it was not the agent's choice */
  async #leave(callId: string, why?: string): Promise<void> {
    this.#endConsult(callId);
    if (why) this.#store.getState().transferNoticed(why);
    const sent = await this.#options.signaling.send('call:transfer-decline', { callId });
    if (!sent.ok) this.#log.info('leaving the consult refused', { callId, code: sent.error.code });
  }

  #endConsult(callId: string): void {
    this.#options.consult.close();
    this.#store.getState().consultCleared(callId);
  }
}
