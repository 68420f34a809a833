import { loginBodySchema, setLocaleBodySchema, type MeReply } from '@ringside/contracts';
import express, { Router, type Request, type Response } from 'express';
import { randomBytes } from 'node:crypto';
import { dialableChannels } from '../calls/dial/dial-channels';
import { AppError } from '../http/app-error';
import { parseBody } from '../http/parse-body';
import type { Logger } from '../ops/logger';
import type { Repos } from '../repos';
import { createLoginRateLimiter, type LoginRateLimitOptions } from './login-rate-limit';
import { requestOrigin, requireSameOrigin } from './origin-check';
import {
  hashPassword,
  needsRehash,
  SCRYPT_COST,
  verifyPassword,
  type ScryptCost,
} from './passwords';
import { requireSession, sessionUserOf, type SessionUser } from './require-session';
import {
  clearSessionCookie,
  DEFAULT_SESSION_TTL_MS,
  isSecureOrigin,
  readSessionToken,
  setSessionCookie,
} from './session-cookie';

/** `GET /api/me` and the login reply: the contracts' me reply (workspace name, dialable channels). */
export type MeDto = MeReply;

export interface AuthRouterOptions {
  repos: Pick<Repos, 'users' | 'sessions' | 'workspaces' | 'channels'>;
  clock: () => Date;
  logger: Logger;
  /** `PUBLIC_ORIGIN`: where the console is served */
  publicOrigins: readonly string[];
  /** how long a sign-in lasts; default 12 h */
  sessionTtlMs?: number;
  /**
   * sign-in limits (clock comes from `clock`): default 5 failures per IP+account, 20 per IP
   * (IPv6 by /64), 15 min, counted in memory unless `store` is shared (Redis in a cluster)
   */
  loginLimits?: Omit<LoginRateLimitOptions, 'clock'>;
  /**
   * after a session ends by logout or is replaced by a new sign-in in the same browser, e.g. to
   * drop its sockets with `disconnectSession`
   */
  onSignedOut?: (ended: { userId: string; sessionId: string }) => void;
  /**
   * test-only: the scrypt cost sign-ins rehash weaker hashes to (and the decoy's); production
   * leaves it unset, which is {@link SCRYPT_COST}
   */
  testOnlyPasswordCost?: ScryptCost;
}

/** What the composition root passes on: session lifetime, throttle, and the sockets' sweep. */
export type AppAuthOptions = Pick<
  AuthRouterOptions,
  'sessionTtlMs' | 'loginLimits' | 'testOnlyPasswordCost'
> & {
  /** how often each node re-checks its sockets' sessions and purges expired ones; default 1 min */
  sessionSweepMs?: number;
};

const WRONG_CREDENTIALS = 'Email or password is incorrect';
const LOGIN_BODY_LIMIT = '16kb';

/**
 * Sign-in routes, mounted at `/api`: `POST /auth/login`, `POST /auth/logout`, `GET /me`, and
 * `PUT /me/locale` (the console language the user chose, one of the five it speaks).
 * Wrong email, wrong password and deactivated account all get the same 401; repeated failures
 * get 429 with `Retry-After`; state-changing routes must come from a public origin.
 *
 * @example
 * app.use('/api', createAuthRouter({ repos, clock: () => new Date(), logger,
 *   publicOrigins: env.PUBLIC_ORIGIN }));
 * app.use(errorHandler(logger));
 */
