import { Router } from 'express';
import type { Database } from '../db/database';
import type { Metrics } from './metrics';

/** `/healthz` (the process answers), `/readyz` (the database answers), `/metrics` (Prometheus) */
export function createOpsRouter(deps: { database: Database; metrics: Metrics }): Router {
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
  router.get('/metrics', async (_req, res) => {
    res.type(deps.metrics.registry.contentType).send(await deps.metrics.registry.metrics());
  });
  return router;
}
