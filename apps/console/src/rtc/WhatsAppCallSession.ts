import type { CallAnswerAck, CallRemoteSdpPayload } from '@ringside/contracts';
import { validateMetaOffer } from '@ringside/sdp';
import type { CallSessionOptions, LocalSdpResult } from './CallSession';
import { InboundCallSession } from './InboundCallSession';
import { describe } from './errors';
import { addHeldCandidates, holdCandidates, type HeldCandidates } from './held-candidates';
import type { Outcome } from './LocalAudio';

/**
 * A WhatsApp call the customer placed: Meta's offer came with the ring. We apply it, add the
 * microphone track, and only then create the answer — an answer created before the track is
 * `recvonly`, connects, carries no audio, and WhatsApp drops the call after 20 s with no way to
 * renegotiate. The answer waits for ICE gathering (bounded), is checked with
 * `validateLocalAnswer`, and goes to the server, which sends it to Meta in pre_accept and accept.
 * All of that runs while the claim is in flight, but Meta's ICE candidates are held back until
 * the claim is won ({@link holdCandidates}): an agent who loses the race never sends Meta a
 * connectivity check.
 *
 * @example
 * const session = new WhatsAppCallSession({ callId, offer: ringing.sdpOffer, microphone, signaling, audio });
 * const ready = await session.prepare(); // runs alongside the claim
 * if (ready.ok) await session.deliver();
 */
export class WhatsAppCallSession extends InboundCallSession {
  readonly #offer: string;
  #held: HeldCandidates | undefined;
  // settles once Meta's offer (without its candidates) is applied, or could not be
  #offerApplied: Promise<void> | undefined;

  constructor(options: CallSessionOptions & { offer: string }) {
    super(options);
    this.#offer = options.offer;
  }

  protected async buildLocalSdp(): Promise<LocalSdpResult> {
    const offer = validateMetaOffer(this.#offer);
    if (!offer.ok) {
      return {
        ok: false,
        failure: {
          reason: 'bad-offer',
          message: `WhatsApp's offer cannot be used: ${offer.error.message}`,
        },
      };
    }
    this.#held = holdCandidates(offer.summary.sdp);
    const applying = this.pc.setRemoteDescription({ type: 'offer', sdp: this.#held.sdp });
    this.#offerApplied = applying.catch(() => undefined);
    await applying;
    // the order that matters: microphone first, answer second
    this.attachMicrophone();
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    return this.gatheredAndChecked('answer');
  }

  protected override async claimWon(): Promise<Outcome> {
    // the claim can be won before the offer is applied: candidates need it there first
    await this.#offerApplied;
    const held = this.#held;
    this.#held = undefined;
    if (!held || this.pc.remoteDescription === null) return { ok: true };
    try {
      await addHeldCandidates(this.pc, held);
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `WhatsApp's ICE candidates were refused: ${describe(error)}` };
    }
  }

  protected async applyAnswerReply(_reply: CallAnswerAck): Promise<Outcome> {
    // meta's accept returns no sdp on whatsapp: the offer we answered is the whole exchange
    return { ok: true };
  }

  async applyRemoteSdp(payload: CallRemoteSdpPayload): Promise<void> {
    // whatsapp cannot renegotiate after setup; a stray offer or answer is logged and ignored
    this.log.warn(
      `call ${this.callId}: ignored a ${payload.sdpType} (WhatsApp does not renegotiate)`,
    );
  }
}
