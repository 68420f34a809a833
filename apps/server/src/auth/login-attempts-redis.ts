import { createClient } from 'redis';
import type { Logger } from '../ops/logger';
import type { LoginAttemptStore } from './login-attempt-store';

const PREFIX = 'ringside:login:';

// checks every key, then counts under every key, in one step: two nodes cannot both slip in
const ADD_SCRIPT = `
local now = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local id = ARGV[3]
local wait = 0
for i, key in ipairs(KEYS) do
  redis.call('ZREMRANGEBYSCORE', key, '-inf', now - window)
  local limit = tonumber(ARGV[3 + i])
  local count = redis.call('ZCARD', key)
  if count >= limit then
    local leaving = redis.call('ZRANGE', key, count - limit, count - limit, 'WITHSCORES')
    local w = tonumber(leaving[2]) + window - now
    if w < 1 then w = 1 end
    if w > wait then wait = w end
  end
end
if wait > 0 then return wait end
for _, key in ipairs(KEYS) do
  redis.call('ZADD', key, now, id)
  redis.call('PEXPIRE', key, window)
end
return 0
`;

/**
 * Cluster mode: sign-in attempts counted in Redis (a sorted set of attempt times per key, gone
 * after the window), so a guesser gains nothing by spreading tries over the nodes.
 *
 * @example
 * const attempts = await connectRedisAttemptStore(env.REDIS_URL, logger);
 * const app = createApp({ …, loginAttempts: attempts.store });
 * // at shutdown: await attempts.close();
 */
export async function connectRedisAttemptStore(
  url: string,
  logger: Logger,
): Promise<{ store: LoginAttemptStore; close: () => Promise<void> }> {
  const client = createClient({ url });
  // the url may carry a password: log that it failed, never the url
  client.on('error', (error: unknown) => logger.error({ err: error }, 'redis connection error'));
  await client.connect();
  const store: LoginAttemptStore = {
    async add(limits, id, now, windowMs) {
      const wait = await client.eval(ADD_SCRIPT, {
        keys: limits.map((l) => PREFIX + l.key),
        arguments: [String(now), String(windowMs), id, ...limits.map((l) => String(l.limit))],
      });
      return Number(wait);
    },
    async remove(keys, id) {
      if (keys.length === 0) return;
      const multi = client.multi();
      for (const key of keys) multi.zRem(PREFIX + key, id);
      await multi.exec();
    },
    async clear(key) {
      await client.del(PREFIX + key);
    },
  };
  return { store, close: () => client.close() };
}
