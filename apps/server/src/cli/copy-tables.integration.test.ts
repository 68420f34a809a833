import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IN_MEMORY, openDatabase } from '../db/open-database';
import { everyRow } from '../testing/every-row';
import { createTestDatabase } from '../testing/postgres';
import { seedDataDir } from '../testing/seed-data-dir';
import { OPEN_TIMEOUT_MS, testPostgresAdminUrl } from '../testing/test-databases';
import { copyTables, countRows } from './copy-tables';
import { schemaTables } from './schema-tables';

const root = mkdtempSync(join(tmpdir(), 'ringside-copy-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('copyTables', () => {
  it(
    'copies batch after batch (a batch smaller than a table, and one that ends exactly at its end)',
    async () => {
      const dataDir = join(root, 'data');
      await seedDataDir(dataDir);
      const source = await openDatabase({ dataDir });
      const targets = [
        await openDatabase({
          databaseUrl: await createTestDatabase(await testPostgresAdminUrl()),
          dataDir: IN_MEMORY,
        }),
        await openDatabase({
          databaseUrl: await createTestDatabase(await testPostgresAdminUrl()),
          dataDir: IN_MEMORY,
        }),
      ];
      try {
        const tables = schemaTables();
        const rows = await everyRow(source.db);
        // the seeded timeline has 3 entries: batches of 2 split it, of 1 end on its last row
        for (const [index, batch] of [2, 1].entries()) {
          const target = targets[index]!;
          const copied = await copyTables(source.db, target.db, tables, batch);
          expect(copied).toEqual(await countRows(source.db, tables));
          expect(await everyRow(target.db)).toEqual(rows);
        }
      } finally {
        await Promise.all(targets.map((target) => target.close()));
        await source.close();
      }
    },
    OPEN_TIMEOUT_MS,
  );
});
