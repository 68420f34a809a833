import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { Router } from 'express';

// paths the server answers itself; everything else that asks for HTML is a console route
const SERVER_PATHS = /^\/(api|socket\.io|webhooks|metrics|healthz|readyz)(\/|$)/;

/**
 * Serves the built console: its files (never its source maps), and `index.html` for client-side
 * routes (`/history`, `/login`…) so a reload on any console URL works.
 */
export function createConsoleStatic(consoleDir: string): Router {
  const router = Router();
  const index = join(consoleDir, 'index.html');
  // source maps stay on the server: the build keeps them for debugging, nobody downloads them
  router.use((req, res, next) => {
    if (req.path.endsWith('.map')) res.status(404).end();
    else next();
  });
  router.use(express.static(consoleDir, { index: false, maxAge: '1h', immutable: false }));
  router.use((req, res, next) => {
    if (
      req.method !== 'GET' ||
      SERVER_PATHS.test(req.path) ||
      !req.accepts('html') ||
      !existsSync(index)
    ) {
      next();
      return;
    }
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}
