import { EnginePool, type EngineEndpoint } from '@ringside/anchor';
import type { Logger } from '../ops/logger';

/**
 * Connects to the media engines of `ANCHOR_ENGINES` at start-up. Engines that do not answer are
 * logged and left out; with none answering the server still starts and every call goes direct
 * (anchored channels included), as a media engine down must not stop the calls that need none.
 * Engines are not retried later: a restart picks them up (docs/anchor.md). The anchor's rooms an
 * earlier server process left on the engines are destroyed (one server per engine).
 *
 * @example
 * const anchor = await openAnchorPool(env.ANCHOR_ENGINES, logger);
 */
export async function openAnchorPool(
  endpoints: readonly EngineEndpoint[],
  logger: Logger,
): Promise<EnginePool | undefined> {
  if (endpoints.length === 0) return undefined;
  try {
    const pool = await EnginePool.open(endpoints);
    for (const down of pool.down) {
      logger.error({ engine: down.name, detail: down.detail }, 'media engine not answering');
    }
    // rooms an earlier process left: their legs died with it, nothing can use them
    const { swept, failed } = await pool.sweepRooms();
    for (const [engine, rooms] of Object.entries(swept)) {
      if (rooms > 0) logger.info({ engine, rooms }, 'destroyed rooms left by an earlier server');
    }
    for (const down of failed) {
      logger.warn({ engine: down.name, detail: down.detail }, 'could not sweep a media engine');
    }
    logger.info({ engines: pool.live }, 'media engines ready for anchored channels');
    return pool;
  } catch (error) {
    logger.error(
      { err: error },
      'no media engine answers: calls on anchored channels go straight to the agent',
    );
    return undefined;
  }
}
