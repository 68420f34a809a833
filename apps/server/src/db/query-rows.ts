import type { SQL } from 'drizzle-orm';
import type { Db } from './database';

/**
 * Runs raw SQL and returns its rows. Both drivers answer `execute` with an object holding
 * `rows`, but the common `Db` type cannot say so; this narrows it in one checked place.
 *
 * @example
 * const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from calls`);
 */
export async function queryRows<T extends Record<string, unknown>>(
  db: Db,
  query: SQL,
): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (
    typeof result === 'object' &&
    result !== null &&
    'rows' in result &&
    Array.isArray(result.rows)
  ) {
    return result.rows as T[];
  }
  throw new Error('the database driver returned no rows array');
}
