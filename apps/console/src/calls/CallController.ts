import type { CallEndedPayload, CallRemoteSdpPayload, CallView } from '@ringside/contracts';
import { silentLogger, type Logger } from '../log';
import type { CallSession, SessionEvent, SessionFailure } from '../rtc/CallSession';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import type { OutboundCallSession } from '../rtc/OutboundCallSession';
import type { SessionPhase } from '../rtc/session-phase';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import type { CallPhase, CurrentCall } from '../state/types';
import { acceptCall, type SessionFactory } from './accept-call';
import { wrapUpFor } from './call-records';
import type { CallStart } from './call-start';
import { dialCall, type OutboundSessionFactory } from './dial-call';
import { EarlyCallEvents } from './EarlyCallEvents';
import { callEndMessage } from './end-words';
import { orphanedCall, outboundProgress } from './server-view';

export type { SessionFactory } from './accept-call';
export type { OutboundRequest, OutboundSessionFactory } from './dial-call';

export interface CallControllerOptions {
  store: AppStore;
  signaling: Pick<SignalingClient, 'on' | 'send' | 'onConnected'>;
  createSession: SessionFactory;
  createOutboundSession: OutboundSessionFactory;
  /** a clone of the warm microphone, opening it first if needed */
  microphoneForCall: () => Promise<SessionMicrophone | { error: string }>;
  /** WhatsApp's offer for a ringing call (taken once) */
  takeOffer: (callId: string) => string | undefined;
  /** ends the call over REST when the socket is down */
  hangUpOverHttp: (callId: string) => void;
  /** how long after a reconnect the server has to re-announce our call before we let it go */
  resyncGraceMs?: number;
  now?: () => number;
  log?: Logger;
}

// failures before our SDP left the browser: nothing reached Meta, so give an inbound call back
const BEFORE_SENDING: ReadonlySet<SessionFailure['reason']> = new Set([
  'bad-offer',
  'sdp-invalid',
  'rtc-error',
]);

const PHASES: Record<SessionPhase, CallPhase | null> = {
  preparing: 'claiming',
  connecting: 'connecting',
  active: 'active',
  failed: null,
  closed: null,
};

/**
 * The agent's own call, from Accept (or Call) to wrap-up. Starting it is
 * {@link acceptCall}'s and {@link dialCall}'s job; from then on this mirrors the session's phase
 * and quality (and an outbound call's progress from the server) into the store, and ends the
 * call properly whoever ends it — the agent, the customer, Meta, or a failure the session
 * detected.
 *
 * @example
 * const calls = new CallController({ store, signaling, createSession, createOutboundSession, microphoneForCall, takeOffer, hangUpOverHttp });
 * calls.start();
 * await calls.accept(callId); // or: await calls.dial(channelId, '+44 7700 900123')
 * calls.toggleMute();
 * await calls.hangUp();
 */
export class CallController {
  readonly #options: CallControllerOptions;
  readonly #store: AppStore;
  readonly #log: Logger;
  readonly #now: () => number;
  readonly #host: CallStart;
  #session: CallSession | null = null;
  /** the same session while the call is one the agent placed */
  #outbound: OutboundCallSession | null = null;
  /** events about calls not known here yet, while an outbound call waits for its id */
  readonly #early = new EarlyCallEvents();
  /** a `call:dial` awaits its acknowledgement */
  #dialing = false;
  #localIds = 0;
  #endedByAgent = false;
  #seenSinceReconnect = true;
  #resyncTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void)[] = [];

  constructor(options: CallControllerOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#log = options.log ?? silentLogger;
    this.#now = options.now ?? (() => Date.now());
    this.#host = this.#createHost();
  }

