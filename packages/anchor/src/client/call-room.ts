import { randomInt } from 'node:crypto';
import type { JanodeSession } from 'janode';
import AudioBridgePlugin, { type AudioBridgeHandle } from 'janode/plugins/audiobridge';
import { AnchorError } from '../errors';
import { bounded } from './bounded';
import { CallLeg } from './call-leg';
import type { CallRoomOptions, LegOptions, OfferedLeg, RoomClosedReason } from './call-room-types';

export type { CallRoomOptions, LegOptions, OfferedLeg, RoomClosedReason };

/**
 * One call's AudioBridge room: every leg in it hears the mix of the others' unmuted voices and
 * of any file playing. Who hears whom is set by muting legs (see plan/hearing-plan.ts for what
 * needs a second room).
 *
 * @example
 * const room = await engine.createRoom('call-42');
 * const { answer } = await room.addLegFromOffer('customer', metaOfferSdp);
 * const agent = await room.addLegFromOffer('agent', browserOfferSdp);
 * await room.setMuted('customer', true); // the agent stops hearing the customer
 * await room.destroy();
 */
export class CallRoom {
  readonly callId: string;
  readonly roomId: number;
  readonly closed: Promise<RoomClosedReason>;
  readonly #session: JanodeSession;
  readonly #control: AudioBridgeHandle;
  readonly #options: CallRoomOptions;
  readonly #onClosed: () => void;
  readonly #legs = new Map<string, CallLeg>();
  #closedReason: RoomClosedReason | null = null;
  #resolveClosed!: (reason: RoomClosedReason) => void;

