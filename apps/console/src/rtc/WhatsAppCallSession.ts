import type { CallAnswerAck, CallRemoteSdpPayload } from '@ringside/contracts';
import { validateMetaOffer } from '@ringside/sdp';
import type { CallSessionOptions, LocalSdpResult } from './CallSession';
import { InboundCallSession } from './InboundCallSession';
import type { Outcome } from './LocalAudio';

/**
 * A WhatsApp call the customer placed: Meta's offer came with the ring. We apply it, add the
 * microphone track, and only then create the answer — an answer created before the track is
 * `recvonly`, connects, carries no audio, and WhatsApp drops the call after 20 s with no way to
 * renegotiate. The answer waits for ICE gathering (bounded), is checked with
 * `validateLocalAnswer`, and goes to the server, which sends it to Meta in pre_accept and accept.
 *
 * @example
 * const session = new WhatsAppCallSession({ callId, offer: ringing.sdpOffer, microphone, signaling, audio });
 * const ready = await session.prepare(); // runs alongside the claim
 * if (ready.ok) await session.deliver();
 */
export class WhatsAppCallSession extends InboundCallSession {
  readonly #offer: string;

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
    await this.pc.setRemoteDescription({ type: 'offer', sdp: offer.summary.sdp });
    // the order that matters: microphone first, answer second
    this.attachMicrophone();
    const answer = await this.pc.createAnswer();
    await this.pc.setLocalDescription(answer);
    return this.gatheredAndChecked('answer');
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
