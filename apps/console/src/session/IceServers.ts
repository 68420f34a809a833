import type { IceConfig } from '@ringside/contracts';
import type { ApiResult } from '../api/http';
import { silentLogger, type Logger } from '../log';

/** what a call's peer connection is given: where to look for a path to Meta */
export interface IcePaths {
  iceServers: RTCIceServer[];
  iceTransportPolicy: RTCIceTransportPolicy;
}

/** no STUN or TURN: host candidates only (Meta is ICE-lite and learns peer-reflexive ones) */
export const HOST_ONLY: IcePaths = { iceServers: [], iceTransportPolicy: 'all' };

// new credentials this long before the old expire, so a call started on the old has hours left
const REFRESH_BEFORE_MS = 4 * 3600_000;
const RETRY_MS = 30_000;
const MIN_REFRESH_MS = 30_000;

export interface IceServersOptions {
  /** `GET /api/rtc/ice` */
  fetch: () => Promise<ApiResult<IceConfig>>;
  now?: () => number;
  log?: Logger;
}

/**
 * The signed-in user's STUN and TURN servers: fetched at sign-in, fetched again before the TURN
 * credentials expire (or 30 s after a failed fetch), forgotten at sign-out. A call asks
 * {@link ready} as it starts: the servers at hand, or the fetch in flight; with none to be had,
 * host candidates only, which is how Ringside ran before TURN.
 *
 * @example
 * const ice = new IceServers({ fetch: () => rtcApi.iceConfig() });
 * ice.start(); // at sign-in
 * new RTCPeerConnection({ ...(await ice.ready()), bundlePolicy: 'max-bundle' });
 */
export class IceServers {
  readonly #options: IceServersOptions;
  readonly #now: () => number;
  readonly #log: Logger;
  #paths: IcePaths | undefined;
  #loading: Promise<IcePaths> | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #generation = 0;

  constructor(options: IceServersOptions) {
    this.#options = options;
    this.#now = options.now ?? (() => Date.now());
    this.#log = options.log ?? silentLogger;
  }

  start(): void {
    void this.#load();
  }

  stop(): void {
    this.#generation += 1;
    clearTimeout(this.#timer);
    this.#paths = undefined;
    this.#loading = undefined;
  }

  /** the servers for a call starting now */
  ready(): Promise<IcePaths> {
    if (this.#paths) return Promise.resolve(this.#paths);
    return this.#loading ?? this.#load();
  }

  #load(): Promise<IcePaths> {
    const generation = this.#generation;
    clearTimeout(this.#timer);
    this.#loading = this.#options.fetch().then((reply) => {
      if (generation !== this.#generation) return this.#paths ?? HOST_ONLY;
      this.#loading = undefined;
      if (!reply.ok) {
        this.#log.warn(`no STUN/TURN servers: ${reply.error.message}`);
        this.#schedule(RETRY_MS);
        return this.#paths ?? HOST_ONLY;
      }
      const { iceServers, iceTransportPolicy, expiresAt } = reply.data;
      this.#paths = { iceServers, iceTransportPolicy };
      if (expiresAt !== null) {
        const left = Date.parse(expiresAt) - this.#now();
        this.#schedule(
          Math.max(
            MIN_REFRESH_MS,
            left > 2 * REFRESH_BEFORE_MS ? left - REFRESH_BEFORE_MS : left / 2,
          ),
        );
      }
      return this.#paths;
    });
    return this.#loading;
  }

  #schedule(ms: number): void {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#load(), ms);
  }
}
