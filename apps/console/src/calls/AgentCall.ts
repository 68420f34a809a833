import type { CallEndedPayload, CallRemoteSdpPayload, CallView } from '@ringside/contracts';
import type { Logger } from '../log';
import type { Outcome, SessionMicrophone } from '../rtc/LocalAudio';
import type { MediaSession, SessionEvent, SessionFailure } from '../rtc/MediaSession';
import type { SessionPhase } from '../rtc/session-phase';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { AppStore } from '../state/store';
import type { CallPhase, CurrentCall } from '../state/types';
import { wrapUpFor } from './call-records';
import { callEndMessage } from './end-words';
import { LegRecovery } from './LegRecovery';
import type { RejoinMediaFactory } from './rejoin-leg';
import { t } from '../i18n/i18n';

/**
 * how long an anchored call's dropped connection may take to come back before the console asks
 * the engine for a fresh leg (a direct call waits Meta's 30 s: it has no other way back)
 */
export const ANCHORED_RECONNECT_MS = 5_000;
/** what a call needs from the console around it ({@link CallController} provides it) */
export interface CallContext {
  readonly store: AppStore;
  readonly signaling: Pick<SignalingClient, 'send'>;
  readonly log: Logger;
  now(): number;
  /** a clone of the warm microphone, opening it first if needed */
  microphone(): Promise<SessionMicrophone | { error: string }>;
  /** the media answering the engine's offer of a fresh leg into an anchored call */
  createRejoinMedia: RejoinMediaFactory;
  /** ends the call over REST when the socket is down */
  hangUpOverHttp(callId: string): void;
  /** the call is shown: events about its id reach it from now on */
  registered(call: AgentCall): void;
  /** the server named the call (it had a local id until then) */
  renamed(call: AgentCall, previousId: string): void;
  /** the call is over for this tab: no more events reach it */
  released(call: AgentCall): void;
}

const PHASES: Record<SessionPhase, CallPhase | null> = {
  preparing: 'claiming',
  connecting: 'connecting',
  active: 'active',
  reconnecting: 'reconnecting',
  failed: null,
  closed: null,
};

/** the call was talking: connected, bridging a blip, or getting its lost audio back */
function isLive(phase: CallPhase): boolean {
  return phase === 'active' || phase === 'reconnecting' || phase === 'rejoining';
}

/**
 * The agent's call as this tab shows it, from the moment it starts to wrap-up: it mirrors its
 * media's phase and quality into the store, reports quality to the server, and ends the call
 * properly whoever ends it — the agent, the customer, Meta, or a failure the media detected.
 * How a call starts is its subclass's: {@link InboundCall} (claim → answer → live) and
 * {@link OutboundCall} (dial → Meta's answer → picked up). A call shown without media is one
 * the server has for us that this page has no audio for (a reload mid-call): the agent can end
 * it. An anchored call (its audio runs through the media engine, which keeps the customer) whose
 * connection is lost is not ended: it gets a fresh leg ({@link LegRecovery}).
 *
 * @example
 * const call = new AgentCall(context, view.id);
 * call.show(orphanedCall(view, Date.now()));
 * await call.hangUp();
 */
export class AgentCall {
  protected readonly context: CallContext;
  #callId: string;
  #media: MediaSession | null = null;
  #unfollow: (() => void) | undefined;
  /** the server's view says the call's audio runs through the media engine */
  #anchored = false;
  /** a fresh leg being asked for, after the connection was lost */
  #recovery: LegRecovery | undefined;
  /** hung up, failed, ended or dropped: a start sequence stops after its next wait */
  #over = false;
  #endedByAgent = false;

  constructor(context: CallContext, callId: string) {
    this.context = context;
    this.#callId = callId;
  }

  get callId(): string {
    return this.#callId;
  }

  /** the call's media while it has some, for device switching */
  get media(): MediaSession | null {
    return this.#media;
  }

  /** still this tab's call: a start sequence checks this after every wait */
  get live(): boolean {
    return !this.#over;
  }

  /** the agent hung up (rather than the call failing or ending) */
  get endedByAgent(): boolean {
    return this.#endedByAgent;
  }

  /** the call's audio runs through the media engine: a lost leg can be replaced */
  protected get anchored(): boolean {
    return this.#anchored;
  }

  /** shows the call in the store; events about its id reach it from now on */
  show(call: CurrentCall): void {
    this.context.registered(this);
    this.context.store.getState().callStarted(call);
  }

