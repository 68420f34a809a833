import type { SubscriptionEvent } from '@ringside/contracts';
import type { Database } from '../db/database';
import type { ChannelRecord } from './channel-rows';
import { createTtlCache, type TtlCache } from './ttl-cache';

/**
 * What every set of repositories over one database shares, including those a unit of work
 * builds over its transaction: which engine it is, and the caches the webhook path reads on
 * every event (so a change made in a transaction clears the very cache they read).
 *
 * @example
 * const shared = createRepoShared({ engine: database.kind });
 * const repos = createRepos(database.db, secretBox, shared);
 * const unitOfWork = createUnitOfWork(database.db, secretBox, repos.shared);
 */
export interface RepoShared {
  /** unknown: behave as on PostgreSQL (the cautious choice) */
  readonly engine: Database['kind'] | undefined;
  /** channels by `kind:externalId`: found ones only (a new number is never taken for unknown) */
  readonly channels: TtlCache<ChannelRecord>;
  /** by workspace id: the events its active subscriptions want (mostly none) */
  readonly wantedEvents: TtlCache<ReadonlySet<SubscriptionEvent>>;
}

export function createRepoShared(options: { engine?: Database['kind'] } = {}): RepoShared {
  return {
    engine: options.engine,
    channels: createTtlCache<ChannelRecord>(),
    wantedEvents: createTtlCache<ReadonlySet<SubscriptionEvent>>(),
  };
}
