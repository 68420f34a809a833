import Janode, { type JanodeSession } from 'janode';
import AudioBridgePlugin from 'janode/plugins/audiobridge';
import { AnchorError } from '../errors';
import { AnchorBridgeHandle, type LegHandle } from './anchor-bridge-handle';
import { bounded } from './bounded';

/**
 * One leg of a call on the engine: a Janus handle on the AudioBridge plugin (one PeerConnection)
 * joined to the call's room as participant `feed`. `up` settles when ICE and DTLS are up on the
 * engine's side; `down` when the engine hangs the PeerConnection up or the handle goes away.
 *
 * @example
 * const leg = await CallLeg.attach(session, 'customer', 42);
 * await leg.up;
 */
export class CallLeg {
  readonly id: string;
  readonly feed: number;
  readonly handle: LegHandle;
  readonly up: Promise<void>;
  readonly down: Promise<string>;

  private constructor(id: string, feed: number, handle: LegHandle) {
    this.id = id;
    this.feed = feed;
    this.handle = handle;
    this.up = new Promise((resolve) => handle.once(Janode.EVENT.HANDLE_WEBRTCUP, () => resolve()));
    this.down = new Promise((resolve) => {
      handle.once(Janode.EVENT.HANDLE_HANGUP, ({ reason }: { reason?: string }) =>
        resolve(reason ?? 'hangup'),
      );
      handle.once(Janode.EVENT.HANDLE_DETACHED, () => resolve('detached'));
    });
    // neither is awaited by everyone: an unobserved settle must not surface as unhandled
    void this.up.catch(() => undefined);
  }

  static async attach(session: JanodeSession, id: string, feed: number): Promise<CallLeg> {
    const handle = await session.attach<LegHandle>({
      id: AudioBridgePlugin.id,
      Handle: AnchorBridgeHandle,
    });
    return new CallLeg(id, feed, handle);
  }

  /** the engine's answer (with its candidates) to the far end's offer */
  async answer(offerSdp: string, prebufferPackets?: number): Promise<string> {
    const configured = await bounded(
      this.handle.configure({
        jsep: { type: 'offer', sdp: offerSdp },
        ...(prebufferPackets === undefined ? {} : { prebuffer: prebufferPackets }),
      }),
      `answering ${this.id}'s offer`,
    );
    if (configured.jsep?.type !== 'answer') {
      throw new AnchorError('negotiation_failed', `the engine gave no answer for ${this.id}`);
    }
    return configured.jsep.sdp;
  }

  /** applies the far end's answer to an offer the engine made */
  async applyAnswer(answerSdp: string): Promise<void> {
    await bounded(
      this.handle.configure({ jsep: { type: 'answer', sdp: answerSdp } }),
      `applying ${this.id}'s answer`,
    );
  }

  /** a new offer from the engine for this PeerConnection (same ICE and DTLS) */
  async reoffer(): Promise<string> {
    // janode's configure() does not pass generate_offer; the reply carries Janus's offer
    const reply = (await bounded(
      this.handle.message({ request: 'configure', generate_offer: true }),
      `re-offering ${this.id}`,
    )) as { jsep?: { type: string; sdp: string } };
    if (reply.jsep?.type !== 'offer') {
      throw new AnchorError('negotiation_failed', `the engine made no offer for ${this.id}`);
    }
    return reply.jsep.sdp;
  }

  /** leaves the room and frees the handle; safe to call on a dead engine */
  async release(): Promise<void> {
    await this.handle.detach().catch(() => undefined);
  }
}
