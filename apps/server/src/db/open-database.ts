import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { acquireDataDirLock } from './data-dir-lock';
import { guardTransactions } from './pglite-guard';
import { startPgliteUpkeep } from './pglite-upkeep';
import { IN_MEMORY, type Database, type Db } from './database';
import * as schema from './schema';

export { IN_MEMORY };

/** The SQL migrations drizzle-kit generated; both engines apply the same files. */
export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Where in `dataDir` the embedded database keeps its files (beside the lock and the key file).
 *
 * @example
 * existsSync(join(embeddedDatabaseDir('./data'), 'PG_VERSION')); // has a database been made?
 */
export function embeddedDatabaseDir(dataDir: string): string {
  return join(dataDir, 'pglite');
}

// any constant works; it only has to differ from other advisory locks on the same database
const MIGRATION_LOCK_KEY = 7_246_310_001;

export interface OpenDatabaseOptions {
  /** `postgres://…`: use PostgreSQL; unset: embedded PGlite in `dataDir` */
  databaseUrl?: string | undefined;
  /** the embedded database's folder (created), or {@link IN_MEMORY} */
  dataDir: string;
  /** pool size for PostgreSQL; default 10 */
  maxConnections?: number;
  /** PostgreSQL's limits on a statement, a new connection and an idle open transaction */
  timeouts?: Partial<PostgresTimeouts>;
  /** an idle pooled PostgreSQL connection failed (server restart, network); default: stderr */
  onConnectionError?: (error: Error) => void;
  /** PGlite's periodic vacuum/analyze failed (it is retried); default: stderr */
  onUpkeepError?: (error: unknown) => void;
  /**
   * in memory only: start from this image of a migrated database (see pglite-image.ts) instead
   * of an empty one, skipping initdb (seconds each; tests open hundreds of databases)
   */
  pgliteImage?: Blob;
}

/**
 * Opens the configured database and brings its schema up to date. With no `databaseUrl` it is
 * the embedded PGlite in `dataDir`, which one process at a time may open (a lock file there;
 * another live holder makes this reject with `DatabaseLockedError`).
 *
 * @example
 * const database = await openDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
 * const repos = createRepos(database.db, secretBox);
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options)
    : openPglite(options.dataDir, options.onUpkeepError, options.pgliteImage);
}

async function openPglite(
  dataDir: string,
  onUpkeepError: (error: unknown) => void = (error) =>
    console.error(
      `pglite upkeep failed: ${error instanceof Error ? error.message : String(error)}`,
    ),
  image?: Blob,
): Promise<Database> {
  const inMemory = dataDir === IN_MEMORY;
  // an image would replace what a data dir holds
  if (image && !inMemory) throw new Error('a PGlite image opens in memory only');
  const lock = inMemory ? undefined : acquireDataDirLock(dataDir);
  let client: PGlite | undefined;
  try {
    const location = inMemory ? IN_MEMORY : embeddedDatabaseDir(dataDir);
    if (!inMemory) mkdirSync(location, { recursive: true });
    client = guardTransactions(await PGlite.create(location, image ? { loadDataDir: image } : {}));
    const db = drizzlePglite(client, { schema });
    await migratePglite(db, { migrationsFolder: MIGRATIONS_FOLDER });
    const opened = client;
    // no autovacuum in pglite: keep the routing tables' statistics fresh ourselves
    const upkeep = startPgliteUpkeep(opened, onUpkeepError);
    return handle(db, 'pglite', async () => {
      await upkeep.stop();
      await opened.close();
      lock?.release();
    });
  } catch (error) {
    await client?.close().catch(() => undefined);
    lock?.release();
    throw error;
  }
}

/** Bounds on PostgreSQL work, so a stuck query or server cannot hold a request or a pool slot. */
export interface PostgresTimeouts {
  /** a statement running longer is cancelled (`statement_timeout`) */
  statementMs: number;
  /** a connection not ready by then fails (node-postgres `connectionTimeoutMillis`) */
  connectMs: number;
  /** a transaction idle this long is ended with its connection (`idle_in_transaction_session_timeout`) */
  idleInTransactionMs: number;
}

/** far above anything the server does in normal use (its longest statement is a CSV export page) */
export const DEFAULT_POSTGRES_TIMEOUTS: PostgresTimeouts = {
  statementMs: 30_000,
  connectMs: 10_000,
  idleInTransactionMs: 60_000,
};

async function openPostgres(url: string, options: OpenDatabaseOptions): Promise<Database> {
  const timeouts = { ...DEFAULT_POSTGRES_TIMEOUTS, ...options.timeouts };
  const onError =
    options.onConnectionError ??
    ((error: Error) => console.error(`postgres connection error: ${error.message}`));
  // migrations may build indexes on big tables: their own short-lived pool, with no statement limit
  const migrationPool = new pg.Pool({
    connectionString: url,
    max: 2, // one holds the advisory lock while the other migrates
    connectionTimeoutMillis: timeouts.connectMs,
  });
  migrationPool.on('error', onError);
  try {
    await migrateSerialized(migrationPool, () =>
      migrateNodePg(drizzleNodePg(migrationPool, { schema }), {
        migrationsFolder: MIGRATIONS_FOLDER,
      }),
    );
  } finally {
    await migrationPool.end().catch(() => undefined);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: timeouts.connectMs,
    statement_timeout: timeouts.statementMs,
    idle_in_transaction_session_timeout: timeouts.idleInTransactionMs,
  });
  pool.on('error', onError);
  // the server may end a checked-out connection (idle in transaction, restart): its next query
  // fails with that reason; without a listener the 'error' event would end the process
  pool.on('connect', (client) => client.on('error', () => undefined));
  return handle(drizzleNodePg(pool, { schema }), 'postgres', () => pool.end());
}

// several server nodes may start at once against one database: one migrates, the rest wait
async function migrateSerialized(pool: pg.Pool, run: () => Promise<void>): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await run();
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}

function handle(db: Db, kind: Database['kind'], closeOnce: () => Promise<void>): Database {
  let closing: Promise<void> | undefined;
  return {
    db,
    kind,
    async ping() {
      await db.execute(sql`select 1`);
    },
    close() {
      closing ??= closeOnce();
      return closing;
    },
  };
}
