import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { Server } from 'socket.io';
import { createAdminArea } from './admin/admin-area';
import { createAuthRouter, type AppAuthOptions } from './auth/auth-router';
import { disconnectSession } from './auth/socket-auth';
import { guardSocketSessions } from './sockets/session-bound';
import { createAgentCommands } from './calls/agent-commands';
import { createCallService } from './calls/call-service';
import { createCallTimers } from './calls/call-timers';
import { createCallPermission } from './calls/dial/call-permission';
import { createDialService } from './calls/dial/dial-service';
import { createPermissionRequests } from './calls/dial/permission-requests';
import { createPresenceAnnouncer } from './calls/presence-announcer';
import { noRacePoints, type RacePoints } from './calls/race-points';
import { createTimerSweep, type TimerSweepOptions } from './calls/timer-sweep';
import type { Database } from './db/database';
import type { SecretBox } from './db/secret-box';
import { abuseLimits, type AbuseLimitOverrides } from './abuse-limits';
import type { TrustProxy } from './http/trust-proxy';
import { createGraphClient, type GraphClient } from './graph/graph-client';
import { errorHandler } from './http/app-error';
import { securityHeaders } from './http/security-headers';
import { NO_PICKUP_TIMEOUT_MS } from '@ringside/calls';
import type { MetaSim } from '@ringside/meta-sim';
import type { DispatcherOptions } from './outbox/dispatcher';
import { createCallActionsRouter } from './api/call-actions-routes';
import { createCallLogRouter } from './api/call-log-routes';
import { createSimRouter } from './simulator/sim-routes';
import type { SocketAdapter } from './cluster/redis-adapter';
import type { Logger } from './ops/logger';
import { createMetrics } from './ops/metrics';
import { createConsoleStatic } from './ops/console-static';
import { createOpsRouter } from './ops/ops-router';
import { createRepoShared, createRepos } from './repos';
import { createUnitOfWork } from './repos/unit-of-work';
import { handleConnections } from './sockets/connection-lifecycle';
import { limitCommands } from './sockets/command-limits';
import { capSocketsPerUser } from './sockets/socket-cap';
import { createBoardCountersPublisher } from './sockets/board-counters';
import { createGhostSweep } from './sockets/ghost-consoles';
import { createNotifier } from './sockets/notifier';
import type { RingsideServer } from './sockets/socket-types';
import { createMetaWebhookRouter } from './webhooks/meta-webhook-router';
import { createGroupCommit } from './webhooks/group-commit';
import { createWebhookIngest } from './webhooks/webhook-ingest';
import { createClockSkew } from './webhooks/clock-skew';
import { createWebhookPostHandler, isWebhookPost } from './webhooks/webhook-post';
import { createWebhookProcessor } from './webhooks/webhook-processor';
import { limitWebhooksInFlight } from './webhooks/webhook-in-flight';

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
  /** `METRICS_TOKEN`: `/metrics` answers only to it (unset: open, for a private network) */
  metricsToken?: string;
  /** how often this node corrects console counts left by a server that died (tests shorten it) */
  ghostSweep?: { periodMs: number };
  /** tests: where a call's arrival or an agent's status change can be held (nothing waits by default) */
  racePoints?: RacePoints;
  /** per-user, per-socket and per-sender limits (`abuse-limits.ts`); defaults suit production */
  limits?: AbuseLimitOverrides;
  /** `TRUST_PROXY`: whose X-Forwarded-For names the client (default: a proxy on loopback) */
  trustProxy?: TrustProxy;
  /** session lifetime and sweep, the login throttle's store (Redis in a cluster), test-only cost */
  auth?: AppAuthOptions;
}

/**
 * The composition root: every part of the server built from injected pieces. `main.ts` only
 * opens the database and listens; tests start it on port 0 with real clients.
 *
 * @example
 * const app = createApp({ database, secretBox, logger, publicOrigins, meta, graphApi });
 * const url = await app.listen(0);
 * // …
 * await app.close();
 */