  /** the session of the call in progress, for device switching */
  get session(): CallSession | null {
    return this.#session;
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

  /** Accept: claim the call while the session builds and checks its SDP, then send it */
  accept(callId: string): Promise<void> {
    return acceptCall(this.#host, callId, this.#options.createSession, this.#options.takeOffer);
  }

  /** Call: place a call to `typed` (a number or PSID as the agent typed it) from a channel */
  dial(channelId: string, typed: string): Promise<void> {
    return dialCall(this.#host, channelId, typed, this.#options.createOutboundSession);
  }

  async hangUp(): Promise<void> {
    const current = this.#store.getState().current;
    if (!current || current.phase === 'ending') return;
    this.#endedByAgent = true;
    this.#store.getState().callPatched(current.callId, { phase: 'ending' });
    this.#session?.close();
    // a call still being placed has no id on the server yet: dialCall ends it when the ack comes
    if (current.phase !== 'placing') await this.#sendHangup(current.callId);
    // call:ended normally arrives first; this covers a server that already forgot the call
    this.#finish(current.callId, { callId: current.callId, outcome: 'completed' });
  }

  toggleMute(): void {
    const current = this.#store.getState().current;
    if (!current || !this.#session) return;
    const muted = !current.muted;
    this.#session.setMuted(muted);
    this.#store.getState().callPatched(current.callId, { muted });
  }

  async toggleHold(): Promise<void> {
    const current = this.#store.getState().current;
    if (!current || !this.#session) return;
    const held = !current.held;
    const done = await this.#session.setHeld(held);
    if (done.ok) this.#store.getState().callPatched(current.callId, { held });
    else this.#store.getState().problemShown(done.message);
  }

  sendDtmf(digits: string): void {
    const current = this.#store.getState().current;
    if (!current || !this.#session) return;
    const sent = this.#session.sendDtmf(digits);
    if (sent.ok && sent.tones) this.#store.getState().dtmfSent(current.callId, sent.tones);
    else if (!sent.ok) this.#store.getState().problemShown(sent.message);
  }

  /** ends the call because this tab is giving up calls (sign-out, another tab took over) */
  async relinquish(): Promise<void> {
    const current = this.#store.getState().current;
    if (current) await this.hangUp();
  }

  #createHost(): CallStart {
    return {
      store: this.#store,
      signaling: this.#options.signaling,
      now: () => this.#now(),
      localId: () => `local-${++this.#localIds}`,
      microphone: () => this.#options.microphoneForCall(),
      begin: (session, call, outbound) => {
        this.#endedByAgent = false;
        this.#session = session;
        this.#outbound = outbound ?? null;
        this.#dialing = outbound !== undefined;
        this.#early.clear();
        session.onEvent((event) => this.#sessionEvent(session, event));
        this.#store.getState().callStarted(call);
      },
      owns: (session) => this.#session === session,
      endedByAgent: () => this.#endedByAgent,
      drop: (callId) => this.#drop(callId),
      sendHangup: (callId) => this.#sendHangup(callId),
      dialed: (localId, callId) => {
        this.#dialing = false;
        if (callId === null) this.#early.clear();
        else this.#store.getState().callPlaced(localId, callId);
      },
      replayEarly: (callId) => {
        // the newest state first (it may say the customer picked up), then Meta's answer, the end
        const early = this.#early.take(callId);
        if (early.view) this.#updated(early.view);
        for (const payload of early.remoteSdp) this.#remoteSdp(payload);
        if (early.ended) this.#ended(early.ended);
      },
    };
  }

  #sessionEvent(session: CallSession, event: SessionEvent): void {
    if (this.#session !== session) return;
    const { callId } = session;
    switch (event.type) {
      case 'phase': {
        const phase = PHASES[event.phase];
        const current = this.#store.getState().current;
        if (!phase || current?.callId !== callId || current.phase === 'ending') return;
        // an outbound call's progress until it is live comes from the server (dialing, ringing)
        if (current.direction === 'outbound' && phase !== 'active') return;
        this.#store.getState().callPatched(callId, { phase });
        return;
      }
      case 'quality':
        this.#store.getState().callPatched(callId, { quality: event.quality });
        return;
      case 'failed':
        void this.#abandon(callId, event.failure);
        return;
    }
  }

  /** the session gave up: end the call on the server too, and tell the agent why */
  async #abandon(callId: string, failure: SessionFailure): Promise<void> {
    const current = this.#store.getState().current;
    if (current?.callId !== callId) return;
    const talked = current.phase === 'active';
    this.#store.getState().callPatched(callId, { phase: 'ending' });
    if (current.direction === 'outbound') {
      // while placing, the server has no id for it yet: dialCall ends it if the ack brings one
      if (current.phase !== 'placing') await this.#sendHangup(callId);
    } else if (BEFORE_SENDING.has(failure.reason)) {
      // nothing reached meta: decline so the call is not left claimed by a browser that cannot take it
      await this.#options.signaling.send('call:decline', { callId });
    } else {
      await this.#sendHangup(callId);
    }
    this.#session = null;
    this.#outbound = null;
    this.#store
      .getState()
      .callFinished(
        callId,
        talked ? wrapUpFor(current, 'failed', failure.message, this.#now()) : null,
      );
    if (!talked) this.#tell(current.direction, failure.message);
  }

  /** a call that ended before anyone talked: the problem banner, or the dial notice for ours */
  #tell(direction: CurrentCall['direction'], message: string): void {
    if (direction === 'outbound') this.#store.getState().dialNoticed('ended', message);
    else this.#store.getState().problemShown(message);
  }

  async #sendHangup(callId: string): Promise<void> {
    const result = await this.#options.signaling.send('call:hangup', { callId });
    if (!result.ok && result.error.code === 'offline') this.#options.hangUpOverHttp(callId);
  }

  /** an outbound call waits for its id: events about unknown calls may be about it */
  #placing(): boolean {
    return this.#dialing;
  }

  #ended(payload: CallEndedPayload): void {
    if (this.#placing()) this.#early.ended(payload);
    else this.#finish(payload.callId, payload);
  }

  #remoteSdp(payload: CallRemoteSdpPayload): void {
    if (this.#session?.callId === payload.callId) void this.#session.applyRemoteSdp(payload);
    else if (this.#placing()) this.#early.remoteSdp(payload);
  }

  #finish(callId: string, ended: CallEndedPayload, message?: string): void {
    const current = this.#store.getState().current;
    if (current?.callId !== callId) return;
    this.#session?.close();
    this.#session = null;
    this.#outbound = null;
    const words = message ?? callEndMessage(ended, this.#endedByAgent, current.direction);
    const talked = current.answeredAt !== undefined || current.phase === 'active';
    this.#log.info(`call ${callId} ended: ${ended.outcome}`);
    this.#store
      .getState()
      .callFinished(callId, talked ? wrapUpFor(current, ended.outcome, words, this.#now()) : null);
    if (!talked && !this.#endedByAgent) this.#tell(current.direction, words);
  }

  #updated(view: CallView): void {
    const state = this.#store.getState();
    if (view.agent?.userId !== state.me?.id) return;
    if (state.current?.callId === view.id) {
      this.#seenSinceReconnect = true;
      const answeredAt = view.answeredAt ? Date.parse(view.answeredAt) : NaN;
      if (Number.isFinite(answeredAt) && state.current.answeredAt !== answeredAt) {
        state.callPatched(view.id, { answeredAt });
      }
      if (state.current.direction === 'outbound') this.#outboundProgress(view);
      return;
    }
    if (this.#placing()) {
      this.#early.view(view);
      return;
    }
    // the server has us on a call this tab has no audio for (a reload mid-call): offer to end it
    const orphan = state.current ? null : orphanedCall(view, this.#now());
    if (orphan) state.callStarted(orphan);
  }

  /** the customer's phone rings, then they pick up: the server's states drive the card */
  #outboundProgress(view: CallView): void {
    const current = this.#store.getState().current;
    const step = current && outboundProgress(current, view, this.#now());
    if (!step) return;
    this.#store.getState().callPatched(view.id, step.patch);
    // may make the session active at once (its audio is up already): that phase comes last
    if (step.pickedUp) this.#outbound?.calleeAnswered();
  }

  #reconnected(reconnected: boolean): void {
    const current = this.#store.getState().current;
    if (!reconnected || !current) return;
    // the server re-sends live calls on connect; ours not among them means it ended meanwhile
    this.#seenSinceReconnect = false;
    clearTimeout(this.#resyncTimer);
    this.#resyncTimer = setTimeout(() => {
      if (this.#seenSinceReconnect) return;
      this.#log.warn(`call ${current.callId} was not re-announced after reconnecting`);
      this.#finish(
        current.callId,
        { callId: current.callId, outcome: 'completed' },
        'The call ended while the connection to Ringside was down.',
      );
    }, this.#options.resyncGraceMs ?? 3000);
  }

  #drop(callId: string): void {
    this.#session = null;
    this.#outbound = null;
    this.#store.getState().callFinished(callId, null);
  }
}
