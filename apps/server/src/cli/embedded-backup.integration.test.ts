import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/open-database';
import { SECRETS_KEY_FILE } from '../db/secret-box';
import { everyRow, readDatabase } from '../testing/every-row';
import { ringside } from '../testing/ringside-runs';
import { seedDataDir } from '../testing/seed-data-dir';
import { OPEN_TIMEOUT_MS } from '../testing/test-databases';

const root = mkdtempSync(join(tmpdir(), 'ringside-backup-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function out(run: { stdout: string }) {
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

describe('ringside backup and restore', () => {
  const source = join(root, 'source');
  const file = join(root, 'ringside.tar.gz');

  it(
    'backs up the embedded database to one private file and restores it into a fresh dir, row for row',
    async () => {
      const seeded = await seedDataDir(source);
      const rows = await readDatabase(openDatabase({ dataDir: source }), everyRow);

      const backup = await ringside(['backup', '--out', file], { DATA_DIR: source });
      expect(backup.code).toBe(0);
      expect(out(backup)).toMatchObject({
        file,
        rows: Object.values(rows).reduce((sum, table) => sum + table.length, 0),
        tables: expect.objectContaining({ calls: 1, call_events: 3, channels: 2 }),
        secretsKey: expect.stringContaining(
          `not in the backup: keep ${join(source, SECRETS_KEY_FILE)}`,
        ),
      });
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(readdirSync(root).filter((name) => name.endsWith('.tmp'))).toEqual([]);

      // the key stays out of the backup: a fresh dir without it gets the rows, and is told
      const fresh = join(root, 'fresh');
      const keyless = await ringside(['restore', '--from', file], { DATA_DIR: fresh });
      expect(keyless.code).toBe(0);
      expect(out(keyless)).toMatchObject({ sealed: { total: 4, opened: 0 } });
      expect(keyless.stderr).toContain('4 of 4 sealed values');
      expect(await readDatabase(openDatabase({ dataDir: fresh }), everyRow)).toEqual(rows);

      // with the key carried over, every sealed value opens; the server's data is whole
      const withKey = join(root, 'with-key');
      const key = readFileSync(join(source, SECRETS_KEY_FILE), 'utf8').trim();
      const restored = await ringside(['restore', '--from', file], {
        DATA_DIR: withKey,
        SECRETS_KEY: key,
      });
      expect(restored.stderr).not.toContain('sealed values');
      expect(out(restored)).toMatchObject({ sealed: { total: 4, opened: 4 } });
      const channels = await ringside(['channel', 'list'], { DATA_DIR: withKey });
      expect(channels.stdout).toContain(seeded.whatsappChannelId);
      for (const run of [backup, keyless, restored]) {
        expect(run.stdout + run.stderr).not.toContain(seeded.whatsappToken);
        expect(run.stdout + run.stderr).not.toContain(key);
      }
    },
    OPEN_TIMEOUT_MS * 2,
  );

  it(
    'keeps the existing database when the backup is damaged or not a backup, or when --force is missing',
    async () => {
      const target = join(root, 'target');
      cpSync(source, target, { recursive: true });
      const rows = await readDatabase(openDatabase({ dataDir: target }), everyRow);

      const unforced = await ringside(['restore', '--from', file], { DATA_DIR: target });
      expect(unforced).toMatchObject({ code: 1, stdout: '' });
      expect(unforced.stderr).toContain('already holds an embedded database: add --force');

      const truncated = join(root, 'truncated.tar.gz');
      writeFileSync(truncated, readFileSync(file).subarray(0, 200_000));
      const notTar = join(root, 'notes.txt');
      writeFileSync(notTar, 'not a backup\n');
      for (const bad of [truncated, notTar, join(root, 'missing.tar.gz')]) {
        const run = await ringside(['restore', '--from', bad, '--force'], { DATA_DIR: target });
        expect(run, bad).toMatchObject({ code: 1, stdout: '' });
        expect(run.stderr).toMatch(/^ringside: /);
      }
      expect(readdirSync(target).sort()).toEqual(['pglite', SECRETS_KEY_FILE]);
      expect(await readDatabase(openDatabase({ dataDir: target }), everyRow)).toEqual(rows);

      const forced = await ringside(['restore', '--from', file, '--force'], { DATA_DIR: target });
      expect(forced.code).toBe(0);
      expect(readdirSync(target).sort()).toEqual(['pglite', SECRETS_KEY_FILE]);
      expect(await readDatabase(openDatabase({ dataDir: target }), everyRow)).toEqual(rows);
    },
    OPEN_TIMEOUT_MS * 2,
  );

  it(
    'refuses a held data dir, an existing backup file, a PostgreSQL configuration and bad arguments',
    async () => {
      const server = await openDatabase({ dataDir: source });
      try {
        const other = join(root, 'other.tar.gz');
        for (const args of [
          ['backup', '--out', other],
          ['restore', '--from', file, '--force'],
        ]) {
          const run = await ringside(args, { DATA_DIR: source });
          expect(run).toMatchObject({ code: 1, stdout: '' });
          expect(run.stderr).toContain(`in use by a running Ringside server (pid ${process.pid})`);
        }
      } finally {
        await server.close();
      }

      const existing = await ringside(['backup', '--out', file], { DATA_DIR: source });
      expect(existing).toMatchObject({ code: 1, stdout: '' });
      expect(existing.stderr).toContain('already exists: add --force');

      const postgres = await ringside(['backup', '--out', join(root, 'pg.tar.gz')], {
        DATA_DIR: source,
        DATABASE_URL: 'postgres://ringside@127.0.0.1:9/ringside',
      });
      expect(postgres).toMatchObject({ code: 1, stdout: '' });
      expect(postgres.stderr).toContain('back that up with pg_dump');

      const empty = await ringside(['backup', '--out', join(root, 'none.tar.gz')], {
        DATA_DIR: join(root, 'never-made'),
      });
      expect(empty).toMatchObject({ code: 1, stdout: '' });
      expect(empty.stderr).toContain('there is no embedded database in');

      for (const args of [['backup'], ['restore', '--from'], ['backup', '--out', 'x', 'y']]) {
        const run = await ringside(args, { DATA_DIR: source });
        expect(run).toMatchObject({ code: 2, stdout: '' });
        expect(run.stderr).toContain('usage: pnpm ringside');
      }
    },
    OPEN_TIMEOUT_MS,
  );
});
