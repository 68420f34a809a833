import type { CallEndedPayload, CallView } from '@ringside/contracts';
import { silentLogger, type Logger } from '../log';
import type { CallSession, SessionEvent, SessionFailure } from '../rtc/CallSession';
import type { SessionMicrophone } from '../rtc/LocalAudio';
import type { SessionPhase } from '../rtc/session-phase';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import type { CallPhase, RingingCall } from '../state/types';
import { startedCall, wrapUpFor } from './call-records';
import { callEndMessage } from './end-words';

/** builds the session for a call's channel (WhatsApp gets Meta's offer) */
export type SessionFactory = (
  card: RingingCall,
  microphone: SessionMicrophone,
  offer: string | undefined,
) => CallSession | { error: string };

export interface CallControllerOptions {
  store: AppStore;
  signaling: Pick<SignalingClient, 'on' | 'send' | 'onConnected'>;
  createSession: SessionFactory;
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

// failures before our SDP left the browser: nothing reached Meta, so give the call back
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
 * The agent's own call, from Accept to wrap-up: claims it while the session prepares its SDP
 * (nothing is sent to Meta before the claim succeeds and the SDP passed its check), mirrors the
 * session's phase and quality into the store, and ends the call properly whoever ends it —
 * the agent, the caller, Meta, or a failure the session detected.
 *
 * @example
 * const calls = new CallController({ store, signaling, createSession, microphoneForCall, takeOffer, hangUpOverHttp });
 * calls.start();
 * await calls.accept(callId);
 * calls.toggleMute();
 * await calls.hangUp();
 */
export class CallController {
  readonly #options: CallControllerOptions;
  readonly #store: AppStore;
  readonly #log: Logger;
  readonly #now: () => number;
  #session: CallSession | null = null;
  #endedByAgent = false;
  #seenSinceReconnect = true;
  #resyncTimer: ReturnType<typeof setTimeout> | undefined;
  #unsubscribe: (() => void)[] = [];

  constructor(options: CallControllerOptions) {
    this.#options = options;
    this.#store = options.store;
    this.#log = options.log ?? silentLogger;
    this.#now = options.now ?? (() => Date.now());
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
      signaling.on('call:remote-sdp', (p) => {
        if (this.#session?.callId === p.callId) void this.#session.applyRemoteSdp(p);
      }),
      signaling.onConnected((reconnected) => this.#reconnected(reconnected)),
    ];
  }

  stop(): void {
    for (const off of this.#unsubscribe) off();
    this.#unsubscribe = [];
    clearTimeout(this.#resyncTimer);
  }

  /** Accept: claim the call while the session builds and checks its SDP, then send it */
  async accept(callId: string): Promise<void> {
    const state = this.#store.getState();
    const card = state.ringing[callId];
    if (!card || card.notice || state.current) return;
    const microphone = await this.#options.microphoneForCall();
    if ('error' in microphone) {
      state.problemShown(microphone.error);
      return;
    }
    const session = this.#options.createSession(card, microphone, this.#options.takeOffer(callId));
    if ('error' in session) {
      microphone.track.stop();
      state.problemShown(session.error);
      void this.#options.signaling.send('call:decline', { callId });
      return;
    }
    this.#endedByAgent = false;
    this.#session = session;
    session.onEvent((event) => this.#sessionEvent(session, event));
    this.#store.getState().callStarted(startedCall(card, this.#now()));

    const preparing = session.prepare();
    const claim = await this.#options.signaling.send('call:accept', { callId });
    const stillOurs = this.#session === session;
    if (!claim.ok) {
      session.close();
      if (stillOurs) {
        this.#drop(callId);
        this.#store.getState().problemShown(claim.error.message);
      }
      return;
    }
    // hung up while the claim was in flight: that hang-up may have reached the server before
    // the claim, so end the call now (a failed session has released it already)
    if (!stillOurs) {
      if (this.#endedByAgent) await this.#sendHangup(callId);
      return;
    }
    // a failed prepare has already ended the call through the session's failed event
    if (!(await preparing).ok) return;
    await session.deliver();
  }

  async hangUp(): Promise<void> {
    const current = this.#store.getState().current;
    if (!current || current.phase === 'ending') return;
    this.#endedByAgent = true;
    this.#store.getState().callPatched(current.callId, { phase: 'ending' });
    this.#session?.close();
    await this.#sendHangup(current.callId);
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

  #sessionEvent(session: CallSession, event: SessionEvent): void {
    if (this.#session !== session) return;
    const { callId } = session;
    switch (event.type) {
      case 'phase': {
        const phase = PHASES[event.phase];
        const current = this.#store.getState().current;
        if (phase && current?.callId === callId && current.phase !== 'ending') {
          this.#store.getState().callPatched(callId, { phase });
        }
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
    if (BEFORE_SENDING.has(failure.reason)) {
      // nothing reached meta: decline so the call is not left claimed by a browser that cannot take it
      await this.#options.signaling.send('call:decline', { callId });
    } else {
      await this.#sendHangup(callId);
    }
    this.#session = null;
    this.#store
      .getState()
      .callFinished(
        callId,
        talked ? wrapUpFor(current, 'failed', failure.message, this.#now()) : null,
      );
    if (!talked) this.#store.getState().problemShown(failure.message);
  }

  async #sendHangup(callId: string): Promise<void> {
    const result = await this.#options.signaling.send('call:hangup', { callId });
    if (!result.ok && result.error.code === 'offline') this.#options.hangUpOverHttp(callId);
  }

  #ended(payload: CallEndedPayload): void {
    this.#finish(payload.callId, payload);
  }

  #finish(
    callId: string,
    ended: CallEndedPayload,
    message = callEndMessage(ended, this.#endedByAgent),
  ): void {
    const current = this.#store.getState().current;
    if (current?.callId !== callId) return;
    this.#session?.close();
    this.#session = null;
    const talked = current.answeredAt !== undefined || current.phase === 'active';
    this.#log.info(`call ${callId} ended: ${ended.outcome}`);
    this.#store
      .getState()
      .callFinished(
        callId,
        talked ? wrapUpFor(current, ended.outcome, message, this.#now()) : null,
      );
    if (!talked && !this.#endedByAgent) this.#store.getState().problemShown(message);
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
      return;
    }
    // the server has us on a call this tab has no audio for (a reload mid-call): offer to end it
    if (
      !state.current &&
      (view.state === 'claimed' || view.state === 'connecting' || view.state === 'active')
    ) {
      state.callStarted({
        ...startedCall({ ...view, callId: view.id }, this.#now()),
        phase: 'orphaned',
      });
    }
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
    this.#store.getState().callFinished(callId, null);
  }
}