  async hangUp(): Promise<void> {
    const current = this.current();
    if (!current || current.phase === 'ending') return;
    this.#endedByAgent = true;
    this.context.store.getState().callPatched(this.#callId, { phase: 'ending' });
    this.#closeMedia();
    // a call still being placed has no id on the server yet: its dial ends it when the ack comes
    if (current.phase !== 'placing') await this.sendHangup();
    // call:ended normally arrives first; this covers a server that already forgot the call
    this.finish({ callId: this.#callId, outcome: 'completed' });
  }

  toggleMute(): void {
    const current = this.current();
    if (!current || !this.#media) return;
    const muted = !current.muted;
    this.#media.setMuted(muted);
    this.context.store.getState().callPatched(this.#callId, { muted });
  }

  async toggleHold(): Promise<void> {
    const current = this.current();
    if (!current || !this.#media) return;
    const held = !current.held;
    const done = await this.#media.setHeld(held);
    if (done.ok) this.context.store.getState().callPatched(this.#callId, { held });
    else this.context.store.getState().problemShown(done.message);
  }

  sendDtmf(digits: string): void {
    if (!this.current() || !this.#media) return;
    const sent = this.#media.sendDtmf(digits);
    if (sent.ok && sent.tones) this.context.store.getState().dtmfSent(this.#callId, sent.tones);
    else if (!sent.ok) this.context.store.getState().problemShown(sent.message);
  }

  /** the server's view of the call changed */
  updated(view: CallView): void {
    this.#anchored = view.anchored === true;
    if (this.anchored) this.#media?.setReconnectWindow(ANCHORED_RECONNECT_MS);
    const current = this.current();
    const answeredAt = view.answeredAt ? Date.parse(view.answeredAt) : NaN;
    if (current && Number.isFinite(answeredAt) && current.answeredAt !== answeredAt) {
      this.context.store.getState().callPatched(this.#callId, { answeredAt });
    }
    if (current && view.mediaCapture && current.mediaCapture !== view.mediaCapture) {
      this.context.store.getState().callPatched(this.#callId, { mediaCapture: view.mediaCapture });
    }
    // an anchored call can be transferred: the card offers it
    if (current && (current.anchored ?? false) !== this.#anchored) {
      this.context.store.getState().callPatched(this.#callId, { anchored: this.#anchored });
    }
  }

  /** SDP from Meta after setup (`call:remote-sdp`) */
  remoteSdp(payload: CallRemoteSdpPayload): void {
    if (!this.#media) return;
    if (payload.sdpType === 'offer') void this.#media.remoteOffer(payload.sdp, payload.version);
    else void this.#media.applyAnswer(payload.sdp);
  }

  /** the call ended (`call:ended`, or this tab saw it end): media closed, wrap-up opened */
  ended(payload: CallEndedPayload): void {
    this.finish(payload);
  }

  /** ends the call here, with `message` for the agent instead of the usual words */
  finish(ended: CallEndedPayload, message?: string): void {
    const current = this.current();
    // a call whose media gave up is ended by #abandon, in the failure's words: the server's
    // call:ended arriving meanwhile (Meta saw the same loss) must not word it otherwise
    if (!current || this.#over) return;
    this.#release();
    const words =
      message ??
      // meta gave up on a path that dropped: say so, not the error code it ended with
      (current.phase === 'reconnecting' && !this.#endedByAgent
        ? t('end.lost')
        : callEndMessage(ended, this.#endedByAgent, current.direction));
    const talked = current.answeredAt !== undefined || isLive(current.phase);
    this.context.log.info(`call ${this.#callId} ended: ${ended.outcome}`);
    this.context.store
      .getState()
      .callFinished(
        this.#callId,
        talked ? wrapUpFor(current, ended.outcome, words, this.context.now()) : null,
      );
    if (!talked && !this.#endedByAgent) this.tell(current.direction, words);
  }

  /** the agent's call begins on `media`: its events are followed, the store shows `call` */
  protected begin(media: MediaSession, call: CurrentCall): void {
    this.#follow(media);
    this.show(call);
  }

  /** the server named the call: the local id gives way */
  protected rename(callId: string): void {
    const previous = this.#callId;
    this.#callId = callId;
    this.#media?.identify(callId);
    this.context.store.getState().callPlaced(previous, callId);
    this.context.renamed(this, previous);
  }

  /** forgets a call that never started (the claim was lost, the dial refused) */
  protected drop(): void {
    this.#release();
    this.context.store.getState().callFinished(this.#callId, null);
  }

  /** the store's call, while it is this one */
  protected current(): CurrentCall | null {
    const current = this.context.store.getState().current;
    return current?.callId === this.#callId ? current : null;
  }

  /**
   * How the server hears that the media gave up: hang up unless the subclass knows better.
   * `current` is the call as it was when the media failed.
   */
  protected async giveUp(_failure: SessionFailure, _current: CurrentCall): Promise<void> {
    await this.sendHangup();
  }

  protected async sendHangup(callId = this.#callId): Promise<void> {
    const result = await this.context.signaling.send('call:hangup', { callId });
    if (!result.ok && result.error.code === 'offline') this.context.hangUpOverHttp(callId);
  }

  /** a call that ended before anyone talked: the problem banner, or the dial notice for ours */
  protected tell(direction: CurrentCall['direction'], message: string): void {
    if (direction === 'outbound') this.context.store.getState().dialNoticed('ended', message);
    else this.context.store.getState().problemShown(message);
  }

  #mediaEvent(event: SessionEvent): void {
    if (this.#over) return;
    switch (event.type) {
      case 'phase': {
        const phase = PHASES[event.phase];
        const current = this.current();
        if (!phase || !current || current.phase === 'ending') return;
        // an outbound call's progress until it is live comes from the server (dialing, ringing)
        // (a blip once live is the media's to report)
        const blip = isLive(phase) && isLive(current.phase);
        if (current.direction === 'outbound' && phase !== 'active' && !blip) return;
        this.context.store.getState().callPatched(this.#callId, { phase });
        return;
      }
      case 'quality':
        this.context.store.getState().callPatched(this.#callId, { quality: event.quality });
        return;
      case 'metrics':
        void this.context.signaling.send('call:quality', {
          callId: this.#callId,
          ...event.metrics,
        });
        return;
      case 'failed':
        if (!this.#rejoinLost(event.failure)) void this.#abandon(event.failure);
        return;
    }
  }

  #follow(media: MediaSession): void {
    this.#media = media;
    if (this.anchored) media.setReconnectWindow(ANCHORED_RECONNECT_MS);
    this.#unfollow = media.onEvent((event) => this.#mediaEvent(event));
  }

  #closeMedia(): void {
    this.#recovery?.stop();
    this.#unfollow?.();
    this.#media?.close();
  }

  /**
   * The connection to the engine of an anchored call in progress was lost, but the customer is
   * still there: the call stays on screen while fresh legs are asked for (none in time: it is
   * lost). False for any other failure.
   */
  #rejoinLost(failure: SessionFailure): boolean {
    const current = this.current();
    const lost = failure.reason === 'connection-lost' && current && isLive(current.phase);
    if (!this.anchored || !lost) return false;
    this.context.log.warn(`call ${this.#callId} lost its audio: rejoining`, {
      message: failure.message,
    });
    this.#closeMedia();
    this.#media = null;
    this.context.store.getState().callPatched(this.#callId, { phase: 'rejoining' });
    this.#recovery = new LegRecovery({
      callId: this.#callId,
      context: this.context,
      left: { muted: current.muted, held: current.held },
      waiting: () => !this.#over && this.current()?.phase === 'rejoining',
      recovered: (media, held) => this.#recovered(media, held),
      lost: () => void this.#abandon(failure),
    });
    this.#recovery.start();
    return true;
  }

  /** a fresh leg connected: the call goes on over it (held as before, unless that failed) */
  #recovered(media: MediaSession, held: Outcome): void {
    this.#recovery = undefined;
    this.#follow(media);
    const { store } = this.context;
    store
      .getState()
      .callPatched(this.#callId, { phase: 'active', ...(held.ok ? {} : { held: false }) });
    if (!held.ok) store.getState().problemShown(held.message);
  }

  /** the media gave up: end the call on the server too, and tell the agent why */
  async #abandon(failure: SessionFailure): Promise<void> {
    const current = this.current();
    if (!current) return;
    const talked = isLive(current.phase);
    this.#over = true;
    this.context.store.getState().callPatched(this.#callId, { phase: 'ending' });
    await this.giveUp(failure, current);
    this.#release();
    this.context.store
      .getState()
      .callFinished(
        this.#callId,
        talked ? wrapUpFor(current, 'failed', failure.message, this.context.now()) : null,
      );
    if (!talked) this.tell(current.direction, failure.message);
  }

  #release(): void {
    this.#over = true;
    this.#closeMedia();
    this.context.released(this);
  }
}
