import type { CallRemoteSdpPayload } from '@ringside/contracts';
import { validateLocalAnswer, validateLocalOffer } from '@ringside/sdp';
import { silentLogger, type Logger } from '../log';
import type { SignalingClient } from '../signaling/SignalingClient';
import type { QualityState } from '../state/types';
import { describe } from './errors';
import type { HoldMusic } from './hold-music';
import { waitForIceGathering } from './ice-gathering';
import { LocalAudio, type Outcome, type SessionMicrophone } from './LocalAudio';
import { derivePhase, type SessionPhase, type SessionStep } from './session-phase';
import { StatsMonitor } from './StatsMonitor';

/** where the caller's voice plays (an `<audio>` element) */
export interface AudioSink {
  attach(stream: MediaStream): void;
  detach(): void;
}

/** why a session gave up; the manager decides how to end the call on the server */
export type FailureReason =
  | 'bad-offer'
  | 'sdp-invalid'
  | 'rtc-error'
  | 'answer-refused'
  | 'bad-reply'
  | 'ice-failed'
  | 'no-audio';

export interface SessionFailure {
  reason: FailureReason;
  /** for the agent: what happened and what it means for the call */
  message: string;
}

export type SessionEvent =
  | { type: 'phase'; phase: SessionPhase }
  | { type: 'quality'; quality: QualityState }
  | { type: 'failed'; failure: SessionFailure };

/** what a subclass's SDP step produced: checked SDP to send, or why not */
export type LocalSdpResult = { ok: true; sdp: string } | { ok: false; failure: SessionFailure };

export interface SessionTiming {
  /** bound on ICE gathering before the SDP goes out anyway */
  iceGatheringMs: number;
  /** no inbound RTP this long after Meta accepted: the call is ended */
  noAudioMs: number;
  statsIntervalMs: number;
}

export const DEFAULT_TIMING: SessionTiming = {
  iceGatheringMs: 1500,
  noAudioMs: 6000,
  statsIntervalMs: 1000,
};

export interface CallSessionOptions {
  /** the server's call id; an outbound call starts with a local one until the server names it */
  callId: string;
  microphone: SessionMicrophone;
  signaling: Pick<SignalingClient, 'send'>;
  audio: AudioSink;
  createPeerConnection?: (config: RTCConfiguration) => RTCPeerConnection;
  createHoldMusic?: () => HoldMusic;
  timing?: Partial<SessionTiming>;
  log?: Logger;
}

// meta is ice-lite and accepts peer-reflexive candidates: host candidates connect without stun
const RTC_CONFIG: RTCConfiguration = {
  iceServers: [],
  bundlePolicy: 'max-bundle',
  rtcpMuxPolicy: 'require',
};

/**
 * One call's WebRTC side: the peer connection, the microphone sender, remote audio, mute,
 * hold, DTMF, quality and the failure watchdogs. A subclass supplies the SDP flow: the
 * customer's calls ({@link InboundCallSession}: {@link WhatsAppCallSession},
 * {@link MessengerCallSession}) and ours ({@link OutboundCallSession}). Phases come from
 * {@link derivePhase} over our signaling step and the connection's own state, changed in one
 * place that logs `from -> to` and emits only real changes.
 *
 * @example
 * const session = new WhatsAppCallSession({ callId, offer, microphone, signaling, audio });
 * session.onEvent((e) => e.type === 'failed' && endCall(e.failure.message));
 * if ((await session.prepare()).ok) await session.deliver();
 */
export abstract class CallSession {
  protected readonly pc: RTCPeerConnection;
  protected readonly log: Logger;
  protected readonly timing: SessionTiming;
  /** who is at the other end, in the agent's words ("the caller", "the customer") */
  protected readonly farEnd: string = 'the caller';
  readonly #options: CallSessionOptions;
  readonly #local: LocalAudio;
  #callId: string;
  #step: SessionStep = 'new';
  #phase: SessionPhase = 'preparing';
  #localSdp: string | null = null;
  #inboundPackets = 0;
  #watchdog: ReturnType<typeof setTimeout> | undefined;
  readonly #monitor: StatsMonitor;
  readonly #listeners = new Set<(event: SessionEvent) => void>();

