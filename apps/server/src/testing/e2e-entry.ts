/**
 * The one door from the browser suite (`e2e/`) into the server: what it needs to run the whole
 * product in-process — the server as every test starts it (`startTestServer`: secret box and a
 * logger it can read included), an in-memory database started from the run's migrated image,
 * and test-cost password hashes for the agents it seeds. Lint refuses any other server import from `e2e/`, so the server's insides can move
 * without breaking the suite as long as this file keeps its promises.
 *
 * @example
 * import { openDatabase, startTestServer, IN_MEMORY } from '../../apps/server/src/testing/e2e-entry';
 * const database = await openDatabase({ dataDir: IN_MEMORY });
 * const { app, url } = await startTestServer({ database, origin, appSecret, graphApi, sim });
 */
// the globalSetup's `inject('ringsidePgliteImage')` typing comes with this file
import type {} from './pglite-image-global-setup';

export { hashPassword, TEST_ONLY_SCRYPT_COST } from '../auth/passwords';
export type { AppOptions, RingsideApp } from '../create-app';
export type { Database } from '../db/database';
export { IN_MEMORY, openDatabase } from '../db/open-database';
export { acceptsConnections, freePort } from './local-ports';
export { pgliteImageAt } from './pglite-image';
export { testCertificate } from './test-certificate';
export { startTestServer, type TestServer, type TestServerOptions } from './server-builder';
export type { RingSettings } from '../repos/channels';
