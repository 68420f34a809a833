import { Router } from 'express';
import type { MetaSecretsCache } from '../admin/meta-secrets';
import { adminGuards, type GuardDeps } from '../admin/admin-guards';
import { sessionUserOf } from '../auth/require-session';
import type { GraphClient } from '../graph/graph-client';
import type { Repos } from '../repos';
import { runDoctor } from './run-doctor';

/** what `GET /api/admin/doctor` reads with */
export interface DoctorRouteDeps extends GuardDeps {
  repos: Repos;
  graph: GraphClient;
  /** the app secret and verify token in force (an admin's stored secret may win) */
  secrets: Pick<MetaSecretsCache, 'current' | 'inForce'>;
  /** `TURN_URLS` */
  turnUrls: readonly string[];
  /** test-only: how the webhook URL is fetched */
  fetch?: typeof fetch;
}

/**
 * `GET /api/admin/doctor` (admins): the same checks as `pnpm ringside doctor`, for the admin's
 * own workspace's channels and the installation, as a `DoctorReport`. Read-only; never returns
 * a token or secret.
 *
 * @example
 * adminRouter.use(createDoctorRoutes({ repos, graph, clock, publicOrigins, secrets, turnUrls }));
 */
export function createDoctorRoutes(deps: DoctorRouteDeps): Router {
  const router = Router();
  const guard = adminGuards(deps);

  router.get('/doctor', ...guard.change, async (_req, res) => {
    const { workspaceId } = sessionUserOf(res);
    const report = await runDoctor({
      channels: {
        list: () => deps.repos.channels.listChannels(workspaceId),
        credentials: (id) => deps.repos.channels.getChannelCredentials(id),
      },
      graph: deps.graph,
      clock: deps.clock,
      publicOrigins: deps.publicOrigins,
      turnUrls: deps.turnUrls,
      meta: () => ({
        // with no secret in force the cache hands out an unguessable one: say "none" instead
        appSecret: deps.secrets.inForce().source === 'none' ? '' : deps.secrets.current().appSecret,
        verifyToken: deps.secrets.current().verifyToken,
      }),
      ...(deps.fetch ? { fetch: deps.fetch } : {}),
    });
    res.json(report);
  });

  return router;
}
