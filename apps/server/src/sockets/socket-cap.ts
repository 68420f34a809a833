import type { SocketMiddleware } from '../auth/socket-auth';
import type { Logger } from '../ops/logger';
import { agentRoom } from './rooms';
import type { RingsideServer } from './socket-types';

/** what a refused console receives as its `connect_error`: a code to switch on, words to show */
export interface TooManyConsoles extends Error {
  data: { code: 'too_many_consoles'; message: string };
}

/**
 * A Socket.IO middleware, after sign-in: a user may have at most `max` consoles connected at
 * once, counted on every node (the adapter's `fetchSockets`; this node's alone while another
 * does not answer) plus those this node has let in that are not connected yet. One more is refused with `too many consoles` and a message the
 * console can show; the user's other consoles, and everyone else, are untouched.
 *
 * @example
 * io.use(createSocketAuth(options));
 * io.use(capSocketsPerUser(io, { max: 5, logger }));
 */
export function capSocketsPerUser(
  io: RingsideServer,
  options: { max: number; logger: Logger },
): SocketMiddleware {
  // admitted here, not yet in their user's room: parallel connects must not all see room for one
  const arriving = new Map<string, number>();
  const admitted = new WeakSet<object>();
  const settle = (socket: { data: { userId: string } }) => {
    if (!admitted.delete(socket)) return;
    const { userId } = socket.data;
    const left = (arriving.get(userId) ?? 1) - 1;
    if (left > 0) arriving.set(userId, left);
    else arriving.delete(userId);
  };
  // connected: from here it is in its user's room, where fetchSockets counts it
  io.on('connection', settle);

  // every node's consoles; when another node does not answer (it died, its consoles are moving
  // here), this node's own count stands in rather than refusing everyone meanwhile
  const openConsoles = async (userId: string): Promise<number> => {
    try {
      return (await io.in(agentRoom(userId)).fetchSockets()).length;
    } catch (error) {
      options.logger.warn({ err: error, userId }, 'consoles on other nodes not counted');
      return (await io.local.in(agentRoom(userId)).fetchSockets()).length;
    }
  };

  return (socket, next) => {
    const { userId } = socket.data;
    openConsoles(userId).then(
      (open) => {
        if (open + (arriving.get(userId) ?? 0) >= options.max) {
          options.logger.warn({ userId, max: options.max }, 'console refused: too many open');
          next(tooManyConsoles(options.max));
          return;
        }
        arriving.set(userId, (arriving.get(userId) ?? 0) + 1);
        admitted.add(socket);
        // gone before it could connect
        socket.conn.once('close', () => settle(socket));
        next();
      },
      (error: unknown) => {
        options.logger.error({ err: error, userId }, 'could not count a user’s consoles');
        next(new Error('server unavailable'));
      },
    );
  };
}

function tooManyConsoles(max: number): TooManyConsoles {
  const error = new Error('too many consoles') as TooManyConsoles;
  error.data = {
    code: 'too_many_consoles',
    message: `You already have ${max} Ringside consoles open. Close one, then reload this page.`,
  };
  return error;
}
