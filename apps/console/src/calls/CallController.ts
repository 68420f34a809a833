import type { CallEndedPayload, CallRemoteSdpPayload, CallView } from '@ringside/contracts';
import { silentLogger, type Logger } from '../log';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import type { MediaSession } from '../rtc/MediaSession';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import { AgentCall, type CallContext } from './AgentCall';
import { InboundCall, type InboundMediaFactory } from './InboundCall';
import { OutboundCall, type OutboundMediaFactory } from './OutboundCall';
import type { RejoinMediaFactory } from './rejoin-leg';
import { RejoinedCall } from './RejoinedCall';
import { orphanedCall, rejoiningCall } from './server-view';
import { t } from '../i18n/i18n';

export type { InboundMediaFactory } from './InboundCall';
export type { OutboundMediaFactory, OutboundRequest } from './OutboundCall';
export type { RejoinMediaFactory } from './rejoin-leg';

export interface CallControllerOptions {
  store: AppStore;
  signaling: Pick<SignalingClient, 'on' | 'send' | 'onConnected'>;
  createInboundMedia: InboundMediaFactory;
  createOutboundMedia: OutboundMediaFactory;
  /** the media answering the engine's offer of a fresh leg (after a reload, or a lost connection) */
  createRejoinMedia: RejoinMediaFactory;
  /** a clone of the warm microphone, opening it first if needed */
  microphoneForCall: () => Promise<SessionMicrophone | { error: string }>;
  /** WhatsApp's offer for a ringing call (taken once) */
  takeOffer: (callId: string) => string | undefined;
  /** the media prepared while the call rang (calls/PreparedAnswers), taken once */
  takePrepared?: (callId: string) => Promise<MediaSession | undefined>;
  /** ends the call over REST when the socket is down */
  hangUpOverHttp: (callId: string) => void;
  /** how long after a reconnect the server has to re-announce our call before we let it go */
  resyncGraceMs?: number;
  now?: () => number;
  log?: Logger;
}

/**
 * The agent's calls by id: starts them ({@link InboundCall} on Accept, {@link OutboundCall} on
 * Call), routes the server's events about a call to it (or, while a call being placed awaits its
 * id, to that call's early buffer), shows a call the server has for us that this page has no
 * audio for (an anchored one it takes back: {@link RejoinedCall}), lets our call go when the
 * server does not re-announce it after a reconnect, and hands the agent's buttons to the call
 * in progress.
 *
 * @example
 * const calls = new CallController({ store, signaling, createInboundMedia, createOutboundMedia, createRejoinMedia, microphoneForCall, takeOffer, hangUpOverHttp });
 * calls.start();
 * await calls.accept(callId); // or: await calls.dial(channelId, '+44 7700 900123')
 * calls.toggleMute();
 * await calls.hangUp();
 */
export class CallController {
  readonly #options: CallControllerOptions;
  readonly #store: AppStore;
  readonly #log: Logger;
  readonly #context: CallContext;
  readonly #calls = new Map<string, AgentCall>();
  /** the last call placed: until its dial is acknowledged, even if hung up meanwhile */
  #outbound: OutboundCall | undefined;
  #localIds = 0;
  #seenSinceReconnect = true;
  #resyncTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void)[] = [];
  /** calls whose Accept is under way: a second click does nothing */
  readonly #accepting = new Set<string>();

