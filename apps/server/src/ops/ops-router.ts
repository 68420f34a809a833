import { createHash, timingSafeEqual } from 'node:crypto';
import { Router, type Request } from 'express';
import type { Database } from '../db/database';
import type { Metrics } from './metrics';

/**
 * `/healthz` (the process answers), `/readyz` (the database answers), `/metrics` (Prometheus;
 * with `metricsToken`, only for `Authorization: Bearer <token>`: its figures name workspaces'
 * traffic and Meta's errors, not for the internet)
 */
export function createOpsRouter(deps: {
  database: Database;
  metrics: Metrics;
  metricsToken?: string;
}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    try {
      await deps.database.ping();
      res.json({ status: 'ready', database: deps.database.kind });
    } catch {
      res.status(503).json({ status: 'unavailable', database: deps.database.kind });
    }
  });
  router.get('/metrics', async (req, res) => {
    if (deps.metricsToken !== undefined && !bearerMatches(req, deps.metricsToken)) {
      res.setHeader('www-authenticate', 'Bearer realm="metrics"');
      res
        .status(401)
        .json({ error: 'A metrics token is required: Authorization: Bearer <token>.' });
      return;
    }
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}

/** constant-time comparison of the request's bearer token with the expected one */
function bearerMatches(req: Request, token: string): boolean {
  const given = /^Bearer (.+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
  const digest = (v: string) => createHash('sha256').update(v).digest();
  return timingSafeEqual(digest(given), digest(token));
}
