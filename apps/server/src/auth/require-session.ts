import type { Role } from '@ringside/contracts';
import type { RequestHandler, Response } from 'express';
import { AppError } from '../http/app-error';
import type { Repos } from '../repos';
import { readSessionToken } from './session-cookie';

/** Who is signed in, as routes see them on `res.locals.user`. */
export interface SessionUser {
  readonly userId: string;
  readonly workspaceId: string;
  readonly role: Role;
  readonly name: string;
  readonly email: string;
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- express types res.locals through this global
  namespace Express {
    interface Locals {
      /** set by {@link requireSession} */
      user?: SessionUser;
      /** the stored session id (a hash, never the token), set by {@link requireSession} */
      sessionId?: string;
    }
  }
}

export interface RequireSessionOptions {
  repos: Pick<Repos, 'sessions'>;
  clock: () => Date;
}

/**
 * Lets a request through only with a live session cookie; puts the user on `res.locals.user`.
 * No cookie, an unknown or expired one, or a deactivated user: 401 `unauthorized`.
 *
 * @example
 * router.get('/calls', requireSession({ repos, clock }), (req, res) => {
 *   const { workspaceId } = sessionUserOf(res);
 * });
 */
export function requireSession(options: RequireSessionOptions): RequestHandler {
  return async (req, res, next) => {
    const token = readSessionToken(req.headers.cookie);
    const found = token
      ? await options.repos.sessions.findSession(token, options.clock())
      : undefined;
    if (!found) {
      next(new AppError('unauthorized', 401, 'Please sign in.'));
      return;
    }
    const { user } = found;
    res.locals.user = {
      userId: user.id,
      workspaceId: user.workspaceId,
      role: user.role,
      name: user.name,
      email: user.email,
    };
    res.locals.sessionId = found.sessionId;
    next();
  };
}

/**
 * Lets a signed-in user through only with one of `roles`; others get 403 `forbidden`. Mount
 * after {@link requireSession}.
 *
 * @example
 * router.use('/admin', requireSession({ repos, clock }), requireRole('admin'));
 */
export function requireRole(...roles: readonly Role[]): RequestHandler {
  return (_req, res, next) => {
    const user = res.locals.user;
    if (!user) {
      next(new AppError('unauthorized', 401, 'Please sign in.'));
      return;
    }
    if (!roles.includes(user.role)) {
      next(new AppError('forbidden', 403, 'Your role does not allow this.'));
      return;
    }
    next();
  };
}

/**
 * The signed-in user of a request that passed {@link requireSession}.
 *
 * @example
 * const { userId, workspaceId } = sessionUserOf(res);
 */
export function sessionUserOf(res: Response): SessionUser {
  const user = res.locals.user;
  // a route mounted without requireSession is a bug; refuse rather than serve anyone
  if (!user) throw new AppError('unauthorized', 401, 'Please sign in.');
  return user;
}
