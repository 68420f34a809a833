import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Express } from 'express';
import { Server } from 'socket.io';
import type { AppOptions } from './app-options';

export type { AppOptions } from './app-options';
import { createAuthRouter } from './auth/auth-router';
import { composeAdmin } from './compose-admin';
import { disconnectSession } from './auth/socket-auth';
import { createAnchorRecorder } from './anchor/anchor-recording';
import { createListenIn } from './anchor/listen-in';
import { createTransfers } from './anchor/transfers';
import { createAgentCommands } from './calls/agent-commands';
import { createCallService } from './calls/call-service';
import { createCallTimers } from './calls/deadlines/call-timers';
import { createCallPermission } from './calls/dial/call-permission';
import { createDialService } from './calls/dial/dial-service';
import { createPermissionRequests } from './calls/dial/permission-requests';
import { createPresenceWriter } from './presence/presence-writer';
import { createWrapUpClock } from './presence/wrap-up-clock';
import { noRacePoints } from './calls/race-points';
import { createTimerSweep } from './calls/deadlines/timer-sweep';
import { abuseLimits } from './abuse-limits';
import { createGraphClient } from './graph/graph-client';
import { errorHandler } from './http/app-error';
import { securityHeaders } from './http/security-headers';
import { NO_PICKUP_TIMEOUT_MS } from '@ringside/calls';
import { createCallActionsRouter } from './api/call-actions-routes';
import { createCallLogRouter } from './api/call-log-routes';
import { createCallMediaRouter } from './media/call-media-routes';
import { createMemoryMediaStore } from './media/media-store';
import { createMediaWorker } from './media/media-worker';
import { createCallbackRouter } from './api/callback-routes';
import { createReportRoutes } from './reports/report-routes';
import { createSimRouter } from './simulator/sim-routes';
import { createMetrics } from './ops/metrics';
import { createConsoleStatic } from './ops/console-static';
import { createOpsRouter } from './ops/ops-router';
import { createIceRouter } from './rtc/ice-router';
import { NO_ICE_SERVERS } from './rtc/ice-settings';
import { createRepoShared, createRepos } from './repos';
import { createUnitOfWork } from './repos/unit-of-work';
import { createBoardCountersPublisher } from './sockets/board-counters';
import { wireConsoleSockets } from './sockets/console-sockets';
import { createNotifier } from './sockets/notifier';
import type { RingsideServer } from './sockets/socket-types';
import { createMetaWebhookRouter } from './webhooks/meta-webhook-router';
import { createWebhookIntake } from './webhooks/webhook-intake';
import { isWebhookPost } from './webhooks/webhook-post';

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
    if (isWebhookPost(req)) intake.post(req, res);
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
  // ends timed after-call work: armed by the writer, swept for what a lost node left running
  const wrapUps = createWrapUpClock({
    expired: (now) => repos.presence.expiredWrapUps(now),
    end: (workspaceId, userId) => presence.wrapUpExpired(workspaceId, userId),
    clock,
    logger,
  });
  const presence = createPresenceWriter({
    repos,
    notifier,
    clock,
    wrapUpStarted: (workspaceId, userId, until) => wrapUps.arm(workspaceId, userId, until),
    becameAvailable: (workspaceId, userId) => calls.ringWaitingCalls(workspaceId, userId),
  });
  // recordings and transcripts: Meta's fetched, the media engine's kept, both swept (main.ts
  // stores them in DATA_DIR)
  const mediaStore = options.mediaStore ?? createMemoryMediaStore();
  const calls = createCallService({
    repos,
    graph,
    notifier,
    timers,
    clock,
    logger,
    metrics,
    presence,
    boardCounters,
    ...(options.noPickupMs === undefined ? {} : { noPickupMs: options.noPickupMs }),
    points: options.racePoints ?? noRacePoints,
    graphWorker: options.graphWorker,
    anchor: options.anchor,
    ...(options.anchorRejoinGraceMs === undefined
      ? {}
      : { rejoinGraceMs: options.anchorRejoinGraceMs }),
    ...(options.anchorHoldMusic === undefined ? {} : { holdMusic: options.anchorHoldMusic }),
    ...(options.anchorPlaceReminderMs === undefined
      ? {}
      : { placeReminderMs: options.anchorPlaceReminderMs }),
    recorder: createAnchorRecorder({ repos, store: mediaStore, clock, logger }),
  });
  const mediaWorker = createMediaWorker(
    {
      repos,
      graph,
      store: mediaStore,
      clock,
      logger,
      graphBaseUrl: options.graphApi?.baseUrl ?? 'https://graph.facebook.com',
    },
    options.mediaWorker,
  );
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
      templates: repos.permissionTemplates,
    }),
    clock,
    logger,
    presence,
    // meta's webhooks for the call may have come first: they wait in the processor until now
    callStored: (metaCallId) => intake.processor.retry(metaCallId),
  });
  const commands = createAgentCommands({
    repos,
    calls,
    dialer,
    notifier,
    clock,
    presence,
  });
  // one unit of work for the app, sharing the routing cache with its repositories
  const unitOfWork = createUnitOfWork(options.database.db, options.secretBox, repos.shared);
  const adminArea = composeAdmin({
    repos,
    unitOfWork,
    io,
    calls,
    graph,
    clock,
    logger,
    publicOrigins: options.publicOrigins,
    turnUrls: (options.ice ?? NO_ICE_SERVERS).turnUrls,
    meta: options.meta,
    presence,
    outgoing: options.outgoingWebhooks,
    retryWebhookEvents: (events) => intake.processor.enqueue(events),
  });
  const intake = createWebhookIntake({
    repos,
    calls,
    secrets: adminArea.metaSecrets,
    metrics,
    logger,
    clock,
    maxInFlight: limits.webhooksInFlight,
    retries: options.webhookRetries,
    concurrency: options.webhookConcurrency,
  });
  const { processor } = intake;

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
    createMetaWebhookRouter({ secrets: adminArea.metaSecrets, post: intake.post, logger }),
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
    createCallActionsRouter({
      repos,
      commands,
      clock,
      publicOrigins: options.publicOrigins,
      presence,
    }),
  );
  app.use('/api', createCallLogRouter({ repos, clock }));
  app.use('/api', createCallMediaRouter({ repos, store: mediaStore, clock }));
  app.use(
    '/api',
    createCallbackRouter({ repos, clock, publicOrigins: options.publicOrigins, boardCounters }),
  );
  app.use('/api', createIceRouter({ ice: options.ice ?? NO_ICE_SERVERS, repos, clock }));
  app.use('/api/admin', adminArea.adminRouter);
  app.use('/api/supervisor', adminArea.supervisorRouter);
  app.use('/api/supervisor', createReportRoutes({ repos, clock }));
  app.use(
    '/api/sim',
    createSimRouter({ sim: options.simulator, repos, clock, publicOrigins: options.publicOrigins }),
  );
  if (options.consoleDir) app.use(createConsoleStatic(options.consoleDir));
  app.use(errorHandler(logger));

  const { sessionGuard, ghosts } = wireConsoleSockets(io, {
    repos,
    commands,
    listenIn: createListenIn({ repos, pool: options.anchor, notices: notifier }),
    transfers: createTransfers({
      repos,
      calls,
      notices: notifier,
      logger,
      clock,
      ...(options.transferRingMs === undefined ? {} : { ringMs: options.transferRingMs }),
    }),
    clock,
    logger,
    metrics,
    presence,
    publicOrigins: options.publicOrigins,
    limits,
    clustered: options.socketAdapter !== undefined,
    sessionSweepMs: options.auth?.sessionSweepMs,
    ghostSweepMs: options.ghostSweep?.periodMs,
  });

  let started = false;
  return {
    app,
    httpServer,
    io,
    repos,
    /** repositories bound to one transaction: all of `work` commits, or none (the demo seed) */
    unitOfWork,
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
    /** fetches Meta's recordings and transcripts, deletes them after retention: `runOnce()` now */
    mediaWorker,
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
      wrapUps.start();
      calls.graphWorker.start();
      mediaWorker.start();
      ghosts.start();
      sessionGuard.start();
      const { port: bound } = httpServer.address() as AddressInfo;
      return `http://${host.includes(':') ? `[${host}]` : host}:${bound}`;
    },
    async close(): Promise<void> {
      await timerSweep.stop();
      wrapUps.stop();
      await calls.graphWorker.stop();
      await mediaWorker.stop();
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
