import { workspaceCreateBodySchema } from '@ringside/contracts';
import express, { Router } from 'express';
import { sessionUserOf } from '../auth/require-session';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { Repos } from '../repos';
import type { UnitOfWork } from '../repos/unit-of-work';
import { toWorkspaceView } from '../repos/views';
import { actorOf, adminGuards, paramOf, type GuardDeps } from './admin-guards';

/**
 * `/api/admin/workspaces`: the signed-in user's own workspace, to read (supervisors and admins)
 * and rename (admins). Other workspaces do not exist as far as these routes are concerned;
 * new workspaces are made with the admin CLI.
 */
export function createWorkspaceRoutes(
  deps: GuardDeps & { repos: Repos; unitOfWork: UnitOfWork },
): Router {
  const router = Router();
  const guard = adminGuards(deps);

  async function own(workspaceId: string, id: string) {
    const workspace = id === workspaceId ? await deps.repos.workspaces.getWorkspace(id) : undefined;
    if (!workspace) throw new AppError('not_found', 404, 'No workspace with that id.');
    return workspace;
  }

  router.get('/workspaces', ...guard.read, async (_req, res) => {
    const { workspaceId } = sessionUserOf(res);
    res.json({ items: [toWorkspaceView(await own(workspaceId, workspaceId))] });
  });

  router.get('/workspaces/:id', ...guard.read, async (req, res) => {
    res.json(toWorkspaceView(await own(sessionUserOf(res).workspaceId, paramOf(req.params, 'id'))));
  });

  router.patch(
    '/workspaces/:id',
    ...guard.change,
    express.json({ limit: '4kb' }),
    async (req, res) => {
      const me = sessionUserOf(res);
      const { name } = parseBody(workspaceCreateBodySchema, req.body);
      const current = await own(me.workspaceId, paramOf(req.params, 'id'));
      const renamed = await deps.unitOfWork(async (repos) => {
        const row = await repos.workspaceSettings.renameWorkspace(current.id, name);
        if (!row) throw new AppError('not_found', 404, 'No workspace with that id.');
        await repos.auditLog.record({
          workspaceId: me.workspaceId,
          actor: actorOf(res),
          action: 'workspace.rename',
          target: { type: 'workspace', id: row.id, label: current.name },
          changes: { name },
        });
        return row;
      });
      res.json(toWorkspaceView(renamed));
    },
  );

  return router;
}
