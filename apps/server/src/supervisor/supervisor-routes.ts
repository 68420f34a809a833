import { Router } from 'express';
import { requireSameOrigin } from '../auth/origin-check';
import { requireRole, requireSession, sessionUserOf } from '../auth/require-session';
import type { CallService } from '../calls/call-service';
import { toCallView } from '../calls/call-views';
import { paramOf } from '../admin/admin-guards';
import type { PresenceWriter } from '../presence/presence-writer';
import type { Repos } from '../repos';
import type { UnitOfWork } from '../repos/unit-of-work';
import { buildBoardSnapshot } from '../sockets/board-snapshot';
import { endCallAsSupervisor } from './end-call';
import { setAgentAway } from './set-away';

/**
 * `/api/supervisor`, for supervisors and admins only: `GET /board` (the same payload as the
 * `board:snapshot` socket event), `POST /calls/:id/end` (terminate at Meta) and
 * `POST /agents/:id/away`. Actions must come from the console's own pages.
 *
 * @example
 * app.use('/api/supervisor', createSupervisorRoutes({ repos, calls, unitOfWork, clock, publicOrigins, presence }));
 */
export function createSupervisorRoutes(deps: {
  repos: Repos;
  calls: CallService;
  unitOfWork: UnitOfWork;
  clock: () => Date;
  publicOrigins: readonly string[];
  /** the one writer of agents' status (a supervisor sets an agent Away) */
  presence: Pick<PresenceWriter, 'change'>;
}): Router {
  const router = Router();
  const session = requireSession({ repos: deps.repos, clock: deps.clock });
  const supervisors = requireRole('supervisor', 'admin');
  const act = [requireSameOrigin(deps.publicOrigins), session, supervisors];

  router.get('/board', session, supervisors, async (_req, res) => {
    res.json(await buildBoardSnapshot(deps.repos, sessionUserOf(res).workspaceId, deps.clock()));
  });

  router.post('/calls/:id/end', ...act, async (req, res) => {
    const me = sessionUserOf(res);
    const row = await endCallAsSupervisor(deps, me, paramOf(req.params, 'id'));
    const agent = row.agentId
      ? await deps.repos.users.getUser(me.workspaceId, row.agentId)
      : undefined;
    res.json(toCallView(row, agent?.name));
  });

  router.post('/agents/:id/away', ...act, async (req, res) => {
    res.json(await setAgentAway(deps, sessionUserOf(res), paramOf(req.params, 'id')));
  });

  return router;
}
