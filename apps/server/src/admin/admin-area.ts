import { Router } from 'express';
import { createAuditRoutes } from '../audit/audit-routes';
import type { CallService } from '../calls/call-service';
import type { GraphClient } from '../graph/graph-client';
import { AppError } from '../http/app-error';
import type { Logger } from '../ops/logger';
import type { Dispatcher } from '../outbox/dispatcher';
import type { Repos, StoredWebhookEvent } from '../repos';
import type { UnitOfWork } from '../repos/unit-of-work';
import type { RingsideServer } from '../sockets/socket-types';
import { createDoctorRoutes } from '../doctor/doctor-routes';
import { createSupervisorRoutes } from '../supervisor/supervisor-routes';
import { adminGuards } from './admin-guards';
import { createCallLinkRoutes } from './call-link-routes';
import { createCallSettingsRoutes } from './call-settings-routes';
import { createChannelRoutes } from './channel-routes';
import { createFailedEventRoutes } from './failed-event-routes';
import type { MetaSecretsCache } from './meta-secrets';
import { createMetaWebhookRoutes } from './meta-webhook-routes';
import { createPermissionTemplateRoutes } from './permission-template-routes';
import { createUserRoutes } from './user-routes';
import { createWebhookRoutes } from './webhook-routes';
import { createWorkspaceRoutes } from './workspace-routes';
import type { PresenceWriter } from '../presence/presence-writer';

/** What the admin and supervisor routes work with; the composition root builds each part. */
export interface AdminAreaDeps {
  repos: Repos;
  /** the app's unit of work (sharing its routing cache: a channel edited here applies at once) */
  unitOfWork: UnitOfWork;
  /** Meta's webhook secrets in force, which the Meta webhook page reads and refreshes */
  secrets: MetaSecretsCache;
  /** the outgoing webhook dispatcher ("send a test event" delivers through it at once) */
  dispatcher: Dispatcher;
  io: RingsideServer;
  calls: CallService;
  graph: GraphClient;
  clock: () => Date;
  logger: Logger;
  publicOrigins: readonly string[];
  /** `TURN_URLS`, which the set-up checks (doctor) look at */
  turnUrls: readonly string[];
  /** the one writer of agents' status (a supervisor sets an agent Away) */
  presence: Pick<PresenceWriter, 'change'>;
  /** hands Meta webhook events an admin retried to the processor */
  retryWebhookEvents: (events: readonly StoredWebhookEvent[]) => void;
}

/**
 * The routers behind `/api/admin` and `/api/supervisor`, built from parts it is given: it
 * constructs no repository, cache or background worker (`compose-admin.ts` does, beside
 * `create-app.ts`).
 *
 * @example
 * const area = createAdminArea({ repos, unitOfWork, secrets, dispatcher, io, calls, graph, clock, logger, publicOrigins, turnUrls, presence, retryWebhookEvents });
 * app.use('/api/admin', area.adminRouter);
 * app.use('/api/supervisor', area.supervisorRouter);
 */
export function createAdminArea(deps: AdminAreaDeps) {
  const adminRouter = Router();
  adminRouter.use(createWorkspaceRoutes(deps));
  adminRouter.use(createUserRoutes(deps));
  adminRouter.use(createChannelRoutes(deps));
  adminRouter.use(createCallSettingsRoutes(deps));
  adminRouter.use(createCallLinkRoutes(deps));
  adminRouter.use(createPermissionTemplateRoutes(deps));
  adminRouter.use(createMetaWebhookRoutes(deps));
  adminRouter.use(createWebhookRoutes(deps));
  adminRouter.use(createAuditRoutes(deps));
  adminRouter.use(createFailedEventRoutes(deps));
  adminRouter.use(createDoctorRoutes(deps));
  // an unknown admin path is a JSON 404, after the same sign-in and role checks
  adminRouter.use(...adminGuards(deps).read, (_req, _res, next) => {
    next(new AppError('not_found', 404, 'There is no such admin route.'));
  });

  return { adminRouter, supervisorRouter: createSupervisorRoutes(deps) };
}

export type AdminArea = ReturnType<typeof createAdminArea>;
