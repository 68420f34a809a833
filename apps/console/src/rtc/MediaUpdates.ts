import { validateMetaOffer } from '@ringside/sdp';
import type { Logger } from '../log';
import { describe } from './errors';
import type { Outcome } from './LocalAudio';

type Negotiator = Pick<
  RTCPeerConnection,
  'setRemoteDescription' | 'createAnswer' | 'setLocalDescription'
>;

/**
 * Messenger's later offers (an `sdp_renegotiation` in Meta's reply, `media_update` webhooks):
 * applied one at a time in arrival order, by highest version only, and answered locally — the
 * microphone stays on its sender, so nothing about our audio changes. Other remote SDP steps
 * join the same queue, so an answer and a later offer can never interleave.
 *
 * @example
 * const updates = new MediaUpdates(pc, log, () => callId);
 * await updates.offer(payload.sdp, payload.version);
 */
export class MediaUpdates {
  #version = -1;
  #queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly pc: Negotiator,
    private readonly log: Logger,
    private readonly callId: () => string,
  ) {}

  /** runs `step` after every earlier one; an error is logged, never thrown */
  enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.#queue.then(step).catch((error: unknown) => {
      this.log.warn(`call ${this.callId()}: remote SDP not applied: ${describe(error)}`);
    });
    this.#queue = next;
    return next;
  }

  /** a `media_update` offer: newer than any applied is answered; older or repeated is ignored */
  offer(sdp: string, version: number | undefined): Promise<void> {
    return this.enqueue(async () => {
      // media_update offers count up; an older or repeated one must not undo a newer one
      if (version !== undefined) {
        if (version <= this.#version) {
          this.log.info(
            `call ${this.callId()}: ignored media_update v${version} (have v${this.#version})`,
          );
          return;
        }
        this.#version = version;
      }
      const answered = await this.answer(sdp);
      if (!answered.ok) this.log.warn(`call ${this.callId()}: ${answered.message}`);
    });
  }

  /** applies a remote offer and answers it locally (call inside a queued step) */
  async answer(sdp: string): Promise<Outcome> {
    const offer = validateMetaOffer(sdp);
    if (!offer.ok)
      return { ok: false, message: `Messenger's new offer cannot be used: ${offer.error.message}` };
    await this.pc.setRemoteDescription({ type: 'offer', sdp: offer.summary.sdp });
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    return { ok: true };
  }
}
