import type { AppState, AppStore } from '../state/store';
import type { RingingCall, TransferOffer } from '../state/types';
import { callerAddress, callerName, channelName } from '../ui/format';
import { t } from '../i18n/i18n';

/** the parts that make noise or light up; plain classes, faked in tests */
export interface RingOutputs {
  ringtone: { start(): void; stop(): void };
  notifier: { show(tag: string, title: string, body: string): void; close(tag: string): void };
  title: { flash(message: string): void; stop(): void };
}

/**
 * Cards still ringing (not yet showing why they go away), oldest first.
 *
 * @example
 * activeRinging(store.getState().ringing).length; // how many calls ring now
 */
export function activeRinging(ringing: AppState['ringing']): RingingCall[] {
  return Object.values(ringing).filter((card) => !card.notice);
}

/** what one ringing call or offered transfer shows in a notification and the tab's title */
interface Ring {
  callId: string;
  title: string;
  body: string;
}

function callRing(card: RingingCall): Ring {
  return {
    callId: card.callId,
    title: t('shell.strip.calling', { name: callerName(card.caller) }),
    body: `${channelName(card.channel)} · ${callerAddress(card.caller)}`,
  };
}

function transferRing(offer: TransferOffer): Ring {
  return {
    callId: offer.callId,
    title: t('transfer.offer.title', { name: offer.from.name }),
    body: `${channelName(offer.channel)} · ${callerName(offer.caller)}`,
  };
}

/**
 * Follows the ringing list (and the transfers colleagues offer) in the store: ringtone while
 * anything rings (and the agent is not on a call), one desktop notification per call, tab title
 * flashing while hidden.
 *
 * @example
 * const alerts = new RingAlerts(store, { ringtone, notifier, title });
 * alerts.start();
 */
export class RingAlerts {
  readonly #store: AppStore;
  readonly #outputs: RingOutputs;
  readonly #notified = new Set<string>();
  #unsubscribe: (() => void) | undefined;

  constructor(store: AppStore, outputs: RingOutputs) {
    this.#store = store;
    this.#outputs = outputs;
  }

  start(): void {
    if (this.#unsubscribe) return;
    this.#unsubscribe = this.#store.subscribe((state, previous) => {
      if (
        state.ringing !== previous.ringing ||
        state.transferOffers !== previous.transferOffers ||
        state.current !== previous.current
      )
        this.#sync(state);
    });
    this.#sync(this.#store.getState());
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#sync({ ringing: {}, transferOffers: {}, current: null });
  }

  #sync(state: Pick<AppState, 'ringing' | 'transferOffers' | 'current'>): void {
    const ringing = [
      ...activeRinging(state.ringing).map(callRing),
      ...Object.values(state.transferOffers)
        .filter((offer) => !offer.accepting)
        .map(transferRing),
    ];
    const ids = new Set(ringing.map((ring) => ring.callId));
    for (const id of [...this.#notified]) {
      if (!ids.has(id)) {
        this.#outputs.notifier.close(id);
        this.#notified.delete(id);
      }
    }
    for (const ring of ringing) {
      if (this.#notified.has(ring.callId)) continue;
      this.#notified.add(ring.callId);
      this.#outputs.notifier.show(ring.callId, ring.title, ring.body);
    }
    const first = ringing[0];
    // in a call the agent's ear is busy: no ringtone over the caller
    if (first && !state.current) this.#outputs.ringtone.start();
    else this.#outputs.ringtone.stop();
    if (first) this.#outputs.title.flash(first.title);
    else this.#outputs.title.stop();
  }
}
