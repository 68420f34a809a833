import { t } from '../i18n/i18n';
import { silentLogger, type Logger } from '../log';
import { gatheredAndChecked } from './checked-sdp';
import { describe } from './errors';
import { LocalAudio, type Outcome, type SessionMicrophone } from './LocalAudio';
import {
  DEFAULT_TIMING,
  type Failed,
  type MediaSessionOptions,
  type PreparedSdp,
  type SessionEvent,
  type SessionTiming,
} from './media-types';
import type { LocalSdpResult, SdpPeer, SdpStrategy, SessionFailure } from './sdp-strategy';
import { derivePhase, type SessionPhase, type SessionStep } from './session-phase';
import { StatsMonitor } from './StatsMonitor';

export type * from './media-types';
export type { FailureReason, SessionFailure } from './sdp-strategy';

// meta is ice-lite and accepts peer-reflexive candidates: on an open network host candidates
// connect without stun; behind nat or a firewall that blocks udp, a turn relay is the path
const RTC_CONFIG: RTCConfiguration = {
  iceServers: [],
  iceTransportPolicy: 'all',
  bundlePolicy: 'max-bundle',
  rtcpMuxPolicy: 'require',
};

// worded when read, in the language of that moment
const CLOSED: Failed = {
  ok: false,
  get message() {
    return t('media.closed');
  },
};

/**
 * One call's media: the peer connection, the microphone sender, remote audio, mute, hold, DTMF,
 * quality and the failure watchdogs. The channel's {@link SdpStrategy} builds and applies SDP;
 * sending it is the call's job ({@link InboundCall}, {@link OutboundCall}), which tells the
 * session how far signaling came ({@link sending}, {@link expectAudio}). Phases come from
 * {@link derivePhase} over that step and the connection's own state, changed in one place that
 * logs `from -> to` and emits only real changes.
 *
 * @example
 * const media = new MediaSession({ callId, microphone, audio, sdp: (peer) => new AnswerMetaOffer(peer, offer) });
 * media.onEvent((e) => e.type === 'failed' && endCall(e.failure.message));
 * const prepared = await media.prepare();
 * if (prepared.ok && (await media.claimed()).ok) {
 *   media.sending();
 *   await signaling.send('call:answer', { callId, sdp: prepared.sdp });
 *   media.expectAudio();
 * }
 */
export class MediaSession {
  readonly #options: MediaSessionOptions;
  readonly #pc: RTCPeerConnection;
  readonly #log: Logger;
  readonly #timing: SessionTiming;
  readonly #farEnd: string;
  readonly #local: LocalAudio;
  readonly #sdp: SdpStrategy;
  readonly #monitor: StatsMonitor;
  readonly #listeners = new Set<(event: SessionEvent) => void>();
  #callId: string;
  #step: SessionStep = 'new';
  #phase: SessionPhase = 'preparing';
  #prepared: Promise<PreparedSdp> | undefined;
  #released: Promise<Outcome> | undefined;
  #failure: SessionFailure | undefined;
  #inboundPackets = 0;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  #lostTimer: ReturnType<typeof setTimeout> | undefined;
  /** how long a dropped path may take to come back: the timing's, unless told otherwise */
  #reconnectMs: number | undefined;
  #everConnected = false;

