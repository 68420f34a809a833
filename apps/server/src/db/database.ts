import type { ExtractTablesWithRelations } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type * as schema from './schema';

/** `dataDir` value for a throw-away in-memory PGlite (tests): no files, no lock, no key file. */
export const IN_MEMORY = 'memory://';

/** The tables drizzle knows, as one object type. */
export type Schema = typeof schema;

/**
 * The drizzle database, the same type over PGlite and node-postgres (their common base class).
 * A transaction is one too, so repository functions that take a `Db` also run inside one.
 *
 * @example
 * async function count(db: Db) { return (await db.select().from(workspaces)).length; }
 */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

/** A drizzle transaction over {@link Schema}. */
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;

/**
 * An open database: the drizzle handle, which engine it is, a health check and a way to close.
 *
 * @example
 * const database = await openDatabase({ dataDir: './data' });
 * await database.ping();
 * await database.close();
 */
export interface Database {
  readonly db: Db;
  readonly kind: 'pglite' | 'postgres';
  /** resolves when the database answers a trivial query; rejects otherwise */
  ping(): Promise<void>;
  /** closes connections and releases the data-dir lock; safe to call twice */
  close(): Promise<void>;
}
