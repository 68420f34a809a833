import { t } from '../i18n/i18n';
import type { CallClaimedPayload, CallEndedPayload, CallRingingPayload } from '@ringside/contracts';
import { silentLogger, type Logger } from '../log';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import type { RingNotice } from '../state/types';
import { ringEndNotice } from './end-words';

// the least a card rings here before it may go by itself
const MIN_RING_MS = 3_000;

export interface RingingCallsOptions {
  store: AppStore;
  signaling: Pick<SignalingClient, 'on' | 'send' | 'onConnected'>;
  /** how long "Answered by …" / "Caller hung up" stays before the card goes (under a second) */
  noticeMs?: number;
  /**
   * how long past its `ringTimeoutMs` a card waits for the server's word before it goes by
   * itself (a longest-idle turn that passed gets no event: the call rings on for someone else)
   */
  expirySlackMs?: number;
  now?: () => number;
  log?: Logger;
}

/**
 * The calls ringing for this agent: cards in the store (SDP offers kept here, out of the store),
 * whether the caller waits in a line's queue, the reason a card goes away shown briefly, and
 * Decline.
 *
 * @example
 * const ringing = new RingingCalls({ store, signaling });
 * ringing.start();
 * const offer = ringing.offerFor(callId); // WhatsApp's SDP offer, for the session
 */
export class RingingCalls {
  readonly #store: AppStore;
  readonly #signaling: RingingCallsOptions['signaling'];
  readonly #noticeMs: number;
  readonly #now: () => number;
  readonly #log: Logger;
  readonly #offers = new Map<string, string>();
  readonly #expirySlackMs: number;
  readonly #timers = new Map<string, ReturnType<typeof setTimeout>>();
  readonly #expiries = new Map<string, ReturnType<typeof setTimeout>>();
  #unsubscribe: (() => void)[] = [];

  constructor(options: RingingCallsOptions) {
    this.#store = options.store;
    this.#signaling = options.signaling;
    this.#noticeMs = options.noticeMs ?? 900;
    this.#expirySlackMs = options.expirySlackMs ?? 500;
    this.#now = options.now ?? (() => Date.now());
    this.#log = options.log ?? silentLogger;
  }

  start(): void {
    if (this.#unsubscribe.length > 0) return;
    this.#unsubscribe = [
      this.#signaling.on('call:ringing', (p) => this.#ringing(p)),
      this.#signaling.on('call:claimed', (p) => this.#claimed(p)),
      this.#signaling.on('call:ended', (p) => this.#ended(p)),
      // cards may be stale after a drop; the server re-sends what still rings on connect
      this.#signaling.onConnected((reconnected) => {
        if (reconnected) this.clear();
      }),
    ];
  }

  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    this.clear();
  }

  /** forgets every card (sign-out, or a reconnect: the server re-announces what still rings) */
  clear(): void {
    for (const timer of [...this.#timers.values(), ...this.#expiries.values()]) clearTimeout(timer);
    this.#timers.clear();
    this.#expiries.clear();
    this.#offers.clear();
    this.#store.getState().ringingCleared();
  }

  /** WhatsApp's offer for a ringing call, left in place (an answer prepared while it rings) */
  offerFor(callId: string): string | undefined {
    return this.#offers.get(callId);
  }

  /** WhatsApp's offer for a ringing call; taken once by the session that answers it */
  takeOffer(callId: string): string | undefined {
    const offer = this.#offers.get(callId);
    this.#offers.delete(callId);
    return offer;
  }

  /** the agent declines: the card goes at once; a refusal other than "already over" is shown */
  async decline(callId: string): Promise<void> {
    const card = this.#store.getState().ringing[callId];
    if (!card || card.notice) return;
    this.#forget(callId);
    const result = await this.#signaling.send('call:decline', { callId });
    if (
      !result.ok &&
      result.error.code !== 'invalid_state' &&
      result.error.code !== 'already_claimed'
    ) {
      this.#store.getState().problemShown(`Could not decline the call: ${result.error.message}`);
    }
  }

  #ringing(payload: CallRingingPayload): void {
    if (typeof payload.callId !== 'string') return;
    const parsed = Date.parse(payload.ringingSince);
    const since = Number.isFinite(parsed) ? parsed : this.#now();
    if (payload.sdpOffer) this.#offers.set(payload.callId, payload.sdpOffer);
    this.#store.getState().ringingAdded({
      callId: payload.callId,
      channel: payload.channel,
      caller: payload.caller,
      called: payload.called,
      earlierCalls: payload.earlierCalls,
      ringingSince: since,
      ringTimeoutMs: payload.ringTimeoutMs,
      ...(payload.source ? { source: payload.source } : {}),
      ...(payload.waiting ? { waiting: payload.waiting } : {}),
    });
    this.#expireAt(payload.callId, since + payload.ringTimeoutMs);
  }

  // past its deadline the card stops ringing even if no word came (this agent's turn passed);
  // the deadline is on the server's clock, so a card always gets a few seconds here, in case
  // this computer's clock runs ahead
  #expireAt(callId: string, deadline: number): void {
    clearTimeout(this.#expiries.get(callId));
    const now = this.#now();
    const delay = Math.max(deadline, now + MIN_RING_MS) + this.#expirySlackMs - now;
    this.#expiries.set(
      callId,
      setTimeout(() => {
        this.#expiries.delete(callId);
        if (this.#store.getState().ringing[callId]?.notice) return;
        this.#notice(callId, { kind: 'ended', text: t('ring.notAnswered') });
      }, delay),
    );
  }

  #claimed(payload: CallClaimedPayload): void {
    const state = this.#store.getState();
    // our own claim: the call moved to `current` already
    if (payload.by.userId === state.me?.id) return;
    const name = payload.by.name.trim() || 'another agent';
    this.#notice(payload.callId, { kind: 'answered-elsewhere', by: name });
  }

  #ended(payload: CallEndedPayload): void {
    const card = this.#store.getState().ringing[payload.callId];
    if (!card) return;
    this.#notice(payload.callId, ringEndNotice(payload, card, this.#now()));
  }

  #notice(callId: string, notice: RingNotice): void {
    const state = this.#store.getState();
    if (!state.ringing[callId]) return;
    this.#log.info(`ringing call ${callId} goes: ${notice.kind}`);
    state.ringingNoticed(callId, notice);
    this.#offers.delete(callId);
    if (this.#timers.has(callId)) return;
    this.#timers.set(
      callId,
      setTimeout(() => this.#forget(callId), this.#noticeMs),
    );
  }

  #forget(callId: string): void {
    clearTimeout(this.#timers.get(callId));
    this.#timers.delete(callId);
    clearTimeout(this.#expiries.get(callId));
    this.#expiries.delete(callId);
    this.#offers.delete(callId);
    this.#store.getState().ringingRemoved(callId);
  }
}
