// test-only: a whole database as data, to compare a copy or a restore with its source
import { sql } from 'drizzle-orm';
import { schemaTables } from '../cli/schema-tables';
import type { Database, Db } from '../db/database';
import { queryRows } from '../db/query-rows';

/**
 * Every row of every table of the schema, in primary-key order, exactly as the database holds
 * it (as JSON, timestamps in UTC with their microseconds).
 *
 * @example
 * expect(await everyRow(copy.db)).toEqual(await everyRow(source.db));
 */
export function everyRow(db: Db): Promise<Record<string, unknown[]>> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local timezone = 'UTC'`);
    const tables: Record<string, unknown[]> = {};
    for (const table of schemaTables()) {
      const order = sql.join(
        table.primaryKey.map((column) => sql.identifier(column)),
        sql`, `,
      );
      const [row] = await queryRows<{ rows: string | null }>(
        tx,
        sql`select json_agg(row_to_json(t) order by ${order})::text as rows
          from ${sql.identifier(table.name)} as t`,
      );
      tables[table.name] = JSON.parse(row?.rows ?? '[]') as unknown[];
    }
    return tables;
  });
}

/** opens a database, reads it with `use`, and closes it */
export async function readDatabase<T>(
  opened: Promise<Database>,
  use: (db: Db) => Promise<T>,
): Promise<T> {
  const database = await opened;
  try {
    return await use(database.db);
  } finally {
    await database.close();
  }
}
