import { AnchorEngine } from '../client/anchor-engine';
import type { CallRoom, CallRoomOptions } from '../client/call-room';
import { AnchorError } from '../errors';
import { pickEngine } from './pick-engine';

/** one engine of the pool, as configured */
export interface EngineEndpoint {
  /** stable name, stored with a call to find its engine again */
  name: string;
  /** the Janus API, ws://host:port */
  url: string;
}

/** an engine the pool could not reach at start or lost later */
export interface EngineDown {
  name: string;
  detail: string;
}

/**
 * Several Janus engines; each call is pinned to one for its whole life (every leg of it goes
 * there). A new call goes to the live engine with the fewest rooms; an engine that dies closes
 * its calls' rooms with `engine_lost` (see {@link AnchorEngine}) and gets no new ones.
 *
 * @example
 * const pool = await EnginePool.open([
 *   { name: 'janus-a', url: 'ws://10.0.0.5:8188' },
 *   { name: 'janus-b', url: 'ws://10.0.0.6:8188' },
 * ]);
 * const { engine, room } = await pool.createRoom('call-42');
 * // store `engine` with the call; pool.roomOf('call-42') finds the room again
 */
export class EnginePool {
  readonly #engines = new Map<string, AnchorEngine>();
  /** engines that did not answer at start, with why */
  readonly #unreachable = new Map<string, string>();
  readonly #order: string[];
  readonly #rooms = new Map<string, { engine: string; room: CallRoom }>();
  /** each call's side room (made on first use), and the options its call's room was made with */
  readonly #sideRooms = new Map<string, Promise<CallRoom>>();
  readonly #roomOptions = new Map<string, CallRoomOptions>();

  private constructor(endpoints: readonly EngineEndpoint[]) {
    this.#order = endpoints.map((endpoint) => endpoint.name);
  }

  /** connects to every engine; fails only when none answers */
  static async open(endpoints: readonly EngineEndpoint[]): Promise<EnginePool> {
    const names = new Set(endpoints.map((endpoint) => endpoint.name));
    if (names.size !== endpoints.length) throw new RangeError('engine names must be unique');
    const pool = new EnginePool(endpoints);
    await Promise.all(endpoints.map((endpoint) => pool.#connect(endpoint)));
    if (pool.#engines.size === 0) {
      const reasons = [...pool.#unreachable]
        .map(([name, detail]) => `${name}: ${detail}`)
        .join('; ');
      throw new AnchorError('engine_lost', `no media engine answers (${reasons})`);
    }
    return pool;
  }

  /** the engines taking calls now, in configuration order */
  get live(): string[] {
    return this.#order.filter((name) => this.#engines.get(name)?.alive);
  }

  /** the engines not taking calls, with why */
  get down(): EngineDown[] {
    return this.#order.flatMap((name) => {
      const detail = this.#engines.get(name)?.loss?.detail ?? this.#unreachable.get(name);
      return detail === undefined ? [] : [{ name, detail }];
    });
  }

  /** creates the call's room on the engine it is pinned to from now on */
  async createRoom(
    callId: string,
    options: CallRoomOptions = {},
  ): Promise<{ engine: string; room: CallRoom }> {
    if (this.#rooms.has(callId)) {
      throw new AnchorError('request_failed', `${callId} already has a room`);
    }
    const name = pickEngine(
      this.#order.map((engine) => ({
        name: engine,
        alive: this.#engines.get(engine)?.alive ?? false,
        rooms: this.#engines.get(engine)?.roomCount ?? 0,
      })),
    );
    const engine = name === null ? undefined : this.#engines.get(name);
    if (name === null || !engine) {
      throw new AnchorError('engine_lost', `no media engine is alive for ${callId}`);
    }
    const room = await engine.createRoom(callId, options);
    const pinned = { engine: name, room };
    this.#rooms.set(callId, pinned);
    this.#roomOptions.set(callId, options);
    void room.closed.then(() => {
      if (this.#rooms.get(callId) !== pinned) return;
      this.#rooms.delete(callId);
      this.#roomOptions.delete(callId);
    });
    return pinned;
  }

  /** whether the call has a side room (made, or being made): asking needs no engine request */
  hasSideRoom(callId: string): boolean {
    return this.#sideRooms.has(callId);
  }

  /**
   * The call's side room, on the engine the call is pinned to, made on first use: where staff
   * talk without the customer hearing (a whisper, see plan/hearing-plan.ts). It is destroyed
   * when the call's room closes.
   *
   * @example
   * const side = await pool.sideRoomOf('call-42'); // the same room for every later ask
   */
  sideRoomOf(callId: string): Promise<CallRoom> {
    const pinned = this.#rooms.get(callId);
    if (!pinned) {
      return Promise.reject(new AnchorError('room_closed', `${callId} has no open room`));
    }
    const known = this.#sideRooms.get(callId);
    if (known) return known;
    const making = this.#makeSideRoom(callId, pinned);
    this.#sideRooms.set(callId, making);
    // a failed attempt is forgotten, so the next ask tries again
    making.catch(() => {
      if (this.#sideRooms.get(callId) === making) this.#sideRooms.delete(callId);
    });
    return making;
  }

  /** the open room of a call and the engine it is pinned to, if any */
  roomOf(callId: string): { engine: string; room: CallRoom } | undefined {
    return this.#rooms.get(callId);
  }

  /**
   * Destroys, on every live engine, the anchor's rooms this pool did not make (left by an earlier
   * server process, see {@link AnchorEngine.sweepRooms}); returns how many per engine, and the
   * engines that could not be swept with why.
   */
  async sweepRooms(): Promise<{ swept: Record<string, number>; failed: EngineDown[] }> {
    const swept: Record<string, number> = {};
    const failed: EngineDown[] = [];
    for (const name of this.live) {
      try {
        swept[name] = (await this.#engines.get(name)?.sweepRooms()) ?? 0;
      } catch (error) {
        failed.push({ name, detail: error instanceof Error ? error.message : String(error) });
      }
    }
    return { swept, failed };
  }

  /** closes every engine connection (their rooms first) */
  async close(): Promise<void> {
    await Promise.all([...this.#engines.values()].map((engine) => engine.close()));
  }

  async #makeSideRoom(
    callId: string,
    pinned: { engine: string; room: CallRoom },
  ): Promise<CallRoom> {
    const engine = this.#engines.get(pinned.engine);
    if (!engine) throw new AnchorError('engine_lost', `the engine of ${callId} is gone`);
    const side = await engine.createRoom(`${callId}:side`, this.#roomOptions.get(callId));
    void pinned.room.closed.then(async () => {
      this.#sideRooms.delete(callId);
      await side.destroy().catch(() => undefined);
    });
    return side;
  }

  async #connect(endpoint: EngineEndpoint): Promise<void> {
    try {
      const engine = await AnchorEngine.connect(endpoint.url);
      this.#engines.set(endpoint.name, engine);
    } catch (error) {
      this.#unreachable.set(endpoint.name, error instanceof Error ? error.message : String(error));
    }
  }
}
