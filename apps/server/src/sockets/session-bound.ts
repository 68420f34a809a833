import { createSocketAuth, type BoundSession, type SocketAuthOptions } from '../auth/socket-auth';
import type { Logger } from '../ops/logger';
import { periodic } from '../ops/periodic';
import type { SessionsRepo } from '../repos/sessions';
import type { RingsideServer, RingsideSocket } from './socket-types';

/** How often each node checks its sockets' sessions and purges expired ones: every minute. */
export const SESSION_SWEEP_PERIOD_MS = 60_000;
// setTimeout's ceiling (about 24.8 days); a longer session is re-armed by the sweep
const MAX_TIMER_MS = 2 ** 31 - 1;

export interface SessionGuardDeps {
  io: RingsideServer;
  sessions: Pick<SessionsRepo, 'liveSessionIds' | 'deleteExpiredSessions'>;
  clock: () => Date;
  logger: Logger;
  /** how often the sweep runs; default {@link SESSION_SWEEP_PERIOD_MS} */
  periodMs?: number | undefined;
}

/** What one sweep did: sockets dropped for a session gone, expired sessions deleted. */
export interface SessionSweepResult {
  readonly disconnected: number;
  readonly purged: number;
}

/**
 * A socket acts only while its session lives. Logout, a replaced sign-in, a password change,
 * deactivation and a role change drop sockets at once (through rooms, on every node); this
 * covers what needs no event: at expiry a timer drops the socket, a command sent after expiry is
 * refused and drops it, and a sweep on every node drops sockets whose session is gone from the
 * database for any reason (and deletes expired sessions).
 *
 * @example
 * const guard = createSessionGuard({ io, sessions: repos.sessions, clock, logger });
 * io.use(createSocketAuth({ repos, clock, publicOrigins, bind: guard.bind }));
 * guard.start(); // … await guard.stop();
 * // or both at once: const guard = guardSocketSessions(io, { repos, clock, logger, publicOrigins });
 */
export function createSessionGuard(deps: SessionGuardDeps) {
  const periodMs = deps.periodMs ?? SESSION_SWEEP_PERIOD_MS;
  const bound = new WeakMap<RingsideSocket, BoundSession>();

  const expired = (session: BoundSession) => deps.clock().getTime() >= session.expiresAt.getTime();

  function end(socket: RingsideSocket, reason: string): void {
    if (!socket.connected) return;
    deps.logger.info({ userId: socket.data.userId, reason }, 'socket dropped: its session ended');
    socket.disconnect(true);
  }

  /** ties a just-authenticated socket to its session (the socket auth calls it) */
  function bind(socket: RingsideSocket, session: BoundSession): void {
    bound.set(socket, session);
    socket.use((_packet, next) => {
      if (!expired(session)) {
        next();
        return;
      }
      // the command is not run; the console learns by the disconnect and signs in again
      next(new Error('session expired'));
      end(socket, 'expired');
    });
    let expiry: NodeJS.Timeout | undefined;
    const armExpiry = () => {
      const left = session.expiresAt.getTime() - deps.clock().getTime();
      expiry = setTimeout(onExpiry, Math.max(0, Math.min(left, MAX_TIMER_MS)));
      expiry.unref();
    };
    // a timer may fire a millisecond before the clock reads its deadline: until the clock says
    // the session has expired, wait out what is left instead of giving up on the socket
    const onExpiry = () => {
      if (expired(session)) end(socket, 'expired');
      else armExpiry();
    };
    armExpiry();
    socket.once('disconnect', () => clearTimeout(expiry));
  }

  async function runOnce(): Promise<SessionSweepResult> {
    const now = deps.clock();
    const local = [...deps.io.of('/').sockets.values()].flatMap((socket) => {
      const session = bound.get(socket);
      return session ? [{ socket, session }] : [];
    });
    const live = await deps.sessions.liveSessionIds(
      [...new Set(local.map(({ session }) => session.sessionId))],
      now,
    );
    let disconnected = 0;
    for (const { socket, session } of local) {
      if (live.has(session.sessionId) && !expired(session)) continue;
      end(socket, 'gone');
      disconnected += 1;
    }
    const purged = await deps.sessions.deleteExpiredSessions(now);
    if (purged > 0) deps.logger.info({ purged }, 'expired sessions deleted');
    return { disconnected, purged };
  }

  const sweep = periodic(periodMs, runOnce, (error) =>
    deps.logger.error({ err: error }, 'session sweep failed'),
  );

  return {
    bind,
    /** checks this node's sockets against the database and purges expired sessions, now */
    runOnce,
    start: sweep.start,
    stop: sweep.stop,
  };
}

export type SessionGuard = ReturnType<typeof createSessionGuard>;

/**
 * The composition root's one call: socket auth on `io`, each socket bound to its session.
 *
 * @example
 * const guard = guardSocketSessions(io, { repos, clock, logger, publicOrigins });
 * guard.start();
 */
export function guardSocketSessions(
  io: RingsideServer,
  deps: Omit<SocketAuthOptions, 'bind' | 'logger'> & {
    repos: Pick<SocketAuthOptions['repos'], 'sessions'> & {
      sessions: SessionGuardDeps['sessions'];
    };
    logger: Logger;
    periodMs?: number | undefined;
  },
): SessionGuard {
  const guard = createSessionGuard({ ...deps, io, sessions: deps.repos.sessions });
  io.use(createSocketAuth({ ...deps, bind: guard.bind }));
  return guard;
}
