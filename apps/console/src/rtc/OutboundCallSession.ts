import type { CallRemoteSdpPayload, Channel } from '@ringside/contracts';
import type { CommandResult } from '../signaling/SignalingClient';
import { CallSession, type CallSessionOptions, type LocalSdpResult } from './CallSession';
import { describe } from './errors';
import type { Outcome } from './LocalAudio';
import { MediaUpdates } from './MediaUpdates';
import { readMetaAnswer } from './meta-answer';

export interface OutboundCallSessionOptions extends CallSessionOptions {
  channel: Channel;
  /** the channel to call from (`GET /api/me` lists them) */
  channelId: string;
  /** `+E.164` on WhatsApp, a PSID on Messenger */
  to: string;
}

/** the server's acknowledgement of `call:dial`: the call's id and, on Messenger, Meta's answer */
export type DialResult = CommandResult<'call:dial'>;

/**
 * A call the agent places to a customer. We make the offer (microphone first, ICE gathered
 * within its bound, checked with `validateLocalOffer`: a bad offer is never sent) and send it
 * with `call:dial`. Meta's answer comes back in the acknowledgement on Messenger, and later as
 * `call:remote-sdp` on WhatsApp — before or after the acknowledgement, so whoever holds the
 * session replays an early one once the call has its id. ICE and DTLS may connect while the
 * customer's phone still rings; the call is set up (and audio must flow) only once both the
 * answer is applied and the customer picked up ({@link calleeAnswered}).
 *
 * @example
 * const session = new OutboundCallSession({ callId: 'local-1', channel: 'whatsapp', channelId, to: '+447700900123', microphone, signaling, audio });
 * if ((await session.prepare()).ok) {
 *   const placed = await session.dial();
 *   if (placed.ok && placed.sdpResponse) await session.applyAnswer(placed.sdpResponse);
 * }
 * // later: call:remote-sdp → session.applyRemoteSdp(p); call:updated active → session.calleeAnswered()
 */
export class OutboundCallSession extends CallSession {
  protected override readonly farEnd = 'the customer';
  readonly channel: Channel;
  readonly #channelId: string;
  readonly #to: string;
  readonly #updates: MediaUpdates;
  #answerApplied = false;
  #pickedUp = false;

  constructor(options: OutboundCallSessionOptions) {
    super(options);
    this.channel = options.channel;
    this.#channelId = options.channelId;
    this.#to = options.to;
    this.#updates = new MediaUpdates(
      this.pc,
      this.log,
      () => this.callId,
      () => this.expectedTrack(),
    );
  }

  protected buildLocalSdp(): Promise<LocalSdpResult> {
    return this.createCheckedOffer();
  }

  /**
   * Sends the prepared offer with `call:dial`. On success the session takes the server's call
   * id; a refusal is returned as it came (the caller words it) and leaves the media to close.
   */
  async dial(): Promise<DialResult> {
    const sdp = this.localSdp;
    if (this.step !== 'prepared' || sdp === null) {
      return {
        ok: false,
        error: { code: 'invalid_state', message: 'This call has no checked offer to send.' },
      };
    }
    const placed = await this.signaling.send('call:dial', {
      channelId: this.#channelId,
      to: this.#to,
      sdp,
    });
    // closed meanwhile (the agent hung up): the caller ends the call by the id in the ack
    if (!placed.ok || this.isEnded()) return placed;
    this.identify(placed.callId);
    this.markSent();
    this.#completeWhenReady();
    return placed;
  }

  /** Meta's answer to our offer: checked, `actpass` read as `active`, applied once */
  applyAnswer(sdp: string): Promise<Outcome> {
    let outcome: Outcome = { ok: true };
    return this.#updates
      .enqueue(async () => {
        outcome = await this.#applyAnswer(sdp);
      })
      .then(() => outcome);
  }

  applyRemoteSdp(payload: CallRemoteSdpPayload): Promise<void> {
    if (payload.sdpType === 'answer') return this.applyAnswer(payload.sdp).then(() => undefined);
    if (this.channel === 'messenger') return this.#updates.offer(payload.sdp, payload.version);
    // whatsapp cannot renegotiate: a stray offer is logged and ignored
    this.log.warn(`call ${this.callId}: ignored an offer (WhatsApp does not renegotiate)`);
    return Promise.resolve();
  }

  /** the customer picked up (the server's `call:updated` says active) */
  calleeAnswered(): void {
    this.#pickedUp = true;
    this.#completeWhenReady();
  }

  async #applyAnswer(sdp: string): Promise<Outcome> {
    if (this.isEnded()) return { ok: false, message: 'The call was closed.' };
    if (this.#answerApplied || this.pc.signalingState !== 'have-local-offer') {
      this.log.info(`call ${this.callId}: ignored an answer with no offer of ours pending`);
      return { ok: true };
    }
    const answer = readMetaAnswer(sdp, this.#channelName);
    if (!answer.ok) return this.fail({ reason: 'bad-reply', message: answer.message });
    try {
      await this.pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    } catch (error) {
      if (this.isEnded()) return { ok: false, message: 'The call was closed.' };
      return this.fail({
        reason: 'bad-reply',
        message: `${this.#channelName}'s answer could not be applied: ${describe(error)}`,
      });
    }
    this.#answerApplied = true;
    this.#completeWhenReady();
    return { ok: true };
  }

  get #channelName(): string {
    return this.channel === 'whatsapp' ? 'WhatsApp' : 'Messenger';
  }

  #completeWhenReady(): void {
    if (this.#answerApplied && this.#pickedUp) this.markAccepted();
  }
}