  constructor(options: MediaSessionOptions) {
    this.#callId = options.callId;
    this.#options = options;
    this.#local = new LocalAudio(options.microphone, options.createHoldMusic);
    this.#log = options.log ?? silentLogger;
    this.#timing = { ...DEFAULT_TIMING, ...options.timing };
    this.#farEnd = options.farEnd ?? 'the caller';
    const create = options.createPeerConnection ?? ((config) => new RTCPeerConnection(config));
    this.#pc = create({ ...RTC_CONFIG, ...options.icePaths });
    this.#pc.addEventListener('track', (event) => {
      options.audio.attach(event.streams[0] ?? new MediaStream([event.track]));
    });
    this.#pc.addEventListener('connectionstatechange', () => this.#onConnectionState());
    this.#monitor = new StatsMonitor({
      getStats: () => this.#pc.getStats(),
      intervalMs: this.#timing.statsIntervalMs,
      onQuality: (quality) => this.#emit({ type: 'quality', quality }),
      onSample: (sample) => {
        this.#inboundPackets = sample.packetsReceived;
      },
      report: (metrics) => this.#emit({ type: 'metrics', metrics }),
    });
    this.#sdp = options.sdp(this.#peer());
  }

  get callId(): string {
    return this.#callId;
  }

  get phase(): SessionPhase {
    return this.#phase;
  }

  /** failed or closed: nothing more happens */
  get over(): boolean {
    return this.#step === 'closed' || this.#step === 'failed';
  }

  /** a listener added after the session failed hears that failure too (just after) */
  onEvent(listener: (event: SessionEvent) => void): () => void {
    this.#listeners.add(listener);
    const failure = this.#failure;
    if (failure) {
      queueMicrotask(() => {
        if (this.#listeners.has(listener)) listener({ type: 'failed', failure });
      });
    }
    return () => this.#listeners.delete(listener);
  }

  /**
   * Builds and checks our SDP. Safe while the claim is in flight: nothing leaves the browser
   * until the call sends what this returns. A failure fails the session (its event says why).
   * Idempotent: a session prepared while its call rang gives the call that takes it the same
   * result.
   */
  prepare(): Promise<PreparedSdp> {
    this.#prepared ??= this.#prepare();
    return this.#prepared;
  }

  async #prepare(): Promise<PreparedSdp> {
    if (this.#step !== 'new') return { ok: false, message: t('media.settingUp') };
    this.#setStep('preparing');
    let result: LocalSdpResult;
    try {
      result = await this.#sdp.build();
    } catch (error) {
      result = {
        ok: false,
        failure: {
          reason: 'rtc-error',
          message: `The browser could not set up audio: ${describe(error)}`,
        },
      };
    }
    if (this.over) return CLOSED;
    if (!result.ok) return this.fail(result.failure);
    this.#setStep('prepared');
    return result;
  }

  /**
   * The call is ours: what the strategy held back may go now (WhatsApp: Meta's candidates, so
   * connectivity checks overlap with the rest of the setup). Idempotent; a refusal fails the
   * session.
   */
  claimed(): Promise<Outcome> {
    this.#released ??= this.#sdp.release().then((released) => {
      if (this.over) return CLOSED;
      return released.ok ? released : this.fail({ reason: 'bad-offer', message: released.message });
    });
    return this.#released;
  }

  /** our SDP is on its way to Meta: from here on quality is measured and reported */
  sending(): void {
    if (this.#step !== 'prepared') return;
    this.#setStep('sent');
    this.#monitor.start();
  }

  /**
   * Meta took our SDP and the other side is there: audio must now arrive, or the session fails
   * after `noAudioMs`.
   */
  expectAudio(): void {
    if (this.#step !== 'sent') return;
    this.#setStep('accepted');
    this.#armNoAudioWatchdog();
  }

  /** the server now knows the call by this id (an outbound call's arrives with the dial's ack) */
  identify(callId: string): void {
    if (callId === this.#callId) return;
    this.#log.info(`call ${this.#callId} is now ${callId}`);
    this.#callId = callId;
  }

  /** Meta's answer to our offer; one that cannot be used fails the session, saying why */
  applyAnswer(sdp: string): Promise<Outcome> {
    return this.#applyOrFail(() => this.#sdp.applyAnswer(sdp));
  }

  /** an offer Meta's reply carried (Messenger's `sdp_renegotiation`), answered locally */
  answerOffer(sdp: string): Promise<Outcome> {
    return this.#applyOrFail(() => this.#sdp.answerOffer(sdp));
  }

  /** a later offer (`media_update`): applied by highest version, or ignored, never fatal */
  remoteOffer(sdp: string, version: number | undefined): Promise<void> {
    if (this.over) return Promise.resolve();
    return this.#sdp.remoteOffer(sdp, version);
  }

  /** mute keeps the track in the sender, disabled: silence still flows, so RTCP keeps the call up */
  setMuted(muted: boolean): void {
    this.#local.setMuted(muted);
  }

  /** hold sends generated music in place of the microphone; resume swaps the microphone back */
  setHeld(held: boolean): Promise<Outcome> {
    return this.#local.setHeld(held);
  }

  /** sends keypad tones as RFC 4733 telephone-events */
  sendDtmf(input: string): Outcome & { tones?: string } {
    return this.#local.sendDtmf(input);
  }

  /** swaps in another microphone mid-call (a new clone); the old clone is stopped */
  replaceMicrophone(next: SessionMicrophone): Promise<Outcome> {
    return this.#local.replaceMicrophone(next);
  }

  /** gives up: media released, the failure emitted once (the call ends it on the server) */
  fail(failure: SessionFailure): Failed {
    if (this.over) return { ok: false, message: failure.message };
    this.#log.warn(`call ${this.callId} failed: ${failure.reason}`, { message: failure.message });
    this.#release();
    this.#failure = failure;
    this.#setStep('failed');
    this.#emit({ type: 'failed', failure });
    return { ok: false, message: failure.message };
  }

  /** ends the media; idempotent. Signaling the end is the call's job. */
  close(): void {
    if (this.#step === 'closed') return;
    this.#release();
    this.#setStep('closed');
  }

  #peer(): SdpPeer {
    return {
      pc: this.#pc,
      log: this.#log,
      callId: () => this.#callId,
      attachMicrophone: () => void this.#local.attach(this.#pc),
      expectedTrack: () => this.#expectedTrack(),
      gatheredAndChecked: (kind) =>
        gatheredAndChecked(this.#pc, kind, {
          boundMs: this.#timing.iceGatheringMs,
          expectTrack: this.#expectedTrack(),
          log: this.#log,
          callId: this.#callId,
        }),
    };
  }

  async #applyOrFail(step: () => Promise<Outcome>): Promise<Outcome> {
    if (this.over) return CLOSED;
    const applied = await step();
    if (this.over) return CLOSED;
    return applied.ok ? applied : this.fail({ reason: 'bad-reply', message: applied.message });
  }

  /**
   * What the SDP must announce: our microphone's stream (each call has its own). Not the
   * track id: on a transceiver the remote offer created (WhatsApp), Chromium writes the
   * sender's own id in `a=msid`, not the track's.
   */
  #expectedTrack(): { msid: string } {
    return { msid: this.#local.streamId };
  }

  #release(): void {
    clearTimeout(this.#watchdog);
    clearTimeout(this.#lostTimer);
    this.#monitor.stop();
    this.#local.release();
    this.#options.audio.detach();
    this.#pc.close();
  }

  #onConnectionState(): void {
    if (this.over) return;
    const state = this.#pc.connectionState;
    if (state === 'connected') this.#everConnected = true;
    if (state === 'failed') {
      this.fail(
        this.#everConnected
          ? {
              reason: 'connection-lost',
              message: `The call was lost: the audio connection to ${this.#farEnd} dropped and did not come back.`,
            }
          : {
              reason: 'ice-failed',
              message: `The audio connection to ${this.#farEnd} failed (the network may block it). The call was ended.`,
            },
      );
      return;
    }
    this.#updatePhase();
  }

  /**
   * How long a path that dropped mid-call may take to come back before the media fails as
   * `connection-lost` (the timing's `reconnectMs`, Meta's window, until told otherwise). An
   * anchored call gives up sooner: the customer does not depend on this connection, and a fresh
   * leg to the engine is quicker than waiting.
   */
  setReconnectWindow(ms: number): void {
    if (this.#reconnectMs === ms) return;
    this.#reconnectMs = ms;
    this.#watchReconnecting();
  }

  // a dropped path has Meta's window to come back; ICE alone may take longer to give up
  #watchReconnecting(): void {
    clearTimeout(this.#lostTimer);
    if (this.#phase !== 'reconnecting') return;
    const windowMs = this.#reconnectMs ?? this.#timing.reconnectMs;
    this.#lostTimer = setTimeout(() => {
      if (this.#phase !== 'reconnecting') return;
      const seconds = Math.round(windowMs / 1000);
      this.fail({
        reason: 'connection-lost',
        message: `The call was lost: the audio connection to ${this.#farEnd} dropped and did not come back within ${seconds} seconds.`,
      });
    }, windowMs);
  }

  #armNoAudioWatchdog(): void {
    this.#watchdog = setTimeout(() => {
      void this.#monitor.tick().then(() => {
        if (this.over || this.#inboundPackets > 0) return;
        const seconds = Math.round(this.#timing.noAudioMs / 1000);
        this.fail({
          reason: 'no-audio',
          message: `No audio arrived from ${this.#farEnd} within ${seconds} seconds, so the call was ended.`,
        });
      });
    }, this.#timing.noAudioMs);
  }

  #setStep(step: SessionStep): void {
    this.#step = step;
    this.#updatePhase();
  }

  // the one place the phase changes: nothing happens when it is unchanged
  #updatePhase(): void {
    const next = derivePhase(this.#step, this.#pc.connectionState);
    if (next === this.#phase) return;
    this.#log.info(`call ${this.callId} phase ${this.#phase} -> ${next}`);
    this.#phase = next;
    this.#watchReconnecting();
    this.#emit({ type: 'phase', phase: next });
  }

  #emit(event: SessionEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
