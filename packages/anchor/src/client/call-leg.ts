import Janode, { type JanodeSession } from 'janode';
import AudioBridgePlugin from 'janode/plugins/audiobridge';
import { AnchorBridgeHandle, type LegHandle } from './anchor-bridge-handle';

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

  /** leaves the room and frees the handle; safe to call on a dead engine */
  async release(): Promise<void> {
    await this.handle.detach().catch(() => undefined);
  }
}
