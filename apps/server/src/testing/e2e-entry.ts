/**
 * The one door from the browser suite (`e2e/`) into the server: what it needs to run the whole
 * product in-process — the app itself, an in-memory database started from the run's migrated
 * image, a secret box, a logger it can read, and test-cost password hashes for the agents it
 * seeds. Lint refuses any other server import from `e2e/`, so the server's insides can move
 * without breaking the suite as long as this file keeps its promises.
 *
 * @example
 * import { createApp, openDatabase, IN_MEMORY } from '../../apps/server/src/testing/e2e-entry';
 * const database = await openDatabase({ dataDir: IN_MEMORY });
 */
// the globalSetup's `inject('ringsidePgliteImage')` typing comes with this file
import type {} from './pglite-image-global-setup';

export { hashPassword, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
export { createApp, type AppOptions, type RingsideApp } from '../create-app';
export type { Database } from '../db/database';
export { IN_MEMORY, openDatabase } from '../db/open-database';
export { pgliteImageAt } from './pglite-image';
export { createSecretBox } from '../db/secret-box';
export { createLogger } from '../ops/logger';
export type { RingSettings } from '../repos/channels';
