import type { CallAnswerAck } from '@ringside/contracts';
import type { CommandResult } from '../signaling/SignalingClient';
import { CallSession } from './CallSession';
import { describe } from './errors';
import type { Outcome } from './LocalAudio';

/**
 * A call the customer placed and an agent accepted: our SDP goes to the server with
 * `call:answer` once the claim succeeded, and Meta's accept (with its SDP reply on Messenger)
 * completes the setup. Each channel supplies its SDP ({@link WhatsAppCallSession},
 * {@link MessengerCallSession}).
 *
 * @example
 * const session = new WhatsAppCallSession({ callId, offer, microphone, signaling, audio });
 * const ready = await session.prepare(); // alongside the claim
 * if (ready.ok && claimed) await session.deliver();
 */
export abstract class InboundCallSession extends CallSession {
  /** applies what the server's `call:answer` acknowledgement carries (Meta's SDP, Messenger) */
  protected abstract applyAnswerReply(reply: CallAnswerAck): Promise<Outcome>;

  /**
   * the claim was won: what the session held back until the call was surely ours may go now
   * (WhatsApp: Meta's candidates, so connectivity checks start); a refusal fails the call
   */
  protected async claimWon(): Promise<Outcome> {
    return { ok: true };
  }

  #released: Promise<Outcome> | undefined;

  /**
   * the server gave this agent the call: let go of what was held back (at once, while the SDP
   * may still be in the making, so connectivity checks overlap with the rest of the setup)
   */
  claimed(): void {
    this.#released ??= this.claimWon();
  }

  /** sends the prepared SDP with `call:answer` and applies Meta's reply; call once the claim is won */
  async deliver(): Promise<Outcome> {
    const sdp = this.localSdp;
    if (this.step !== 'prepared' || sdp === null) {
      return { ok: false, message: 'This call has no checked SDP to send.' };
    }
    this.claimed();
    const released = await (this.#released ?? this.claimWon());
    if (this.isEnded()) return { ok: false, message: 'The call was closed.' };
    if (!released.ok) return this.fail({ reason: 'bad-offer', message: released.message });
    this.markSent();
    const reply: CommandResult<'call:answer'> = await this.signaling.send('call:answer', {
      callId: this.callId,
      sdp,
    });
    if (this.isEnded()) return { ok: false, message: 'The call was closed.' };
    if (!reply.ok) return this.fail({ reason: 'answer-refused', message: reply.error.message });
    let applied: Outcome;
    try {
      applied = await this.applyAnswerReply(reply);
    } catch (error) {
      applied = { ok: false, message: `Meta's reply could not be applied: ${describe(error)}` };
    }
    if (this.isEnded()) return { ok: false, message: 'The call was closed.' };
    if (!applied.ok) return this.fail({ reason: 'bad-reply', message: applied.message });
    this.markAccepted();
    return { ok: true };
  }
}