  constructor(options: CallControllerOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#log = options.log ?? silentLogger;
    const now = options.now ?? (() => Date.now());
    this.#context = {
      store: options.store,
      signaling: options.signaling,
      log: this.#log,
      now,
      microphone: () => options.microphoneForCall(),
      createRejoinMedia: options.createRejoinMedia,
      hangUpOverHttp: (callId) => options.hangUpOverHttp(callId),
      registered: (call) => this.#calls.set(call.callId, call),
      renamed: (call, previousId) => {
        if (this.#calls.get(previousId) === call) this.#calls.delete(previousId);
        this.#calls.set(call.callId, call);
      },
      released: (call) => {
        if (this.#calls.get(call.callId) === call) this.#calls.delete(call.callId);
      },
    };
  }

  /** the media of the call in progress, for device switching */
  get session(): MediaSession | null {
    return this.#current()?.media ?? null;
  }

  start(): void {
    if (this.#unsubscribe.length > 0) return;
    const { signaling } = this.#options;
    this.#unsubscribe = [
      signaling.on('call:ended', (p) => this.#ended(p)),
      signaling.on('call:updated', (view) => this.#updated(view)),
      signaling.on('call:remote-sdp', (p) => this.#remoteSdp(p)),
      signaling.onConnected((reconnected) => this.#reconnected(reconnected)),
    ];
  }

  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    clearTimeout(this.#resyncTimer);
  }

  /** Accept: claim the ringing call while its media builds and checks our SDP, then send it */
  async accept(callId: string): Promise<void> {
    const state = this.#store.getState();
    const card = state.ringing[callId];
    if (!card || card.notice || state.current || this.#accepting.has(callId)) return;
    const { createInboundMedia, takeOffer, takePrepared } = this.#options;
    this.#accepting.add(callId);
    try {
      const prepared = await takePrepared?.(callId);
      const offer = takeOffer(callId);
      await new InboundCall(this.#context, callId).accept(
        card,
        createInboundMedia,
        prepared ? undefined : offer,
        prepared,
      );
    } finally {
      this.#accepting.delete(callId);
    }
  }

  /** Call: place a call to `typed` (a number or PSID as the agent typed it) from a channel */
  dial(channelId: string, typed: string): Promise<void> {
    const call = new OutboundCall(this.#context, `local-${++this.#localIds}`);
    this.#outbound = call;
    return call.dial(channelId, typed, this.#options.createOutboundMedia);
  }

  async hangUp(): Promise<void> {
    await this.#current()?.hangUp();
  }

  toggleMute(): void {
    this.#current()?.toggleMute();
  }

  async toggleHold(): Promise<void> {
    await this.#current()?.toggleHold();
  }

  sendDtmf(digits: string): void {
    this.#current()?.sendDtmf(digits);
  }

  /**
   * The call went to a colleague (a transfer): this tab's part of it is over, as when the call
   * ends (media closed, wrap-up), the wrap-up saying `words`. The call goes on without us.
   */
  handedOver(callId: string, words: string): void {
    this.#calls.get(callId)?.finish({ callId, outcome: 'completed' }, words);
  }

  /** ends the call because this tab is giving up calls (sign-out, another tab took over) */
  async relinquish(): Promise<void> {
    await this.hangUp();
  }

  /** the call the store shows */
  #current(): AgentCall | undefined {
    const current = this.#store.getState().current;
    return current ? this.#calls.get(current.callId) : undefined;
  }

  /** the call being placed, while `call:dial` awaits its ack */
  #placing(): OutboundCall | undefined {
    return this.#outbound?.awaitingId ? this.#outbound : undefined;
  }

  #ended(payload: CallEndedPayload): void {
    const call = this.#calls.get(payload.callId);
    if (call) call.ended(payload);
    else this.#placing()?.early.ended(payload);
  }

  #remoteSdp(payload: CallRemoteSdpPayload): void {
    const call = this.#calls.get(payload.callId);
    if (call) call.remoteSdp(payload);
    else this.#placing()?.early.remoteSdp(payload);
  }

  #updated(view: CallView): void {
    const state = this.#store.getState();
    if (view.agent?.userId !== state.me?.id) return;
    const call = this.#calls.get(view.id);
    if (call) {
      this.#seenSinceReconnect = true;
      call.updated(view);
      return;
    }
    const placing = this.#placing();
    if (placing) {
      placing.early.view(view);
      return;
    }
    // the server has us on a call this tab has no audio for (a reload mid-call): an anchored
    // one goes on without us, so take it back on a fresh leg; otherwise offer to end it
    if (state.current) return;
    const now = this.#context.now();
    const rejoining = rejoiningCall(view, now);
    if (rejoining) {
      void new RejoinedCall(this.#context, view.id).rejoin(rejoining);
      return;
    }
    const orphan = orphanedCall(view, now);
    if (orphan) new AgentCall(this.#context, view.id).show(orphan);
  }

  #reconnected(reconnected: boolean): void {
    const call = this.#current();
    if (!reconnected || !call) return;
    // the server re-sends live calls on connect; ours not among them means it ended meanwhile
    this.#seenSinceReconnect = false;
    clearTimeout(this.#resyncTimer);
    this.#resyncTimer = setTimeout(() => {
      if (this.#seenSinceReconnect) return;
      this.#log.warn(`call ${call.callId} was not re-announced after reconnecting`);
      call.finish({ callId: call.callId, outcome: 'completed' }, t('end.whileDown'));
    }, this.#options.resyncGraceMs ?? 3000);
  }
}
