import { validateMetaOffer } from '@ringside/sdp';
import { describe } from './errors';
import { addHeldCandidates, holdCandidates, type HeldCandidates } from './held-candidates';
import type { Outcome } from './LocalAudio';
import type { LocalSdpResult, SdpPeer, SdpStrategy } from './sdp-strategy';

/**
 * A WhatsApp call the customer placed: Meta's offer came with the ring. We apply it, add the
 * microphone track, and only then create the answer — an answer created before the track is
 * `recvonly`, connects, carries no audio, and WhatsApp drops the call after 20 s with no way to
 * renegotiate. The answer waits for ICE gathering (bounded) and is checked with
 * `validateLocalAnswer`. All of that may run while the claim is in flight, so Meta's ICE
 * candidates are held back until {@link release} ({@link holdCandidates}): an agent who loses
 * the race never sends Meta a connectivity check.
 *
 * @example
 * const session = new MediaSession({ …, sdp: (peer) => new AnswerMetaOffer(peer, ringing.sdpOffer) });
 */
export class AnswerMetaOffer implements SdpStrategy {
  readonly #peer: SdpPeer;
  readonly #offer: string;
  #held: HeldCandidates | undefined;
  // settles once Meta's offer (without its candidates) is applied, or could not be
  #offerApplied: Promise<void> | undefined;

  constructor(peer: SdpPeer, offer: string) {
    this.#peer = peer;
    this.#offer = offer;
  }

  async build(): Promise<LocalSdpResult> {
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
    const { pc } = this.#peer;
    this.#held = holdCandidates(offer.summary.sdp);
    const applying = pc.setRemoteDescription({ type: 'offer', sdp: this.#held.sdp });
    this.#offerApplied = applying.catch(() => undefined);
    await applying;
    // the order that matters: microphone first, answer second
    this.#peer.attachMicrophone();
    const answer = await pc.createAnswer();
    await pc.setLocalDescription(answer);
    return this.#peer.gatheredAndChecked('answer');
  }

  async release(): Promise<Outcome> {
    // the claim can be won before the offer is applied: candidates need it there first
    await this.#offerApplied;
    const held = this.#held;
    this.#held = undefined;
    if (!held || this.#peer.pc.remoteDescription === null) return { ok: true };
    try {
      await addHeldCandidates(this.#peer.pc, held, {
        onLateError: (error) =>
          this.#peer.log.info(
            `call ${this.#peer.callId()}: Meta's IPv6 candidates not added: ${describe(error)}`,
          ),
      });
      return { ok: true };
    } catch (error) {
      return { ok: false, message: `WhatsApp's ICE candidates were refused: ${describe(error)}` };
    }
  }

  // meta's accept returns no sdp on whatsapp: the offer we answered is the whole exchange, and
  // whatsapp cannot renegotiate after setup; a stray answer or offer is logged and ignored

  async applyAnswer(): Promise<Outcome> {
    this.#ignored('an answer');
    return { ok: true };
  }

  async answerOffer(): Promise<Outcome> {
    this.#ignored('an offer');
    return { ok: true };
  }

  async remoteOffer(): Promise<void> {
    this.#ignored('an offer');
  }

  #ignored(what: string): void {
    this.#peer.log.warn(
      `call ${this.#peer.callId()}: ignored ${what} (WhatsApp does not renegotiate)`,
    );
  }
}
