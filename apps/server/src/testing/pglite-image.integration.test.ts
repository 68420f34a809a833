import { sql } from 'drizzle-orm';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/database';
import { IN_MEMORY, openDatabase } from '../db/open-database';
import { pgliteImageAt, pgliteImageFile } from './pglite-image';
import { queryRows } from '../db/query-rows';
import { OPEN_TIMEOUT_MS } from './test-databases';
import { workspaces } from '../db/schema';

const opened: { close(): Promise<void> }[] = [];
const root = mkdtempSync(join(tmpdir(), 'ringside-pglite-image-'));
afterAll(async () => {
  await Promise.all(opened.map((database) => database.close()));
  rmSync(root, { recursive: true, force: true });
});

/** every column of every table, and the migrations recorded as applied */
async function shape(db: Db) {
  const columns = await queryRows(
    db,
    sql`select table_schema, table_name, column_name, data_type, is_nullable, column_default
        from information_schema.columns
        where table_schema not in ('pg_catalog', 'information_schema')
        order by 1, 2, 3`,
  );
  const indexes = await queryRows(
    db,
    sql`select schemaname, tablename, indexname, indexdef from pg_indexes
        where schemaname not in ('pg_catalog') order by 1, 2, 3`,
  );
  const migrations = await queryRows(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by id`,
  );
  return { columns, indexes, migrations };
}

describe('test databases from a migrated PGlite image', () => {
  it(
    'have the schema a new database gets, each its own data',
    async () => {
      const image = pgliteImageAt(await pgliteImageFile());
      const fresh = await openDatabase({ dataDir: IN_MEMORY });
      const [a, b] = [
        await openDatabase({ dataDir: IN_MEMORY, pgliteImage: image }),
        await openDatabase({ dataDir: IN_MEMORY, pgliteImage: image }),
      ];
      opened.push(fresh, a, b);

      const expected = await shape(fresh.db);
      expect(expected.migrations.length).toBeGreaterThan(0);
      expect(await shape(a.db)).toEqual(expected);

      await a.db.insert(workspaces).values({ name: 'Only in A' });
      expect(await a.db.select().from(workspaces)).toHaveLength(1);
      expect(await b.db.select().from(workspaces)).toEqual([]);
    },
    OPEN_TIMEOUT_MS,
  );

  it('is refused for a data directory, which is left as it was', async () => {
    const image = pgliteImageAt(await pgliteImageFile());
    const dataDir = join(root, 'data');
    await expect(openDatabase({ dataDir, pgliteImage: image })).rejects.toThrow(
      'a PGlite image opens in memory only',
    );
    expect(readdirSync(root)).toEqual([]);
  });
});