  /** made by {@link AnchorEngine.createRoom} */
  constructor(
    callId: string,
    roomId: number,
    session: JanodeSession,
    control: AudioBridgeHandle,
    options: CallRoomOptions,
    onClosed: () => void,
  ) {
    this.callId = callId;
    this.roomId = roomId;
    this.#session = session;
    this.#control = control;
    this.#options = options;
    this.#onClosed = onClosed;
    this.closed = new Promise((resolve) => (this.#resolveClosed = resolve));
  }

  /** the ids of the legs in the room */
  get legIds(): string[] {
    return [...this.#legs.keys()];
  }

  /** the leg's engine-side state: `up` and `down` promises */
  leg(legId: string): CallLeg {
    const leg = this.#legs.get(legId);
    if (!leg) throw new AnchorError('leg_unknown', `no leg "${legId}" in ${this.callId}`);
    return leg;
  }

  /**
   * Adds a leg whose far end made the offer (Meta's offer for an inbound WhatsApp call, an agent's
   * browser) and returns the engine's answer, complete with its candidates (no trickle).
   */
  async addLegFromOffer(
    legId: string,
    offerSdp: string,
    options: LegOptions = {},
  ): Promise<{ answer: string }> {
    const { leg } = await this.#join(legId, options, false);
    try {
      return { answer: await leg.answer(offerSdp, this.#options.prebufferPackets) };
    } catch (error) {
      await this.#drop(legId);
      throw this.#failure(`negotiating ${legId}`, error);
    }
  }

  /**
   * Adds a leg for which the engine makes the offer (a Messenger accept, a WhatsApp
   * business-initiated call); `accept` applies the far end's answer.
   */
  async addLegWithOffer(legId: string, options: LegOptions = {}): Promise<OfferedLeg> {
    const { leg, offer } = await this.#join(legId, options, true);
    if (!offer) {
      await this.#drop(legId);
      throw new AnchorError('negotiation_failed', `the engine made no offer for ${legId}`);
    }
    return { offer, accept: (answerSdp) => this.#applyAnswer(leg, answerSdp) };
  }

  /**
   * Has the engine re-offer an existing leg (same ICE and DTLS; the PeerConnection stays up);
   * `accept` applies the far end's answer. How the engine learns of a source the far end added
   * later, e.g. Messenger's renegotiation moving the customer's voice to mid 1: Janus drops
   * RTP from an SSRC it was never told about.
   */
  async reofferLeg(legId: string): Promise<OfferedLeg> {
    const leg = this.leg(legId);
    this.#assertOpen();
    try {
      return { offer: await leg.reoffer(), accept: (answer) => this.#applyAnswer(leg, answer) };
    } catch (error) {
      throw this.#failure(`re-offering ${legId}`, error);
    }
  }

  /** mutes or unmutes a leg: a muted leg still hears the room, nobody hears it */
  async setMuted(legId: string, muted: boolean): Promise<void> {
    const { feed } = this.leg(legId);
    this.#assertOpen();
    try {
      const request = { room: this.roomId, feed };
      const change = muted ? this.#control.mute(request) : this.#control.unmute(request);
      await bounded(change, `${muted ? 'muting' : 'unmuting'} ${legId}`);
    } catch (error) {
      throw this.#failure(`${muted ? 'muting' : 'unmuting'} ${legId}`, error);
    }
  }

  /**
   * Plays an .opus file (Ogg Opus) into the room's mix, heard by every leg; returns its id for
   * {@link CallRoom.stopFile}. The file must be on the engine's own file system.
   */
  async playFile(path: string, options: { loop?: boolean } = {}): Promise<string> {
    this.#assertOpen();
    try {
      const { file_id } = await bounded(
        this.#control.playFile({ room: this.roomId, filename: path, loop: options.loop ?? false }),
        `playing ${path}`,
      );
      return file_id;
    } catch (error) {
      throw this.#failure(`playing ${path}`, error);
    }
  }

  async stopFile(fileId: string): Promise<void> {
    this.#assertOpen();
    try {
      await bounded(
        this.#control.stopFile({ room: this.roomId, file_id: fileId }),
        `stopping ${fileId}`,
      );
    } catch (error) {
      throw this.#failure(`stopping ${fileId}`, error);
    }
  }

  /**
   * Starts or stops recording the room's mix to a .wav file on the engine (`folder`/`name`).
   */
  async setRecording(on: boolean, file?: { folder: string; name: string }): Promise<void> {
    this.#assertOpen();
    try {
      await bounded(
        this.#control.enableRecording({
          room: this.roomId,
          record: on,
          ...(file ? { rec_dir: file.folder, filename: file.name } : {}),
        }),
        'switching the recording',
      );
    } catch (error) {
      throw this.#failure(`${on ? 'starting' : 'stopping'} the recording`, error);
    }
  }

  /**
   * Moves a leg, PeerConnection and all (no renegotiation), into another room of the same
   * engine: how a hold parks the agents away from the customer's music, and brings them back.
   */
  async moveLeg(legId: string, to: CallRoom, options: LegOptions = {}): Promise<void> {
    const leg = this.leg(legId);
    this.#assertOpen();
    to.#assertOpen();
    if (to === this) return;
    if (to.#legs.has(legId)) {
      throw new AnchorError('request_failed', `${to.callId} already has a leg "${legId}"`);
    }
    try {
      await bounded(
        leg.handle.changeRoom({
          room: to.roomId,
          feed: leg.feed,
          ...(options.muted === undefined ? {} : { muted: options.muted }),
        }),
        `moving ${legId}`,
      );
    } catch (error) {
      throw this.#failure(`moving ${legId} to ${to.callId}`, error);
    }
    this.#legs.delete(legId);
    to.#legs.set(legId, leg);
  }

  /** takes a leg out of the room and closes its PeerConnection on the engine */
  async removeLeg(legId: string): Promise<void> {
    this.leg(legId);
    await this.#drop(legId);
  }

  /** ends the call's media: every leg is hung up and the room is gone */
  async destroy(): Promise<void> {
    if (this.#closedReason) return;
    try {
      await bounded(this.#control.destroy({ room: this.roomId }), 'destroying the room');
    } catch (error) {
      if (this.#closedReason) return;
      throw this.#failure('destroying the room', error);
    } finally {
      for (const legId of [...this.#legs.keys()]) await this.#drop(legId);
    }
    this.markClosed('destroyed');
  }

  /** @internal the engine's connection tells its rooms when it is lost */
  markClosed(reason: RoomClosedReason): void {
    if (this.#closedReason) return;
    this.#closedReason = reason;
    this.#legs.clear();
    this.#onClosed();
    this.#resolveClosed(reason);
  }

  async #join(
    legId: string,
    options: LegOptions,
    generateOffer: boolean,
  ): Promise<{ leg: CallLeg; offer: string | undefined }> {
    this.#assertOpen();
    if (this.#legs.has(legId)) {
      throw new AnchorError('request_failed', `${this.callId} already has a leg "${legId}"`);
    }
    let leg: CallLeg;
    try {
      leg = await bounded(
        CallLeg.attach(this.#session, legId, randomInt(1, 2 ** 47)),
        `attaching ${legId}`,
      );
    } catch (error) {
      throw this.#failure(`attaching ${legId}`, error);
    }
    this.#legs.set(legId, leg);
    // a leg can move rooms (moveLeg): a destroyed event closes the room it names
    leg.handle.on(AudioBridgePlugin.EVENT.AUDIOBRIDGE_DESTROYED, ({ room }: { room?: number }) => {
      if (room === this.roomId) this.markClosed('destroyed');
    });
    try {
      const joined = await bounded(
        leg.handle.join({
          room: this.roomId,
          feed: leg.feed,
          display: legId,
          muted: options.muted ?? false,
          ...(generateOffer ? { generate_offer: true } : {}),
        }),
        `joining ${legId}`,
      );
      return { leg, offer: joined.jsep?.type === 'offer' ? joined.jsep.sdp : undefined };
    } catch (error) {
      await this.#drop(legId);
      throw this.#failure(`joining ${legId}`, error);
    }
  }

  async #applyAnswer(leg: CallLeg, answerSdp: string): Promise<void> {
    try {
      await leg.applyAnswer(answerSdp);
    } catch (error) {
      throw this.#failure(`applying the answer of ${leg.id}`, error);
    }
  }

  async #drop(legId: string): Promise<void> {
    const leg = this.#legs.get(legId);
    this.#legs.delete(legId);
    await leg?.release();
  }

  #assertOpen(): void {
    if (this.#closedReason) {
      throw new AnchorError(
        'room_closed',
        `the room of ${this.callId} is closed (${this.#closedReason})`,
      );
    }
  }

  #failure(what: string, error: unknown): AnchorError {
    if (error instanceof AnchorError) return error;
    const reason = error instanceof Error ? error.message : String(error);
    const code = this.#closedReason === 'engine_lost' ? 'engine_lost' : 'request_failed';
    return new AnchorError(code, `${what} in ${this.callId} failed: ${reason}`, { cause: error });
  }
}
