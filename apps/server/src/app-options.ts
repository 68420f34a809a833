import type { EnginePool } from '@ringside/anchor';
import type { MetaSim } from '@ringside/meta-sim';
import type { AbuseLimitOverrides } from './abuse-limits';
import type { AppAuthOptions } from './auth/auth-router';
import type { RacePoints } from './calls/race-points';
import type { GraphActionWorkerOptions } from './calls/graph-action-worker';
import type { TimerSweepOptions } from './calls/deadlines/timer-sweep';
import type { SocketAdapter } from './cluster/redis-adapter';
import type { Database } from './db/database';
import type { SecretBox } from './db/secret-box';
import type { GraphClient } from './graph/graph-client';
import type { TrustProxy } from './http/trust-proxy';
import type { Logger } from './ops/logger';
import type { IceSettings } from './rtc/ice-settings';
import type { MediaStore } from './media/media-store';
import type { MediaWorkerOptions } from './media/media-worker';
import type { DispatcherOptions } from './outbox/dispatcher';
import type { RetryPolicy } from './webhooks/webhook-retries';

/** What `createApp` is built from: `main.ts` fills it from the environment, tests from fixtures. */
export interface AppOptions {
  database: Database;
  secretBox: SecretBox;
  logger: Logger;
  /** `PUBLIC_ORIGIN` */
  publicOrigins: readonly string[];
  /** Meta's webhook secrets (the simulator's in the embedded default) */
  meta: { appSecret: string; verifyToken: string };
  /** where Graph calls go, unless a ready client is given */
  graphApi?: { baseUrl: string; version: string };
  graph?: GraphClient;
  clock?: () => Date;
  /** a built console to serve at `/` (absent: the API only) */
  consoleDir?: string;
  /** cluster mode: the Redis Streams adapter that links this node's sockets to the others */
  socketAdapter?: SocketAdapter;
  /** the embedded Meta simulator, for the console's simulator drawer */
  simulator?: MetaSim;
  /** outgoing event webhook delivery tuning (poll, retries); defaults suit production */
  outgoingWebhooks?: DispatcherOptions;
  /** how long an outbound call may ring unanswered before it ends `no-answer` (tests shorten it) */
  noPickupMs?: number;
  /**
   * the sweep that finds calls whose in-memory timer was lost with its node (ringing past the
   * ring timeout, a longest-idle turn over, an outbound call past no-pickup) and acts on them:
   * every 5 s by default (tests shorten it)
   */
  timerSweep?: TimerSweepOptions;
  /** the Graph action worker's period (tests shorten it) */
  graphWorker?: GraphActionWorkerOptions;
  /** `METRICS_TOKEN`: `/metrics` answers only to it (unset: open, for a private network) */
  metricsToken?: string;
  /** how often this node corrects console counts left by a server that died (tests shorten it) */
  ghostSweep?: { periodMs: number };
  /** tests: where a call's arrival or an agent's status change can be held (nothing waits by default) */
  racePoints?: RacePoints;
  /** per-user, per-socket and per-sender limits (`abuse-limits.ts`); defaults suit production */
  limits?: AbuseLimitOverrides;
  /** how stored webhook events that fail are retried before they become dead letters (tests shorten it) */
  webhookRetries?: Partial<RetryPolicy>;
  /** how many calls' webhook events are applied at once (default `PROCESSING_CONCURRENCY`) */
  webhookConcurrency?: number;
  /** `TRUST_PROXY`: whose X-Forwarded-For names the client (default: a proxy on loopback) */
  trustProxy?: TrustProxy;
  /** session lifetime and sweep, the login throttle's store (Redis in a cluster), test-only cost */
  auth?: AppAuthOptions;
  /** where fetched recordings and transcripts are kept (default: in memory; main.ts: DATA_DIR/media) */
  mediaStore?: MediaStore;
  /** the media worker's period and retries (tests shorten them) */
  mediaWorker?: MediaWorkerOptions;
  /** `STUN_URLS`, `TURN_URLS`, `TURN_SECRET`, `ICE_TRANSPORT_POLICY` (default: none, all paths) */
  ice?: IceSettings;
  /** `ANCHOR_ENGINES`, opened: the media engines of anchored channels (absent: all calls direct) */
  anchor?: EnginePool;
  /** how long an anchored call waits for its agent's closed tab to rejoin (tests shorten it) */
  anchorRejoinGraceMs?: number;
  /** the path of the hold music anchored calls play (made at start-up otherwise: hold-music.ts) */
  anchorHoldMusic?: () => Promise<string>;
  /** how long a colleague's console rings with a transfer (30 s otherwise; tests shorten it) */
  transferRingMs?: number;
  /** how often a queued caller hears their place again (30 s otherwise; tests shorten it) */
  anchorPlaceReminderMs?: number;
}
