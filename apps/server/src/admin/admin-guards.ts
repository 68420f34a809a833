import type { RequestHandler, Response } from 'express';
import { requireSameOrigin } from '../auth/origin-check';
import { requireRole, requireSession, sessionUserOf } from '../auth/require-session';
import type { Repos } from '../repos';
import type { AuditActor } from '../repos/audit-log';

export interface GuardDeps {
  repos: Pick<Repos, 'sessions'>;
  clock: () => Date;
  /** `PUBLIC_ORIGIN`: where state-changing requests must come from */
  publicOrigins: readonly string[];
}

/**
 * The two kinds of admin route: reads, open to supervisors and admins, and changes, for admins
 * only and only from the console's own pages. Agents get 403 on both.
 *
 * @example
 * const guard = adminGuards({ repos, clock, publicOrigins });
 * router.get('/users', ...guard.read, list);
 * router.patch('/users/:id', ...guard.change, express.json(), update);
 */
export function adminGuards(deps: GuardDeps): {
  read: RequestHandler[];
  change: RequestHandler[];
} {
  const session = requireSession({ repos: deps.repos, clock: deps.clock });
  return {
    read: [session, requireRole('supervisor', 'admin')],
    change: [requireSameOrigin(deps.publicOrigins), session, requireRole('admin')],
  };
}

/**
 * The signed-in user as the audit log records them.
 *
 * @example
 * await repos.auditLog.record({ workspaceId, actor: actorOf(res), action: 'user.create', target });
 */
export function actorOf(res: Response): AuditActor {
  const user = sessionUserOf(res);
  return { userId: user.userId, name: user.name, email: user.email };
}

/**
 * The `:id` path parameter (Express 5 types it loosely).
 *
 * @example
 * const id = paramOf(req.params, 'id');
 */
export function paramOf(
  params: Record<string, string | string[] | undefined>,
  name: string,
): string {
  const value = params[name];
  return typeof value === 'string' ? value : '';
}
