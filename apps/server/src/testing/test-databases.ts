// test-only: run a storage suite against both engines, PGlite in memory and a real PostgreSQL
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import type {} from './pglite-image-global-setup';
import type {} from './postgres-global-setup';
import { createTestDatabase, startTestPostgres, type TestPostgres } from './postgres';
import type { Database } from '../db/database';
import { IN_MEMORY, openDatabase } from '../db/open-database';
import { pgliteImageAt } from './pglite-image';

export type Engine = Database['kind'];

/** How long opening a database may take in a hook: initdb and WASM start are slow on a busy box. */
export const OPEN_TIMEOUT_MS = 120_000;

let server: Promise<TestPostgres> | undefined;

/**
 * The maintenance URL of a PostgreSQL for this test file: the run's shared server when the
 * global setup provided one, otherwise one started here (and stopped after the file).
 */
export async function testPostgresAdminUrl(): Promise<string> {
  const shared = inject('ringsidePostgresAdminUrl');
  if (shared) return shared;
  server ??= startTestPostgres();
  return (await server).adminUrl;
}

afterAll(async () => {
  const started = server;
  server = undefined;
  if (started) await (await started).stop();
}, OPEN_TIMEOUT_MS);

/** A fresh, migrated database of the given engine (a new PostgreSQL database each time). */
export async function openTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    // from the run's migrated image when the global setup made one: no initdb per file
    const image = inject('ringsidePgliteImage');
    return openDatabase({
      dataDir: IN_MEMORY,
      ...(image ? { pgliteImage: pgliteImageAt(image) } : {}),
    });
  }
  const url = await createTestDatabase(await testPostgresAdminUrl());
  return openDatabase({ databaseUrl: url, dataDir: IN_MEMORY });
}

/**
 * The engines a storage suite runs on, for `describe.each`.
 *
 * @example
 * describe.each(ENGINES)('users on %s', (engine) => {
 *   const database = useTestDatabase(engine);
 *   it('…', async () => { const { db } = database(); … });
 * });
 */
export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];

/** Opens a fresh database before the suite's tests and closes it after; returns a getter. */
export function useTestDatabase(engine: Engine): () => Database {
  let database: Database | undefined;
  beforeAll(async () => {
    database = await openTestDatabase(engine);
  }, OPEN_TIMEOUT_MS);
  afterAll(async () => {
    await database?.close();
  });
  return () => {
    if (!database) throw new Error(`the ${engine} test database is not open`);
    return database;
  };
}

/** Closes databases a test opened itself, after it ends. */
export function closeAfterEach(): (database: Database) => Database {
  const opened: Database[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((database) => database.close()));
  });
  return (database) => {
    opened.push(database);
    return database;
  };
}