export function createAuthRouter(options: AuthRouterOptions): Router {
  const { repos, clock, logger, publicOrigins } = options;
  const ttlMs = options.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS;
  const limiter = createLoginRateLimiter({ ...options.loginLimits, clock });
  const cost = options.testOnlyPasswordCost ?? SCRYPT_COST;
  const sameOrigin = requireSameOrigin(publicOrigins);
  // unknown emails still pay for one hash, so timing does not tell which emails exist
  let decoyHash: Promise<string> | undefined;
  const decoy = () => (decoyHash ??= hashPassword(randomBytes(16).toString('hex'), cost));
  const cookieSettings = (req: Request) => ({
    secure: secureFor(req, publicOrigins),
    maxAgeMs: ttlMs,
  });

  const router = Router();

  router.post(
    '/auth/login',
    sameOrigin,
    express.json({ limit: LOGIN_BODY_LIMIT }),
    async (req, res) => {
      const { email, password } = parseBody(loginBodySchema, req.body);
      const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      const allowance = await limiter.begin(email, ip);
      if (!allowance.allowed) {
        logger.warn({ ip }, 'sign-in refused: too many failures');
        res.set('Retry-After', String(allowance.retryAfterSeconds));
        throw new AppError('rate_limited', 429, tooManyMessage(allowance.retryAfterSeconds));
      }
      const { attempt } = allowance;
      try {
        const user = await repos.users.findUserByEmail(email);
        const matches = await verifyPassword(password, user?.passwordHash ?? (await decoy()));
        if (!user || !matches || !user.active) {
          await attempt.finish('failure');
          // never the typed email: people paste passwords into it
          const reason = !user ? 'unknown email' : !matches ? 'wrong password' : 'deactivated';
          logger.warn({ ip, userId: user?.id, reason }, 'sign-in refused');
          throw new AppError('unauthorized', 401, WRONG_CREDENTIALS);
        }
        await attempt.finish('success');
        if (needsRehash(user.passwordHash, cost)) {
          // an older, cheaper hash: bring it to today's cost now that we know the password
          const upgraded = await hashPassword(password, cost);
          await repos.users.upgradePasswordHash(user.id, user.passwordHash, upgraded);
        }
        // a cookie from an earlier sign-in in this browser is replaced: end it and its sockets
        const previous = readSessionToken(req.headers.cookie);
        const replaced = previous ? await repos.sessions.deleteSession(previous) : undefined;
        if (replaced) options.onSignedOut?.(replaced);
        const token = await repos.sessions.createSession(user.id, ttlMs, clock());
        setSessionCookie(res, token, cookieSettings(req));
        logger.info({ userId: user.id, workspaceId: user.workspaceId }, 'signed in');
        res.json(
          await meOf(repos, {
            userId: user.id,
            workspaceId: user.workspaceId,
            role: user.role,
            name: user.name,
            email: user.email,
          }),
        );
      } finally {
        // a database error is neither a right nor a wrong password
        await attempt.finish('error');
      }
    },
  );

  router.post('/auth/logout', sameOrigin, async (req, res) => {
    const token = readSessionToken(req.headers.cookie);
    if (token) {
      const found = await repos.sessions.findSession(token, clock());
      await repos.sessions.deleteSession(token);
      if (found) {
        logger.info({ userId: found.user.id }, 'signed out');
        options.onSignedOut?.({ userId: found.user.id, sessionId: found.sessionId });
      }
    }
    clearSessionCookie(res, cookieSettings(req));
    res.status(204).end();
  });

  router.get('/me', requireSession({ repos, clock }), async (_req, res: Response) => {
    res.json(await meOf(repos, sessionUserOf(res)));
  });

  router.put(
    '/me/locale',
    sameOrigin,
    requireSession({ repos, clock }),
    express.json({ limit: LOGIN_BODY_LIMIT }),
    async (req, res: Response) => {
      const { locale } = parseBody(setLocaleBodySchema, req.body);
      const user = sessionUserOf(res);
      await repos.users.setLocale(user.workspaceId, user.userId, locale);
      res.json(await meOf(repos, user));
    },
  );

  return router;
}

async function meOf(
  repos: Pick<Repos, 'workspaces' | 'channels' | 'users'>,
  user: SessionUser,
): Promise<MeDto> {
  const workspace = await repos.workspaces.getWorkspace(user.workspaceId);
  const channels = await repos.channels.listChannels(user.workspaceId);
  const locale = await repos.users.getLocale(user.workspaceId, user.userId);
  return {
    id: user.userId,
    email: user.email,
    name: user.name,
    role: user.role,
    workspaceId: user.workspaceId,
    workspaceName: workspace?.name ?? '',
    // where they may call customers from: the enabled channels they answer
    channels: dialableChannels(channels, user.userId),
    locale,
  };
}

// the page's own origin (already checked); Secure only when the console is on https
function secureFor(req: Request, publicOrigins: readonly string[]): boolean {
  const origin = requestOrigin(req.headers);
  if (origin !== undefined && origin !== 'null') return isSecureOrigin(origin);
  return publicOrigins.length > 0 && publicOrigins.every(isSecureOrigin);
}

function tooManyMessage(retryAfterSeconds: number): string {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return retryAfterSeconds < 60
    ? 'Too many sign-in attempts. Try again in a moment.'
    : `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
}
