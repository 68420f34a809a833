import type { CallAnswerAck, CallRemoteSdpPayload } from '@ringside/contracts';
import {
  fixActpassInRemoteAnswer,
  validateLocalOffer,
  validateMetaOffer,
  validateRemoteAnswer,
} from '@ringside/sdp';
import { CallSession, type LocalSdpResult } from './CallSession';
import { describe } from './errors';
import type { Outcome } from './LocalAudio';
import { waitForIceGathering } from './ice-gathering';

/**
 * A Messenger call the customer placed: the connect came without SDP, so we make the offer
 * (microphone added first), check it with `validateLocalOffer`, and send it. The server's
 * acknowledgement carries Meta's `sdp_response` (our remote answer) and maybe an
 * `sdp_renegotiation` offer, which we answer locally. Later `media_update` offers arrive as
 * `call:remote-sdp` and are applied by highest version only.
 *
 * @example
 * const session = new MessengerCallSession({ callId, microphone, signaling, audio });
 * if ((await session.prepare()).ok) await session.deliver();
 * signaling.on('call:remote-sdp', (p) => void session.applyRemoteSdp(p));
 */
export class MessengerCallSession extends CallSession {
  #version = -1;
  // offers and answers are applied one at a time, in arrival order
  #queue: Promise<unknown> = Promise.resolve();

  protected async buildLocalSdp(): Promise<LocalSdpResult> {
    this.attachMicrophone();
    const offer = await this.pc.createOffer();
    await this.pc.setLocalDescription(offer);
    await waitForIceGathering(this.pc, this.timing.iceGatheringMs);
    const checked = validateLocalOffer(this.pc.localDescription?.sdp, {
      expectTrack: this.expectedTrack(),
    });
    if (!checked.ok) {
      return {
        ok: false,
        failure: {
          reason: 'sdp-invalid',
          message: `Our offer failed its check (${checked.error.message}), so it was not sent.`,
        },
      };
    }
    return { ok: true, sdp: checked.summary.sdp };
  }

  protected async applyAnswerReply(reply: CallAnswerAck): Promise<Outcome> {
    if (!reply.sdpResponse)
      return { ok: false, message: 'Messenger accepted the call without an SDP answer.' };
    const answer = validateRemoteAnswer(reply.sdpResponse);
    if (!answer.ok)
      return { ok: false, message: `Messenger's answer cannot be used: ${answer.error.message}` };
    // meta has been seen answering a=setup:actpass, which browsers refuse in an answer
    const sdp = answer.summary.needsActpassFix
      ? fixActpassInRemoteAnswer(answer.summary.sdp)
      : answer.summary.sdp;
    await this.pc.setRemoteDescription({ type: 'answer', sdp });
    if (reply.sdpRenegotiation) return this.#answerOffer(reply.sdpRenegotiation);
    return { ok: true };
  }

  applyRemoteSdp(payload: CallRemoteSdpPayload): Promise<void> {
    const run = async () => {
      if (payload.sdpType === 'answer') {
        if (this.pc.signalingState === 'have-local-offer') {
          await this.pc.setRemoteDescription({
            type: 'answer',
            sdp: fixActpassInRemoteAnswer(payload.sdp),
          });
        } else {
          this.log.warn(`call ${this.callId}: ignored an answer with no offer of ours pending`);
        }
        return;
      }
      // media_update offers count up; an older or repeated one must not undo a newer one
      if (payload.version !== undefined) {
        if (payload.version <= this.#version) {
          this.log.info(
            `call ${this.callId}: ignored media_update v${payload.version} (have v${this.#version})`,
          );
          return;
        }
        this.#version = payload.version;
      }
      const answered = await this.#answerOffer(payload.sdp);
      if (!answered.ok) this.log.warn(`call ${this.callId}: ${answered.message}`);
    };
    const next = this.#queue.then(run).catch((error: unknown) => {
      this.log.warn(`call ${this.callId}: remote SDP not applied: ${describe(error)}`);
    });
    this.#queue = next;
    return next;
  }

  /** applies a remote offer and answers it locally, keeping our microphone on the same sender */
  async #answerOffer(sdp: string): Promise<Outcome> {
    const offer = validateMetaOffer(sdp);
    if (!offer.ok)
      return { ok: false, message: `Messenger's new offer cannot be used: ${offer.error.message}` };
    await this.pc.setRemoteDescription({ type: 'offer', sdp: offer.summary.sdp });
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    return { ok: true };
  }
}
