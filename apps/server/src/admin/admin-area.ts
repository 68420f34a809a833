import { Router } from 'express';
import { createAuditRoutes } from '../audit/audit-routes';
import type { CallService } from '../calls/call-service';
import type { Db } from '../db/database';
import type { SecretBox } from '../db/secret-box';
import type { GraphClient } from '../graph/graph-client';
import { AppError } from '../http/app-error';
import type { Logger } from '../ops/logger';
import { createDispatcher, type DispatcherOptions } from '../outbox/dispatcher';
import type { Repos, StoredWebhookEvent } from '../repos';
import { createUnitOfWork } from '../repos/unit-of-work';
import type { RingsideServer } from '../sockets/socket-types';
import { createSupervisorRoutes } from '../supervisor/supervisor-routes';
import { adminGuards } from './admin-guards';
import { createChannelRoutes } from './channel-routes';
import { createFailedEventRoutes } from './failed-event-routes';
import { createMetaSecretsCache, type MetaSecrets } from './meta-secrets';
import { createMetaWebhookRoutes } from './meta-webhook-routes';
import { createUserRoutes } from './user-routes';
import { createWebhookRoutes } from './webhook-routes';
import { createWorkspaceRoutes } from './workspace-routes';

export interface AdminAreaDeps {
  db: Db;
  secretBox: SecretBox;
  repos: Repos;
  io: RingsideServer;
  calls: CallService;
  graph: GraphClient;
  clock: () => Date;
  logger: Logger;
  publicOrigins: readonly string[];
  /** Meta's webhook secrets from the configuration; an app secret an admin stores wins */
  meta: MetaSecrets;
  announcePresence: (workspaceId: string, userId: string) => Promise<void>;
  /** hands Meta webhook events an admin retried to the processor */
  retryWebhookEvents: (events: readonly StoredWebhookEvent[]) => void;
  /** outgoing webhook delivery tuning (tests make retries fast) */
  outgoing?: DispatcherOptions | undefined;
}

/**
 * Everything behind `/api/admin` and `/api/supervisor`, with the background work they bring:
 * the outgoing webhook dispatcher and the cache of Meta's webhook secrets. `start` after the
 * server listens; `stop` before the database closes.
 *
 * @example
 * const area = createAdminArea({ db, secretBox, repos, io, calls, graph, clock, logger, publicOrigins, meta, announcePresence });
 * app.use('/api/admin', area.adminRouter);
 * app.use('/api/supervisor', area.supervisorRouter);
 * createMetaWebhookRouter({ secrets: area.metaSecrets, … });
 * await area.start();
 */
export function createAdminArea(deps: AdminAreaDeps) {
  // shares the routing cache with the app's repositories: a channel edited here applies at once
  const unitOfWork = createUnitOfWork(deps.db, deps.secretBox, deps.repos.shared);
  const secrets = createMetaSecretsCache({
    repo: deps.repos.metaAppSettings,
    workspaces: deps.repos.workspaces,
    configured: deps.meta,
    logger: deps.logger,
  });
  const dispatcher = createDispatcher({
    repos: deps.repos,
    clock: deps.clock,
    logger: deps.logger,
    ...(deps.outgoing ? { options: deps.outgoing } : {}),
  });
  const shared = { ...deps, unitOfWork };

  const adminRouter = Router();
  adminRouter.use(createWorkspaceRoutes(shared));
  adminRouter.use(createUserRoutes(shared));
  adminRouter.use(createChannelRoutes(shared));
  adminRouter.use(createMetaWebhookRoutes({ ...shared, secrets }));
  adminRouter.use(createWebhookRoutes({ ...shared, dispatcher }));
  adminRouter.use(createAuditRoutes(shared));
  adminRouter.use(createFailedEventRoutes(shared));
  // an unknown admin path is a JSON 404, after the same sign-in and role checks
  adminRouter.use(...adminGuards(deps).read, (_req, _res, next) => {
    next(new AppError('not_found', 404, 'There is no such admin route.'));
  });

  return {
    adminRouter,
    supervisorRouter: createSupervisorRoutes(shared),
    /** what the Meta webhook endpoint verifies with, read on every request */
    metaSecrets: secrets.current,
    dispatcher,
    async start(): Promise<void> {
      await secrets.start();
      dispatcher.start();
    },
    async stop(): Promise<void> {
      await dispatcher.stop();
      await secrets.stop();
    },
  };
}

export type AdminArea = ReturnType<typeof createAdminArea>;
