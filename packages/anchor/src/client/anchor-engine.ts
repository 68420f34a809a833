import { randomInt } from 'node:crypto';
import Janode, { type JanodeConnection, type JanodeSession } from 'janode';
import AudioBridgePlugin, { type AudioBridgeHandle } from 'janode/plugins/audiobridge';
import { AnchorError } from '../errors';
import { bounded } from './bounded';
import { CallRoom, type CallRoomOptions } from './call-room';

// janode logs every request at info level on stdout; the anchor reports through its own API
Janode.Logger.setLevel('none');

/** how the rooms this anchor makes are described on the engine: `ringside <call id>` */
const ROOM_PREFIX = 'ringside ';

/** why an engine connection ended */
export interface EngineLoss {
  /** 'closed': we closed it; 'engine_lost': the engine or the connection to it went away */
  reason: 'closed' | 'engine_lost';
  detail: string;
}

/**
 * The server's connection to one Janus instance: a Janus session, a control handle on the
 * AudioBridge plugin for room administration, and one handle per call leg (made by
 * {@link CallRoom}). `lost` settles when the connection ends for any reason, and every room made
 * through it is then closed with `engine_lost`: nothing waits on a dead engine.
 *
 * @example
 * const engine = await AnchorEngine.connect('ws://127.0.0.1:8188');
 * const room = await engine.createRoom('call-42');
 * engine.lost.then(({ reason }) => console.warn('engine gone', reason));
 */
export class AnchorEngine {
  readonly url: string;
  readonly lost: Promise<EngineLoss>;
  readonly #connection: JanodeConnection;
  readonly #session: JanodeSession;
  readonly #control: AudioBridgeHandle;
  readonly #rooms = new Set<CallRoom>();
  #loss: EngineLoss | null = null;

  private constructor(
    url: string,
    connection: JanodeConnection,
    session: JanodeSession,
    control: AudioBridgeHandle,
  ) {
    this.url = url;
    this.#connection = connection;
    this.#session = session;
    this.#control = control;
    this.lost = new Promise((resolve) => {
      const end = (loss: EngineLoss) => {
        if (this.#loss) return;
        this.#loss = loss;
        for (const room of this.#rooms) room.markClosed('engine_lost');
        this.#rooms.clear();
        resolve(loss);
      };
      connection.once(Janode.EVENT.CONNECTION_ERROR, (error: Error) =>
        end({ reason: 'engine_lost', detail: error.message }),
      );
      connection.once(Janode.EVENT.CONNECTION_CLOSED, () =>
        end({ reason: 'closed', detail: 'the connection was closed' }),
      );
      session.once(Janode.EVENT.SESSION_DESTROYED, () =>
        end({ reason: 'engine_lost', detail: 'the engine ended our session' }),
      );
    });
  }

  /** connects to Janus at `url` (ws://host:port) and opens a session */
  static async connect(url: string): Promise<AnchorEngine> {
    let connection: JanodeConnection;
    try {
      // one attempt: the pool, not janode, decides where to go when an engine is down
      connection = await Janode.connect({ address: { url }, max_retries: 0 });
    } catch (error) {
      throw new AnchorError('engine_lost', `no engine answers at ${url}`, { cause: error });
    }
    try {
      const session = await bounded(connection.create(), `opening a session at ${url}`);
      const control = await bounded(
        session.attach<AudioBridgeHandle>(AudioBridgePlugin),
        `attaching to AudioBridge at ${url}`,
      );
      return new AnchorEngine(url, connection, session, control);
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw new AnchorError('request_failed', `the engine at ${url} refused a session`, {
        cause: error,
      });
    }
  }

  /** whether the connection is still up */
  get alive(): boolean {
    return this.#loss === null;
  }

  /** why the connection ended, null while it is up */
  get loss(): EngineLoss | null {
    return this.#loss;
  }

  /** rooms open on this engine now */
  get roomCount(): number {
    return this.#rooms.size;
  }

  /**
   * Creates the AudioBridge room of one call (48 kHz mixing, as opus carries it).
   *
   * @example
   * const room = await engine.createRoom('call-42', { prebufferPackets: 2 });
   */
  async createRoom(callId: string, options: CallRoomOptions = {}): Promise<CallRoom> {
    this.#assertAlive();
    const roomId = randomInt(1, 2 ** 47);
    try {
      const request = this.#control.create({
        room: roomId,
        description: `${ROOM_PREFIX}${callId}`,
        sampling_rate: 48_000,
        ...(options.prebufferPackets === undefined ? {} : { prebuffer: options.prebufferPackets }),
      });
      await bounded(request, `creating the room of ${callId}`);
    } catch (error) {
      throw this.#failure(`creating the room of ${callId}`, error);
    }
    const room = new CallRoom(callId, roomId, this.#session, this.#control, options, () =>
      this.#rooms.delete(room),
    );
    this.#rooms.add(room);
    return room;
  }

  /**
   * Destroys the anchor's rooms on the engine that this connection did not make: the rooms a
   * server process left when it stopped (Janus keeps a room until it is destroyed, and its legs
   * belonged to that process's session). Rooms described otherwise, made by anyone else, stay.
   * Returns how many went. Meant for start-up, with one server process per engine.
   *
   * @example
   * const engine = await AnchorEngine.connect(url);
   * await engine.sweepRooms(); // 2: an earlier process left two calls' rooms
   */
  async sweepRooms(): Promise<number> {
    this.#assertAlive();
    const mine = new Set([...this.#rooms].map((room) => room.roomId));
    try {
      const { list } = await bounded(this.#control.list(), 'listing the rooms');
      const left = list.filter(
        (room) => room.description?.startsWith(ROOM_PREFIX) && !mine.has(room.room),
      );
      for (const room of left) {
        await bounded(this.#control.destroy({ room: room.room }), `destroying room ${room.room}`);
      }
      return left.length;
    } catch (error) {
      throw this.#failure('sweeping the rooms left on the engine', error);
    }
  }

  /** destroys every room, then closes the session and the connection */
  async close(): Promise<void> {
    if (!this.alive) return;
    for (const room of [...this.#rooms]) await room.destroy().catch(() => undefined);
    await this.#session.destroy().catch(() => undefined);
    await this.#connection.close().catch(() => undefined);
    await this.lost;
  }

  #assertAlive(): void {
    if (this.#loss) {
      throw new AnchorError(
        'engine_lost',
        `the engine at ${this.url} is gone: ${this.#loss.detail}`,
      );
    }
  }

  #failure(what: string, error: unknown): AnchorError {
    const code = this.alive ? 'request_failed' : 'engine_lost';
    const reason = error instanceof Error ? error.message : String(error);
    return new AnchorError(code, `${what} failed: ${reason}`, { cause: error });
  }
}
