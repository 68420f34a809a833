import type { AppState, AppStore } from '../state/store';
import type { RingingCall } from '../state/types';
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

/**
 * Follows the ringing list in the store: ringtone while anything rings (and the agent is not on
 * a call), one desktop notification per call, tab title flashing while hidden.
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
      if (state.ringing !== previous.ringing || state.current !== previous.current)
        this.#sync(state);
    });
    this.#sync(this.#store.getState());
  }

  stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
    this.#sync({ ringing: {}, current: null });
  }

  #sync(state: Pick<AppState, 'ringing' | 'current'>): void {
    const ringing = activeRinging(state.ringing);
    const ids = new Set(ringing.map((card) => card.callId));
    for (const id of [...this.#notified]) {
      if (!ids.has(id)) {
        this.#outputs.notifier.close(id);
        this.#notified.delete(id);
      }
    }
    for (const card of ringing) {
      if (this.#notified.has(card.callId)) continue;
      this.#notified.add(card.callId);
      this.#outputs.notifier.show(
        card.callId,
        t('shell.strip.calling', { name: callerName(card.caller) }),
        `${channelName(card.channel)} · ${callerAddress(card.caller)}`,
      );
    }
    const first = ringing[0];
    // in a call the agent's ear is busy: no ringtone over the caller
    if (first && !state.current) this.#outputs.ringtone.start();
    else this.#outputs.ringtone.stop();
    if (first)
      this.#outputs.title.flash(t('shell.strip.calling', { name: callerName(first.caller) }));
    else this.#outputs.title.stop();
  }
}
