import type { JanusMessage } from 'janode';
import AudioBridgePlugin, { type AudioBridgeHandle } from 'janode/plugins/audiobridge';

/**
 * janode's AudioBridge handle plus `changeroom`, which janode 1.8 does not wrap: its handler
 * does not know the `roomchanged` reply and fails the request as an "unmanaged event" although
 * Janus moved the participant. This one closes that request with the new room.
 *
 * @example
 * const handle = await session.attach<AnchorBridgeHandle>({
 *   id: AudioBridgePlugin.id,
 *   Handle: AnchorBridgeHandle,
 * });
 * await handle.changeRoom({ room: sideRoomId, feed: 42 });
 */
export class AnchorBridgeHandle extends AudioBridgePlugin.Handle {
  override handleMessage(message: JanusMessage): unknown {
    const data = message.plugindata?.data;
    const transaction = message.transaction;
    if (data?.audiobridge === 'roomchanged' && transaction && this.ownsTransaction(transaction)) {
      this.closeTransactionWithSuccess(transaction, { room: data.room, feed: data.id });
      return true;
    }
    return super.handleMessage(message);
  }

  /** moves this participant, PeerConnection and all, to another room of the same engine */
  async changeRoom(params: { room: number; feed: number; muted?: boolean }): Promise<void> {
    const body: Record<string, unknown> = { request: 'changeroom', room: params.room };
    body.id = params.feed;
    if (params.muted !== undefined) body.muted = params.muted;
    await (this as unknown as AudioBridgeHandle).message(body);
  }
}

/** what a leg's handle can do: janode's AudioBridge requests and {@link AnchorBridgeHandle}'s */
export type LegHandle = AudioBridgeHandle & Pick<AnchorBridgeHandle, 'changeRoom'>;
