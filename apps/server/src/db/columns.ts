import { sql, type SQL } from 'drizzle-orm';
import { check, timestamp, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * A `timestamptz` column read as a `Date`.
 *
 * @example
 * const createdAt = instant('created_at').notNull().defaultNow();
 */
export function instant(name: string) {
  return timestamp(name, { withTimezone: true, mode: 'date' });
}

/**
 * A CHECK constraint limiting a text column to a closed set of values, so rows written by
 * hand or by an older server cannot hold a value the code does not know.
 *
 * @example
 * oneOf('users_role_check', t.role, roleSchema.options);
 */
export function oneOf(name: string, column: AnyPgColumn, values: readonly string[]) {
  return check(name, sql`${column} in (${sqlList(values)})`);
}

// literal list for DDL: drizzle-kit prints checks as text, so values are inlined, not bound
function sqlList(values: readonly string[]): SQL {
  if (values.some((value) => !/^[a-z0-9-]+$/.test(value))) {
    throw new Error('check values must be lowercase words');
  }
  return sql.raw(values.map((value) => `'${value}'`).join(', '));
}
