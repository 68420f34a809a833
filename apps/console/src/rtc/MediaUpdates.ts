import { validateLocalAnswer, validateMetaOffer } from '@ringside/sdp';
import type { ExpectedTrack, SdpSection } from '@ringside/sdp';
import type { Logger } from '../log';
import { describe } from './errors';
import type { Outcome } from './LocalAudio';

type Negotiator = Pick<
  RTCPeerConnection,
  'setRemoteDescription' | 'createAnswer' | 'setLocalDescription' | 'localDescription'
> & {
  getTransceivers(): Pick<RTCRtpTransceiver, 'mid' | 'stop' | 'currentDirection'>[];
};

/**
 * Messenger's later offers (an `sdp_renegotiation` in Meta's reply, `media_update` webhooks):
 * applied one at a time in arrival order, by highest version only, and answered locally; Meta's
 * samples send nothing back. Meta's offers have two audio sections: mid 0 `recvonly`, which our
 * existing transceiver answers `sendonly` (the microphone stays on its sender, so mute, hold
 * music, DTMF and device switching go on acting on it), and mid 1 `sendonly`, a new transceiver
 * the browser creates and whose track (the customer's voice) arrives through `ontrack`. Video
 * sections are declined (their transceivers stopped: port 0), and our answer is checked to still
 * send the microphone. Other remote SDP steps join the same queue, so an answer and a later
 * offer can never interleave.
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
    private readonly expectTrack: () => ExpectedTrack = () => ({}),
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
    this.#declineVideo(offer.summary.sections);
    await this.pc.setLocalDescription(await this.pc.createAnswer());
    const answer = validateLocalAnswer(this.pc.localDescription?.sdp, {
      expectTrack: this.expectTrack(),
    });
    if (!answer.ok) {
      return {
        ok: false,
        message: `Our answer to Messenger's new offer failed its check: ${answer.error.message}`,
      };
    }
    this.log.info(
      `call ${this.callId()}: the customer is heard on mid ${offer.summary.mid ?? '?'}, ` +
        `our microphone is sent on mid ${answer.summary.mid ?? '?'}`,
    );
    return { ok: true };
  }

  // the console has no video: a video section's transceiver is stopped, so the answer says port 0
  #declineVideo(sections: readonly SdpSection[]): void {
    const videoMids = new Set(
      sections.flatMap((section) =>
        section.kind === 'video' && section.mid !== null ? [section.mid] : [],
      ),
    );
    if (videoMids.size === 0) return;
    for (const transceiver of this.pc.getTransceivers()) {
      if (transceiver.mid !== null && videoMids.has(transceiver.mid)) {
        if (transceiver.currentDirection !== 'stopped') transceiver.stop();
      }
    }
  }
}