  constructor(options: CallSessionOptions) {
    this.#callId = options.callId;
    this.#options = options;
    this.#local = new LocalAudio(options.microphone, options.createHoldMusic);
    this.log = options.log ?? silentLogger;
    this.timing = { ...DEFAULT_TIMING, ...options.timing };
    const create = options.createPeerConnection ?? ((config) => new RTCPeerConnection(config));
    this.pc = create(RTC_CONFIG);
    this.pc.addEventListener('track', (event) => {
      options.audio.attach(event.streams[0] ?? new MediaStream([event.track]));
    });
    this.pc.addEventListener('connectionstatechange', () => this.#onConnectionState());
    this.#monitor = new StatsMonitor({
      getStats: () => this.pc.getStats(),
      intervalMs: this.timing.statsIntervalMs,
      onQuality: (quality) => this.#emit({ type: 'quality', quality }),
      onSample: (sample) => {
        this.#inboundPackets = sample.packetsReceived;
      },
      report: (metrics) =>
        void this.#options.signaling.send('call:quality', { callId: this.callId, ...metrics }),
    });
  }

  /** builds our SDP for this channel, with the microphone track, ICE candidates, checked */
  protected abstract buildLocalSdp(): Promise<LocalSdpResult>;

  /** SDP that reaches us after setup (`call:remote-sdp`); channels that take none ignore it */
  abstract applyRemoteSdp(payload: CallRemoteSdpPayload): Promise<void>;

  get callId(): string {
    return this.#callId;
  }

  get phase(): SessionPhase {
    return this.#phase;
  }

  get muted(): boolean {
    return this.#local.muted;
  }

  get held(): boolean {
    return this.#local.held;
  }

  onEvent(listener: (event: SessionEvent) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Builds and checks our SDP. Safe to run while the claim is in flight: nothing leaves the
   * browser until the subclass sends it.
   */
  async prepare(): Promise<Outcome> {
    if (this.#step !== 'new') return { ok: false, message: 'This call is already being set up.' };
    this.#setStep('preparing');
    let result: LocalSdpResult;
    try {
      result = await this.buildLocalSdp();
    } catch (error) {
      result = {
        ok: false,
        failure: {
          reason: 'rtc-error',
          message: `The browser could not set up audio: ${describe(error)}`,
        },
      };
    }
    if (this.#ended()) return { ok: false, message: 'The call was closed.' };
    if (!result.ok) return this.fail(result.failure);
    this.#localSdp = result.sdp;
    this.#setStep('prepared');
    return { ok: true };
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

  /** ends the session's media; idempotent. Signaling the end is the manager's job. */
  close(): void {
    if (this.#step === 'closed') return;
    this.#release();
    this.#setStep('closed');
  }

  /** how far our side of the signaling has come */
  protected get step(): SessionStep {
    return this.#step;
  }

  protected get signaling(): CallSessionOptions['signaling'] {
    return this.#options.signaling;
  }

  /** the checked SDP {@link prepare} built; null before */
  protected get localSdp(): string | null {
    return this.#localSdp;
  }

  /** the server now knows the call by this id (an outbound call's id arrives with the dial's ack) */
  protected identify(callId: string): void {
    if (callId === this.#callId) return;
    this.log.info(`call ${this.#callId} is now ${callId}`);
    this.#callId = callId;
  }

  /** our SDP is on its way to Meta: from here on quality is measured and reported */
  protected markSent(): void {
    this.#setStep('sent');
    this.#monitor.start();
  }

  /**
   * Meta took our SDP and the other side is there: audio must now arrive, or the call is ended
   * after `noAudioMs`.
   */
  protected markAccepted(): void {
    if (this.#step !== 'sent') return;
    this.#setStep('accepted');
    this.#armNoAudioWatchdog();
  }

  protected isEnded(): boolean {
    return this.#ended();
  }

  /**
   * Our offer (Messenger, and every call we place): the microphone added first, ICE gathered
   * (bounded), then checked with `validateLocalOffer` so a recvonly or broken offer never
   * leaves the browser.
   */
  protected async createCheckedOffer(): Promise<LocalSdpResult> {
    this.attachMicrophone();
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    return this.gatheredAndChecked('offer');
  }

  /**
   * Our local description once ICE gathering is done (or its bound passed: we send what was
   * gathered), checked with `validateLocalOffer` / `validateLocalAnswer` for our microphone
   * track: a recvonly or broken description is refused here and never leaves the browser.
   */
  protected async gatheredAndChecked(kind: 'offer' | 'answer'): Promise<LocalSdpResult> {
    const gathering = await waitForIceGathering(this.pc, this.timing.iceGatheringMs);
    if (gathering === 'timed-out')
      this.log.info(`call ${this.callId}: sending the ${kind} with the candidates gathered so far`);
    const validate = kind === 'offer' ? validateLocalOffer : validateLocalAnswer;
    const checked = validate(this.pc.localDescription?.sdp, { expectTrack: this.expectedTrack() });
    if (!checked.ok) {
      return {
        ok: false,
        failure: {
          reason: 'sdp-invalid',
          message: `Our ${kind} failed its check (${checked.error.message}), so it was not sent.`,
        },
      };
    }
    return { ok: true, sdp: checked.summary.sdp };
  }

  /** adds the microphone to the connection; subclasses call this before creating SDP */
  protected attachMicrophone(): RTCRtpSender {
    return this.#local.attach(this.pc);
  }

  /**
   * What the SDP must announce: our microphone's stream (each call has its own). Not the
   * track id: on a transceiver the remote offer created (WhatsApp), Chromium writes the
   * sender's own id in `a=msid`, not the track's.
   */
  protected expectedTrack(): { msid: string } {
    return { msid: this.#local.streamId };
  }

  protected fail(failure: SessionFailure): Outcome {
    if (this.#ended()) return { ok: false, message: failure.message };
    this.log.warn(`call ${this.callId} failed: ${failure.reason}`, { message: failure.message });
    this.#release();
    this.#setStep('failed');
    this.#emit({ type: 'failed', failure });
    return { ok: false, message: failure.message };
  }

  #ended(): boolean {
    return this.#step === 'closed' || this.#step === 'failed';
  }

  #release(): void {
    clearTimeout(this.#watchdog);
    this.#monitor.stop();
    this.#local.release();
    this.#options.audio.detach();
    this.pc.close();
  }

  #onConnectionState(): void {
    if (this.#ended()) return;
    if (this.pc.connectionState === 'failed') {
      this.fail({
        reason: 'ice-failed',
        message: `The audio connection to ${this.farEnd} failed (the network may block it). The call was ended.`,
      });
      return;
    }
    this.#updatePhase();
  }

  #armNoAudioWatchdog(): void {
    this.#watchdog = setTimeout(() => {
      void this.#monitor.tick().then(() => {
        if (this.#ended() || this.#inboundPackets > 0) return;
        const seconds = Math.round(this.timing.noAudioMs / 1000);
        this.fail({
          reason: 'no-audio',
          message: `No audio arrived from ${this.farEnd} within ${seconds} seconds, so the call was ended.`,
        });
      });
    }, this.timing.noAudioMs);
  }

  #setStep(step: SessionStep): void {
    this.#step = step;
    this.#updatePhase();
  }

  // the one place the phase changes: nothing happens when it is unchanged
  #updatePhase(): void {
    const next = derivePhase(this.#step, this.pc.connectionState);
    if (next === this.#phase) return;
    this.log.info(`call ${this.callId} phase ${this.#phase} -> ${next}`);
    this.#phase = next;
    this.#emit({ type: 'phase', phase: next });
  }

  #emit(event: SessionEvent): void {
    for (const listener of this.#listeners) listener(event);
  }
}
