import { auditQuerySchema, type AuditPageReply } from '@ringside/contracts';
import { Router } from 'express';
import { adminGuards, type GuardDeps } from '../admin/admin-guards';
import { sessionUserOf } from '../auth/require-session';
import { parseBody } from '../http/parse-body';
import type { Repos } from '../repos';
import { toAuditEntryView } from './audit-views';

/**
 * `GET /api/admin/audit?limit=&cursor=`: the workspace's admin changes, newest first, for
 * supervisors and admins.
 *
 * @example
 * app.use('/api/admin', createAuditRoutes({ repos, clock, publicOrigins }));
 */
export function createAuditRoutes(deps: GuardDeps & { repos: Repos }): Router {
  const router = Router();
  const guard = adminGuards(deps);
  router.get('/audit', ...guard.read, async (req, res) => {
    const query = parseBody(auditQuerySchema, req.query);
    const page = await deps.repos.auditLog.listEntries(sessionUserOf(res).workspaceId, query);
    const reply: AuditPageReply = {
      items: page.items.map(toAuditEntryView),
      nextCursor: page.nextCursor,
    };
    res.json(reply);
  });
  return router;
}
