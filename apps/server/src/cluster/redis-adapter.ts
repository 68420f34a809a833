import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Logger } from '../ops/logger';

/** what Socket.IO's `adapter` option takes */
export type SocketAdapter = ReturnType<typeof createAdapter>;

/**
 * Cluster mode: a Redis Streams adapter, so an emit on one server node reaches the sockets of
 * every node (an agent connected to node B hears a ring that node A processed). Calls, presence
 * and the outbox already live in the shared database.
 *
 * @example
 * const redis = await connectRedisAdapter(env.REDIS_URL, logger);
 * const app = createApp({ …, socketAdapter: redis.adapter });
 * // at shutdown, after app.close():
 * await redis.close();
 */
export async function connectRedisAdapter(
  url: string,
  logger: Logger,
): Promise<{ adapter: SocketAdapter; close: () => Promise<void> }> {
  const client = createClient({ url });
  // the url may carry a password: log where, never the url itself
  client.on('error', (error: unknown) => logger.error({ err: error }, 'redis connection error'));
  await client.connect();
  return {
    adapter: createAdapter(client),
    close: async () => {
      await client.close();
    },
  };
}
