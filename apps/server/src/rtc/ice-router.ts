import { Router, type Response } from 'express';
import { requireSession, sessionUserOf, type RequireSessionOptions } from '../auth/require-session';
import { iceConfigFor, type IceSettings } from './ice-settings';

export interface IceRouterOptions {
  ice: IceSettings;
  repos: RequireSessionOptions['repos'];
  clock: () => Date;
}

/**
 * `GET /api/rtc/ice` (mounted at `/api`): the signed-in user's STUN and TURN servers, with
 * TURN credentials made for them now. Never cached: the credentials are the user's own.
 *
 * @example
 * app.use('/api', createIceRouter({ ice: settings, repos, clock }));
 */
export function createIceRouter(options: IceRouterOptions): Router {
  const router = Router();
  router.get(
    '/rtc/ice',
    requireSession({ repos: options.repos, clock: options.clock }),
    (_req, res: Response) => {
      res.set('Cache-Control', 'no-store');
      res.json(iceConfigFor(options.ice, sessionUserOf(res).userId, options.clock()));
    },
  );
  return router;
}
