import type { Db, Tx } from '../db/database';
import type { SecretBox } from '../db/secret-box';
import { createRepos, type Repos } from './index';
import type { RepoShared } from './repo-shared';

/** Runs `work` with repositories bound to one transaction (and the transaction, for repo calls that take one). */
export type UnitOfWork = <T>(work: (repos: Repos, tx: Tx) => Promise<T>) => Promise<T>;

/**
 * Makes a {@link UnitOfWork}: every repository call inside `work` runs in the same transaction,
 * so a change and its audit entry commit together or not at all. Inside `work`, use only the
 * repos it is given (on PGlite, the outer ones would wait for the transaction forever). Pass
 * the app's `repos.shared`, so a channel changed in a transaction clears the routing cache.
 *
 * @example
 * const unitOfWork = createUnitOfWork(db, secretBox, repos.shared);
 * await unitOfWork(async (repos) => {
 *   const user = await repos.users.reactivateUser(workspaceId, userId);
 *   await repos.auditLog.record({ … });
 * });
 */
export function createUnitOfWork(db: Db, box: SecretBox, shared?: RepoShared): UnitOfWork {
  return (work) => db.transaction((tx) => work(createRepos(tx, box, shared), tx));
}
