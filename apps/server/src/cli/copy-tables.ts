import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import type { SchemaTable } from './schema-tables';

/** rows read and written at a time: bounded memory whatever a table holds */
export const COPY_BATCH_ROWS = 1_000;

/** How many rows one table holds. */
export interface TableCount {
  readonly table: string;
  readonly rows: number;
}

/** The copied rows did not all arrive: the copy was rolled back. */
export class CopyMismatchError extends Error {
  override readonly name = 'CopyMismatchError';
  constructor(readonly mismatches: readonly { table: string; source: number; target: number }[]) {
    super(
      `row counts differ after the copy (${mismatches
        .map((m) => `${m.table}: ${m.source} in the source, ${m.target} copied`)
        .join('; ')}); nothing was kept`,
    );
  }
}

/**
 * The row count of each table, in the order given.
 *
 * @example
 * const counts = await countRows(db, schemaTables()); // [{ table: 'workspaces', rows: 1 }, …]
 */
export async function countRows(db: Db, tables: readonly SchemaTable[]): Promise<TableCount[]> {
  const counts: TableCount[] = [];
  for (const table of tables) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::float8 as n from ${sql.identifier(table.name)}`,
    );
    counts.push({ table: table.name, rows: Number(row?.n ?? 0) });
  }
  return counts;
}

/**
 * Copies every row of `tables` (parents first, see `schemaTables`) from `source` into `target`,
 * whose tables must have the same columns, in one transaction on the target: the copy lands
 * whole or not at all. Values keep their exact database form (each row travels as the source's
 * `row_to_json` and is read back by the target's `json_populate_recordset`), ids included; each
 * sequence is moved past both the copied values and what the source's sequence already handed
 * out. The row counts are compared before committing ({@link CopyMismatchError} rolls back).
 * The source is only read.
 *
 * @example
 * const copied = await copyTables(pglite.db, postgres.db, schemaTables());
 */
export async function copyTables(
  source: Db,
  target: Db,
  tables: readonly SchemaTable[],
  batchRows = COPY_BATCH_ROWS,
): Promise<TableCount[]> {
  // one snapshot of the source, read through a cursor: no table is held in memory whole
  return source.transaction(
    async (reader) =>
      target.transaction(async (writer) => {
        for (const table of tables) await copyTable(reader, writer, table, batchRows);
        for (const table of tables) await moveSequences(reader, writer, table);
        const expected = await countRows(reader, tables);
        const copied = await countRows(writer, tables);
        const mismatches = expected.flatMap((count, index) => {
          const got = copied[index]?.rows ?? 0;
          return got === count.rows
            ? []
            : [{ table: count.table, source: count.rows, target: got }];
        });
        if (mismatches.length > 0) throw new CopyMismatchError(mismatches);
        return copied;
      }),
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

async function copyTable(
  reader: Db,
  writer: Db,
  table: SchemaTable,
  batchRows: number,
): Promise<void> {
  const name = sql.identifier(table.name);
  const order =
    table.primaryKey.length > 0 ? sql` order by ${identifiers(table.primaryKey)}` : sql``;
  const cursor = sql.identifier(`ringside_copy_${table.name}`);
  await reader.execute(
    sql`declare ${cursor} no scroll cursor for select row_to_json(t)::text as row from ${name} as t${order}`,
  );
  const columns = identifiers(table.writable);
  for (;;) {
    const rows = await queryRows<{ row: string }>(
      reader,
      sql`fetch forward ${sql.raw(String(batchRows))} from ${cursor}`,
    );
    if (rows.length === 0) break;
    const batch = `[${rows.map((r) => r.row).join(',')}]`;
    await writer.execute(
      sql`insert into ${name} (${columns}) overriding system value
        select ${columns} from json_populate_recordset(null::${name}, ${batch}::json)`,
    );
    if (rows.length < batchRows) break;
  }
  await reader.execute(sql`close ${cursor}`);
}

// the next id the target hands out is past every copied one and every one the source gave
async function moveSequences(reader: Db, writer: Db, table: SchemaTable): Promise<void> {
  const qualified = `"${table.name.replaceAll('"', '""')}"`;
  for (const column of table.sequenced) {
    const lastOf = async (db: Db) => {
      const [row] = await queryRows<{ last: string | null; top: string | null }>(
        db,
        sql`select pg_sequence_last_value(pg_get_serial_sequence(${qualified}, ${column})::regclass)::text as last,
          (select max(${sql.identifier(column)}) from ${sql.identifier(table.name)})::text as top`,
      );
      return [row?.last, row?.top].map((v) => (v == null ? 0n : BigInt(v)));
    };
    const from = await lastOf(reader);
    const to = await lastOf(writer);
    const next = [...from, ...to].reduce((a, b) => (b > a ? b : a), 0n);
    if (next > 0n) {
      await writer.execute(
        sql`select setval(pg_get_serial_sequence(${qualified}, ${column}), ${String(next)}::bigint, true)`,
      );
    }
  }
}

function identifiers(names: readonly string[]): SQL {
  return sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
}
