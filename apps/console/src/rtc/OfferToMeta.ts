import type { Channel } from '@ringside/contracts';
import { describe } from './errors';
import { addHeldCandidates, holdCandidates } from './held-candidates';
import type { Outcome } from './LocalAudio';
import { MediaUpdates } from './MediaUpdates';
import { readMetaAnswer } from './meta-answer';
import type { LocalSdpResult, SdpPeer, SdpStrategy } from './sdp-strategy';

/**
 * We make the offer: a Messenger call the customer placed (its connect came without SDP) and
 * every call the agent places. The microphone is added first, ICE gathered within its bound, and
 * the offer checked with `validateLocalOffer`, so a recvonly or broken offer never leaves the
 * browser. Meta's answer (Messenger's `sdp_response`, WhatsApp's connect) is checked, its
 * `actpass` read as `active`, and applied once. Messenger may then send offers of its own
 * (`sdp_renegotiation`, `media_update`), answered locally by {@link MediaUpdates}, highest
 * version only; WhatsApp cannot renegotiate, so its stray offers are logged and ignored.
 *
 * @example
 * const session = new MediaSession({ …, sdp: (peer) => new OfferToMeta(peer, 'messenger') });
 */
export class OfferToMeta implements SdpStrategy {
  readonly #peer: SdpPeer;
  readonly #channel: Channel;
  readonly #updates: MediaUpdates;
  #answerApplied = false;

  constructor(peer: SdpPeer, channel: Channel) {
    this.#peer = peer;
    this.#channel = channel;
    this.#updates = new MediaUpdates(
      peer.pc,
      peer.log,
      () => peer.callId(),
      () => peer.expectedTrack(),
    );
  }

  async build(): Promise<LocalSdpResult> {
    this.#peer.attachMicrophone();
    const offer = await this.#peer.pc.createOffer();
    await this.#peer.pc.setLocalDescription(offer);
    return this.#peer.gatheredAndChecked('offer');
  }

  async release(): Promise<Outcome> {
    return { ok: true };
  }

  applyAnswer(sdp: string): Promise<Outcome> {
    return this.#queued(() => this.#applyAnswer(sdp));
  }

  answerOffer(sdp: string): Promise<Outcome> {
    return this.#queued(() => this.#updates.answer(sdp));
  }

  remoteOffer(sdp: string, version: number | undefined): Promise<void> {
    if (this.#channel === 'messenger') return this.#updates.offer(sdp, version);
    this.#peer.log.warn(
      `call ${this.#peer.callId()}: ignored an offer (WhatsApp does not renegotiate)`,
    );
    return Promise.resolve();
  }

  async #applyAnswer(sdp: string): Promise<Outcome> {
    const { pc } = this.#peer;
    if (this.#answerApplied || pc.signalingState !== 'have-local-offer') {
      this.#peer.log.info(
        `call ${this.#peer.callId()}: ignored an answer with no offer of ours pending`,
      );
      return { ok: true };
    }
    const answer = readMetaAnswer(sdp, this.#channelName);
    if (!answer.ok) return answer;
    // its candidates follow the description: Meta's IPv4 ones at once, its IPv6 one a moment
    // later, so the browser does not check an unreachable IPv6 path first (held-candidates.ts)
    const held = holdCandidates(answer.sdp);
    try {
      await pc.setRemoteDescription({ type: 'answer', sdp: held.sdp });
      await addHeldCandidates(pc, held, {
        onLateError: (error) =>
          this.#peer.log.info(
            `call ${this.#peer.callId()}: Meta's IPv6 candidates not added: ${describe(error)}`,
          ),
      });
    } catch (error) {
      return {
        ok: false,
        message: `${this.#channelName}'s answer could not be applied: ${describe(error)}`,
      };
    }
    this.#answerApplied = true;
    return { ok: true };
  }

  // remote SDP steps run one at a time, so an answer and a later offer never interleave
  #queued(step: () => Promise<Outcome>): Promise<Outcome> {
    let outcome: Outcome = { ok: true };
    return this.#updates
      .enqueue(async () => {
        try {
          outcome = await step();
        } catch (error) {
          outcome = { ok: false, message: `Meta's SDP could not be applied: ${describe(error)}` };
        }
      })
      .then(() => outcome);
  }

  get #channelName(): string {
    return this.#channel === 'whatsapp' ? 'WhatsApp' : 'Messenger';
  }
}
