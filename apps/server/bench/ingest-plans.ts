import type { MaxRatePlan } from './webhook-load-protocol';

/** meta delivers over several connections at once: the ingest benches send over this many */
export const INGEST_CONNECTIONS = 16;

/** a short round before the measured ones: JIT, connection pools and caches warm up */
export const INGEST_WARMUP: MaxRatePlan = {
  kind: 'max-rate',
  connections: INGEST_CONNECTIONS,
  durationMs: 1_500,
  maxPairs: 400,
};

/**
 * A measured round: as many signed connect+terminate pairs as the senders get acknowledged in
 * 3 s, at most `maxPairs` per sender.
 *
 * @example
 * await run(target.webhookUrl, ingestRound(40_000));
 */
export function ingestRound(maxPairs: number): MaxRatePlan {
  return { kind: 'max-rate', connections: INGEST_CONNECTIONS, durationMs: 3_000, maxPairs };
}
