import type { Logger } from '../ops/logger';
import type { Repos } from '../repos';
import { agentRoom } from '../sockets/rooms';
import type { RingsideServer, RingsideSocket } from '../sockets/socket-types';
import { isAllowedOrigin } from './origin-check';
import { readSessionToken } from './session-cookie';

/** The sign-in a socket acts for. */
export interface BoundSession {
  readonly sessionId: string;
  readonly expiresAt: Date;
}

/** A Socket.IO middleware: `next()` lets the connection in, `next(error)` refuses it. */
export type SocketMiddleware = (socket: RingsideSocket, next: (error?: Error) => void) => void;

export interface SocketAuthOptions {
  repos: Pick<Repos, 'sessions'>;
  clock: () => Date;
  /** `PUBLIC_ORIGIN`: pages allowed to open a socket */
  publicOrigins: readonly string[];
  /** where refusals for a broken database are reported; refusals for bad input are not logged */
  logger?: Logger;
  /** ties the socket to its session, so it stops acting when the session ends (session-bound.ts) */
  bind?: (socket: RingsideSocket, session: BoundSession) => void;
}

/** the room every socket of one sign-in joins; the auth middleware does the joining */
export function sessionRoom(sessionId: string): `session:${string}` {
  return `session:${sessionId}`;
}

/**
 * Socket.IO auth: the handshake must come from a public origin (else `origin not allowed`) and
 * carry a live session cookie (else `unauthorized`). On success `socket.data` is the user.
 *
 * @example
 * io.use(createSocketAuth({ repos, clock: () => new Date(), publicOrigins: env.PUBLIC_ORIGIN }));
 * io.on('connection', (socket) => socket.join(agentRoom(socket.data.userId)));
 */
export function createSocketAuth(options: SocketAuthOptions): SocketMiddleware {
  return (socket, next) => {
    const { headers } = socket.handshake;
    // browsers always send Origin on websocket and cross-origin polling requests
    if (!isAllowedOrigin(headers.origin, options.publicOrigins)) {
      next(new Error('origin not allowed'));
      return;
    }
    const token = readSessionToken(headers.cookie);
    if (!token) {
      next(new Error('unauthorized'));
      return;
    }
    options.repos.sessions.findSession(token, options.clock()).then(
      (found) => {
        if (!found) {
          next(new Error('unauthorized'));
          return;
        }
        const { user } = found;
        socket.data = {
          userId: user.id,
          workspaceId: user.workspaceId,
          role: user.role,
          name: user.name,
        };
        // lets logout drop exactly this sign-in's sockets
        void socket.join(sessionRoom(found.sessionId));
        options.bind?.(socket, { sessionId: found.sessionId, expiresAt: found.expiresAt });
        next();
      },
      (error: unknown) => {
        options.logger?.error({ err: error }, 'socket sign-in check failed');
        next(new Error('server unavailable'));
      },
    );
  };
}

/**
 * Drops every socket of a user at once, on every node (e.g. after deactivating them).
 *
 * @example
 * await repos.users.deactivateUser(workspaceId, userId);
 * disconnectUser(io, userId);
 */
export function disconnectUser(io: RingsideServer, userId: string): void {
  io.in(agentRoom(userId)).disconnectSockets(true);
}

/**
 * Drops the sockets of one sign-in (after logout), leaving the user's other browsers connected.
 *
 * @example
 * createAuthRouter({ ...options, onSignedOut: ({ sessionId }) => disconnectSession(io, sessionId) });
 */
export function disconnectSession(io: RingsideServer, sessionId: string): void {
  io.in(sessionRoom(sessionId)).disconnectSockets(true);
}

/**
 * Drops every socket of a user but those of one sign-in, on every node (the user changed their
 * own password there: their other browsers are signed out, this one stays).
 *
 * @example
 * await repos.sessions.deleteUserSessions(userId, { sessionId });
 * disconnectUserExceptSession(io, userId, sessionId);
 */
export function disconnectUserExceptSession(
  io: RingsideServer,
  userId: string,
  sessionId: string,
): void {
  io.in(agentRoom(userId)).except(sessionRoom(sessionId)).disconnectSockets(true);
}