export function createApp(options: AppOptions) {
  const clock = options.clock ?? (() => new Date());
  const limits = abuseLimits(options.limits);
  const { logger } = options;
  const metrics = createMetrics();
  const repos = createRepos(
    options.database.db,
    options.secretBox,
    createRepoShared({ engine: options.database.kind }),
  );
  const graph =
    options.graph ??
    createGraphClient({
      baseUrl: options.graphApi?.baseUrl ?? 'https://graph.facebook.com',
      version: options.graphApi?.version ?? 'v24.0',
      onResult: (result) => {
        metrics.graphLatency.observe({ operation: result.operation }, result.durationMs / 1000);
        if (result.error !== undefined)
          metrics.graphErrors.inc({ operation: result.operation, code: String(result.error) });
      },
    });

  const app: Express = express();
  app.disable('x-powered-by');
  const trustProxy = options.trustProxy ?? ['loopback'];
  app.set('trust proxy', typeof trustProxy === 'object' ? [...trustProxy] : trustProxy);
  // webhook deliveries skip Express (see webhook-post.ts); everything else goes through it
  const httpServer: HttpServer = createServer((req, res) => {
    if (isWebhookPost(req)) webhookPost(req, res);
    else app(req, res);
  });
  const io: RingsideServer = new Server(httpServer, {
    serveClient: false,
    // a connection that has not joined with a valid session by then is closed (refused ones too)
    connectTimeout: limits.preAuthTimeoutMs,
    ...(options.socketAdapter ? { adapter: options.socketAdapter } : {}),
  });

  const notifier = createNotifier(io, { clustered: options.socketAdapter !== undefined });
  const timers = createCallTimers();
  const boardCounters = createBoardCountersPublisher({ repos, notifier, clock, logger });
  const presence = createPresenceAnnouncer({ repos, notifier, clock });
  const calls = createCallService({
    repos,
    graph,
    notifier,
    timers,
    clock,
    logger,
    metrics,
    announcePresence: presence.announce,
    boardCounters,
    ...(options.noPickupMs === undefined ? {} : { noPickupMs: options.noPickupMs }),
    points: options.racePoints ?? noRacePoints,
  });
  const timerSweep = createTimerSweep(
    {
      repos,
      feed: calls.feed,
      clock,
      logger,
      noPickupMs: options.noPickupMs ?? NO_PICKUP_TIMEOUT_MS,
    },
    options.timerSweep,
  );
  const dialer = createDialService({
    repos,
    calls,
    graph,
    notifier,
    permission: createCallPermission({
      graph,
      logger,
      requests: createPermissionRequests({ repos, perHour: limits.permissionRequestsPerHour }),
    }),
    clock,
    logger,
    announcePresence: presence.announce,
    // meta's webhooks for the call may have come first: they wait in the processor until now
    callStored: (metaCallId) => processor.retry(metaCallId),
  });
  const commands = createAgentCommands({
    repos,
    calls,
    dialer,
    notifier,
    clock,
    announcePresence: presence.announce,
  });
  const adminArea = createAdminArea({
    db: options.database.db,
    secretBox: options.secretBox,
    repos,
    io,
    calls,
    graph,
    clock,
    logger,
    publicOrigins: options.publicOrigins,
    meta: options.meta,
    announcePresence: presence.announce,
    outgoing: options.outgoingWebhooks,
  });
  // deliveries that arrive together are stored by one statement; processing gives way to them
  const groupCommit = createGroupCommit((receipts) =>
    repos.webhookReceipts.storeReceipts(receipts),
  );
  const processor = createWebhookProcessor({
    receipts: repos.webhookReceipts,
    apply: async (event, key, { mayDefer }) => {
      const applied = await calls.applyWebhookEvent(event, key, { mayDefer });
      return { marked: applied.marked, deferred: applied.outcome === 'deferred' };
    },
    logger,
    foreground: groupCommit,
  });
  const webhookPost = limitWebhooksInFlight(
    createWebhookPostHandler({
      secrets: adminArea.metaSecrets,
      ingest: createWebhookIngest({
        receipts: { storeReceipt: groupCommit.store },
        metrics,
        logger,
        onStored: processor.enqueue,
        skew: createClockSkew(() => clock().getTime()),
      }),
      metrics,
      logger,
    }),
    { max: limits.webhooksInFlight, metrics },
  );

  app.use(securityHeaders({ https: options.publicOrigins.some((o) => o.startsWith('https:')) }));
  app.use(
    createOpsRouter({
      database: options.database,
      metrics,
      ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    }),
  );
  app.use(
    '/webhooks/meta',
    createMetaWebhookRouter({ secrets: adminArea.metaSecrets, post: webhookPost, logger }),
  );
  app.use(
    '/api',
    createAuthRouter({
      repos,
      clock,
      logger,
      publicOrigins: options.publicOrigins,
      onSignedOut: ({ sessionId }) => disconnectSession(io, sessionId),
      ...options.auth,
    }),
  );
  app.use(
    '/api',
    createCallActionsRouter({ repos, commands, clock, publicOrigins: options.publicOrigins }),
  );
  app.use('/api', createCallLogRouter({ repos, clock }));
  app.use('/api/admin', adminArea.adminRouter);
  app.use('/api/supervisor', adminArea.supervisorRouter);
  app.use(
    '/api/sim',
    createSimRouter({ sim: options.simulator, repos, clock, publicOrigins: options.publicOrigins }),
  );
  if (options.consoleDir) app.use(createConsoleStatic(options.consoleDir));
  app.use(errorHandler(logger));

  const sessionGuard = guardSocketSessions(io, {
    ...{ repos, clock, logger, publicOrigins: options.publicOrigins },
    periodMs: options.auth?.sessionSweepMs,
  });
  // after sign-in, so the user is known
  io.use(capSocketsPerUser(io, { max: limits.socketsPerUser, logger }));
  io.on('connection', (socket) =>
    limitCommands(socket, limits.commandRates, () => clock().getTime()),
  );
  handleConnections(io, {
    repos,
    commands,
    clock,
    logger,
    metrics,
    announcePresence: presence.announce,
  });

  // consoles a crashed server left counted: corrected before this node listens, then kept so
  const ghosts = createGhostSweep({
    io,
    presence: repos.presence,
    clock,
    logger,
    announce: presence.announce,
    clustered: options.socketAdapter !== undefined,
    ...(options.ghostSweep ? { periodMs: options.ghostSweep.periodMs } : {}),
  });

  let started = false;
  return {
    app,
    httpServer,
    io,
    repos,
    /** repositories bound to one transaction: all of `work` commits, or none (the demo seed) */
    unitOfWork: createUnitOfWork(options.database.db, options.secretBox, repos.shared),
    calls,
    processor,
    metrics,
    /**
     * this node's in-memory call timers (ring timeouts, longest-idle turns, no-pickup); tests
     * clear them to play a node that died with them
     */
    timers,
    /** the safety net for timers lost with their node: `runOnce()` sweeps now */
    timerSweep,
    /** outgoing event webhooks: the dispatcher delivering them from the database */
    outgoing: adminArea.dispatcher,
    /** sockets stop acting when their session ends; `runOnce()` re-checks and purges now */
    sessionGuard,
    /** listens, then picks up work left by an earlier process (stored events, ring timers) */
    async listen(port: number, host = '127.0.0.1'): Promise<string> {
      await ghosts.runOnce();
      await new Promise<void>((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          resolve();
        });
      });
      started = true;
      processor.kick();
      await adminArea.start();
      await calls.recoverTimers();
      timerSweep.start();
      ghosts.start();
      sessionGuard.start();
      const { port: bound } = httpServer.address() as AddressInfo;
      return `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
    },
    async close(): Promise<void> {
      await timerSweep.stop();
      await ghosts.stop();
      await sessionGuard.stop();
      await processor.stop();
      await adminArea.stop();
      timers.clear();
      boardCounters.stop();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (started && httpServer.listening)
        await new Promise<void>((resolve) => httpServer.close(() => resolve()));
    },
  };
}

export type RingsideApp = ReturnType<typeof createApp>;
