import type { CallAnswerAck, CallRemoteSdpPayload } from '@ringside/contracts';
import { fixActpassInRemoteAnswer } from '@ringside/sdp';
import type { CallSessionOptions, LocalSdpResult } from './CallSession';
import { InboundCallSession } from './InboundCallSession';
import type { Outcome } from './LocalAudio';
import { MediaUpdates } from './MediaUpdates';
import { readMetaAnswer } from './meta-answer';

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
export class MessengerCallSession extends InboundCallSession {
  readonly #updates: MediaUpdates;

  constructor(options: CallSessionOptions) {
    super(options);
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

  protected async applyAnswerReply(reply: CallAnswerAck): Promise<Outcome> {
    if (!reply.sdpResponse)
      return { ok: false, message: 'Messenger accepted the call without an SDP answer.' };
    const answer = readMetaAnswer(reply.sdpResponse, 'Messenger');
    if (!answer.ok) return answer;
    await this.pc.setRemoteDescription({ type: 'answer', sdp: answer.sdp });
    if (reply.sdpRenegotiation) return this.#updates.answer(reply.sdpRenegotiation);
    return { ok: true };
  }

  applyRemoteSdp(payload: CallRemoteSdpPayload): Promise<void> {
    if (payload.sdpType === 'offer') return this.#updates.offer(payload.sdp, payload.version);
    return this.#updates.enqueue(async () => {
      if (this.pc.signalingState !== 'have-local-offer') {
        this.log.warn(`call ${this.callId}: ignored an answer with no offer of ours pending`);
        return;
      }
      await this.pc.setRemoteDescription({
        type: 'answer',
        sdp: fixActpassInRemoteAnswer(payload.sdp),
      });
    });
  }
}
