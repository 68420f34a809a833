import { is } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import * as schema from '../db/schema';

/** One table of the schema, as a copy between databases needs it. */
export interface SchemaTable {
  /** the table's name in the database */
  readonly name: string;
  /** every column, in the table's order */
  readonly columns: readonly string[];
  /** the columns a copy writes: all but generated ones, which the target computes itself */
  readonly writable: readonly string[];
  /** the primary key's columns (empty: none), the order a copy reads rows in */
  readonly primaryKey: readonly string[];
  /** serial and identity columns, whose sequences must move past the copied values */
  readonly sequenced: readonly string[];
  /** columns holding values sealed with the secrets key (`*_ciphertext`) */
  readonly sealed: readonly string[];
}

/**
 * Every table of `db/schema.ts`, parents before the tables whose foreign keys point at them,
 * read from drizzle's table definitions: a table added to the schema is included without a
 * change here. A reference of a table to itself is left out of the ordering.
 *
 * @example
 * for (const table of schemaTables()) console.log(table.name); // workspaces, users, …
 */
export function schemaTables(tables: readonly PgTable[] = schemaExports()): SchemaTable[] {
  const configs = new Map(tables.map((table) => [table, getTableConfig(table)]));
  const ordered: SchemaTable[] = [];
  const state = new Map<PgTable, 'visiting' | 'done'>();
  const visit = (table: PgTable, path: readonly string[]): void => {
    const config = configs.get(table) ?? getTableConfig(table);
    if (state.get(table) === 'done') return;
    if (state.get(table) === 'visiting') {
      throw new Error(`foreign keys form a cycle: ${[...path, config.name].join(' -> ')}`);
    }
    state.set(table, 'visiting');
    for (const key of config.foreignKeys) {
      const parent = key.reference().foreignTable;
      if (parent !== table) visit(parent, [...path, config.name]);
    }
    state.set(table, 'done');
    if (configs.has(table)) ordered.push(describeTable(config));
  };
  for (const table of tables) visit(table, []);
  return ordered;
}

function describeTable(config: ReturnType<typeof getTableConfig>): SchemaTable {
  const columns = config.columns;
  const compositeKey = config.primaryKeys[0]?.columns.map((column) => column.name);
  return {
    name: config.name,
    columns: columns.map((column) => column.name),
    writable: columns.filter((column) => !column.generated).map((column) => column.name),
    primaryKey: compositeKey ?? columns.filter((c) => c.primary).map((c) => c.name),
    sequenced: columns
      .filter((c) => c.getSQLType().endsWith('serial') || c.generatedIdentity !== undefined)
      .map((c) => c.name),
    sealed: columns.filter((c) => c.name.endsWith('_ciphertext')).map((c) => c.name),
  };
}

function schemaExports(): PgTable[] {
  return (Object.values(schema) as unknown[]).filter((value): value is PgTable =>
    is(value, PgTable),
  );
}
