import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IN_MEMORY, openDatabase } from '../db/open-database';
import { codeBlocks, readGuide, shellLines, shellWords } from '../testing/deploy-guide';
import { everyRow, readDatabase } from '../testing/every-row';
import { createTestDatabase } from '../testing/postgres';
import { ringingCall, seedWorkspace, storeCall, testRepos } from '../testing/test-seed';
import { OPEN_TIMEOUT_MS, testPostgresAdminUrl } from '../testing/test-databases';

const guide = readGuide();
const root = mkdtempSync(join(tmpdir(), 'ringside-deploy-data-'));
const backups = join(root, 'backups');
mkdirSync(backups);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const GUIDE_BACKUPS = '/var/backups/ringside/';
// pg_dump and pg_restore of the server the tests start (a newer server needs a newer pg_dump)
const PG_BIN =
  [process.env['PG_BIN_DIR'], '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'].find(
    (dir) => dir && existsSync(join(dir, 'pg_dump')),
  ) ?? '';

/**
 * The one line of the guide's shell blocks whose words start with `start`, as words, the
 * guide's backup folder moved to this test's.
 */
function guideLine(start: readonly string[], vars: Record<string, string> = {}): string[] {
  const found = codeBlocks(guide, 'sh')
    .flatMap(shellLines)
    .filter((line) => line.startsWith(`${start.join(' ')} `))
    .map((line) => shellWords(line, vars));
  expect(found, `one line starting "${start.join(' ')}"`).toHaveLength(1);
  return (found[0] ?? []).map((word) => word.replace(GUIDE_BACKUPS, `${backups}/`));
}

describe('docs/deploy.md, section 12: PostgreSQL', () => {
  it(
    'the guide’s pg_dump line, then its pg_restore line into an empty database, copy every row',
    async () => {
      expect(PG_BIN, 'pg_dump next to the test PostgreSQL (PG_BIN_DIR)').not.toBe('');
      const adminUrl = await testPostgresAdminUrl();
      const source = await createTestDatabase(adminUrl);
      const opened = await openDatabase({ databaseUrl: source, dataDir: IN_MEMORY });
      try {
        const repos = testRepos(opened.db, 'postgres');
        const acme = await seedWorkspace(repos, ['admin', 'agent']);
        await storeCall(repos, acme, ringingCall());
      } finally {
        await opened.close();
      }
      const rows = await readDatabase(
        openDatabase({ databaseUrl: source, dataDir: IN_MEMORY }),
        everyRow,
      );
      expect(rows['calls']).toHaveLength(1);

      const dump = guideLine(['pg_dump'], { DATABASE_URL: source });
      execFileSync(join(PG_BIN, 'pg_dump'), dump.slice(1), { stdio: 'pipe' });

      const target = await createTestDatabase(adminUrl);
      const restore = guideLine(['pg_restore'], { DATABASE_URL: target });
      execFileSync(join(PG_BIN, 'pg_restore'), restore.slice(1), { stdio: 'pipe' });
      expect(
        await readDatabase(openDatabase({ databaseUrl: target, dataDir: IN_MEMORY }), everyRow),
      ).toEqual(rows);
    },
    OPEN_TIMEOUT_MS * 2,
  );
});
