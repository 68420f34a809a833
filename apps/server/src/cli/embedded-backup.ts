import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { acquireDataDirLock, DatabaseLockedError, type DataDirLock } from '../db/data-dir-lock';
import type { Db } from '../db/database';
import { embeddedDatabaseDir, IN_MEMORY, MIGRATIONS_FOLDER } from '../db/open-database';
import type { CliEnv } from './cli-env';
import { countRows, type TableCount } from './copy-tables';
import { lockedMessage } from './locked-message';
import type { CliIo } from './run-cli';
import { checkSealedValues, describeKey, findSecretsKey } from './sealed-values';
import { schemaTables, type SchemaTable } from './schema-tables';

/**
 * `ringside backup --out FILE [--force]`: the embedded database in `DATA_DIR` as one file
 * (PGlite's data-dir image, a gzipped tar), written aside and renamed into place, then opened
 * again to count its rows. The secrets key is not in it. Refuses while a server holds the data
 * dir and, without `--force`, an existing file. Returns the exit code.
 *
 * @example
 * process.exitCode = await backupEmbedded({ out: '/backups/ringside.tar.gz', force: false }, env, io);
 */
export async function backupEmbedded(
  options: { out: string; force: boolean },
  env: CliEnv,
  io: CliIo,
): Promise<number> {
  const refused = refuseWithPostgres(env) ?? refuseWithoutDatabase(env);
  if (refused) return fail(io, refused);
  if (existsSync(options.out) && !options.force) {
    return fail(io, `${options.out} already exists: add --force to replace it`);
  }
  const lock = takeLock(env, io);
  if (!lock) return 1;
  const temp = `${options.out}.${process.pid}.tmp`;
  try {
    const client = await PGlite.create(embeddedDatabaseDir(env.dataDir));
    let image: Blob;
    try {
      image = await client.dumpDataDir('gzip');
    } finally {
      await client.close();
    }
    writeFileSync(temp, Buffer.from(await image.arrayBuffer()), { mode: 0o600 });
    const counts = await withImage(new Blob([readFileSync(temp)]), IN_MEMORY, countExisting);
    renameSync(temp, options.out);
    const key = findSecretsKey(env);
    const keyNote =
      key.from === 'none'
        ? 'none yet (no token was stored)'
        : `not in the backup: keep ${describeKey(key)} safe, apart from it`;
    io.stdout(
      JSON.stringify({
        file: options.out,
        bytes: statSync(options.out).size,
        ...summary(counts),
        secretsKey: keyNote,
      }),
    );
    io.stderr(
      `Backed up ${total(counts)} rows of ${env.dataDir} to ${options.out} (opened again and ` +
        `counted). Secrets key: ${keyNote}; the channel tokens in the backup open only with it.`,
    );
    return 0;
  } catch (error) {
    rmSync(temp, { force: true });
    return fail(io, `the backup failed: ${message(error)}`);
  } finally {
    lock.release();
  }
}

/**
 * `ringside restore --from FILE [--force]`: puts a backup made by {@link backupEmbedded} in
 * place of the embedded database in `DATA_DIR`. The backup is unpacked beside it and opened
 * first; only a backup that opens, holds Ringside's tables and is not from a newer Ringside
 * replaces anything (a rename). Refuses while a server holds the data dir and, without
 * `--force`, a data dir that holds a database. Returns the exit code.
 *
 * @example
 * process.exitCode = await restoreEmbedded({ from: '/backups/ringside.tar.gz', force: false }, env, io);
 */
export async function restoreEmbedded(
  options: { from: string; force: boolean },
  env: CliEnv,
  io: CliIo,
): Promise<number> {
  const refused = refuseWithPostgres(env);
  if (refused) return fail(io, refused);
  let bytes: Buffer;
  try {
    bytes = readFileSync(options.from);
  } catch (error) {
    return fail(io, `cannot read ${options.from}: ${message(error)}`);
  }
  const lock = takeLock(env, io);
  if (!lock) return 1;
  const place = embeddedDatabaseDir(env.dataDir);
  const temp = `${place}.restoring-${process.pid}`;
  const replaced = `${place}.replaced-${process.pid}`;
  try {
    const held = existsSync(join(place, 'PG_VERSION'));
    if (held && !options.force) {
      return fail(
        io,
        `${env.dataDir} already holds an embedded database: add --force to replace it ` +
          '(back it up first with ringside backup --out FILE)',
      );
    }
    rmSync(temp, { recursive: true, force: true });
    let checked: { counts: TableCount[]; sealed: { total: number; opened: number } };
    try {
      checked = await withImage(readableImage(bytes), temp, async (db, client) => {
        await refuseNewer(client);
        const existing = await existingTables(client);
        const counts = await countRows(db, existing);
        const key = findSecretsKey(env);
        const sealed = await checkSealedValues(
          db,
          existing,
          key.from === 'none' ? undefined : key.key,
        );
        return { counts, sealed };
      });
    } catch (error) {
      rmSync(temp, { recursive: true, force: true });
      return fail(
        io,
        `${options.from} is not a Ringside backup that opens (${message(error)}); ` +
          `${env.dataDir} was left as it was`,
      );
    }
    if (held) renameSync(place, replaced);
    try {
      renameSync(temp, place);
    } catch (error) {
      if (held) renameSync(replaced, place);
      throw error;
    }
    rmSync(replaced, { recursive: true, force: true });
    const { counts, sealed } = checked;
    io.stdout(
      JSON.stringify({ restored: env.dataDir, from: options.from, ...summary(counts), sealed }),
    );
    io.stderr(
      [
        `Restored ${total(counts)} rows from ${options.from} into ${env.dataDir}.`,
        ...(sealed.opened < sealed.total
          ? [
              `${sealed.total - sealed.opened} of ${sealed.total} sealed values (channel tokens, ` +
                `signing secrets) do not open with ${describeKey(findSecretsKey(env))}: start the ` +
                'server with the SECRETS_KEY (or secrets.key file) of the backed-up installation.',
            ]
          : []),
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    return fail(io, `the restore failed: ${message(error)}`);
  } finally {
    lock.release();
  }
}

// PGlite's image is a tar, gzipped or not: check that much here, since a stream error in
// PGlite's own unpacking escapes as an uncaught exception
function readableImage(bytes: Buffer): Blob {
  let tar = bytes;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      tar = gunzipSync(bytes);
    } catch {
      throw new Error('its gzip data is damaged');
    }
  }
  if (tar.subarray(257, 262).toString('latin1') !== 'ustar') {
    throw new Error('it is not a tar archive');
  }
  return new Blob([tar]);
}

// opens an image (in memory, or unpacked into `dir`), runs `use` on it, and closes it
async function withImage<T>(
  image: Blob,
  dir: string,
  use: (db: Db, client: PGlite) => Promise<T>,
): Promise<T> {
  const client = await PGlite.create(dir, { loadDataDir: image });
  try {
    return await use(drizzle(client) as unknown as Db, client);
  } finally {
    await client.close();
  }
}

async function countExisting(db: Db, client: PGlite): Promise<TableCount[]> {
  return countRows(db, await existingTables(client));
}

// a backup from an older Ringside lacks the newer tables (the server adds them when it starts)
async function existingTables(client: PGlite): Promise<SchemaTable[]> {
  const tables = schemaTables();
  const { rows } = await client.query<{ name: string }>(
    `select table_name as name from information_schema.tables where table_schema = 'public'`,
  );
  const present = new Set(rows.map((row) => row.name));
  if (!present.has('workspaces')) throw new Error('it holds no Ringside tables');
  return tables.filter((table) => present.has(table.name));
}

async function refuseNewer(client: PGlite): Promise<void> {
  const journal = JSON.parse(
    readFileSync(join(MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8'),
  );
  const known = (journal as { entries: unknown[] }).entries.length;
  const { rows } = await client.query<{ n: number }>(
    'select count(*)::int as n from drizzle.__drizzle_migrations',
  );
  const applied = rows[0]?.n ?? 0;
  if (applied > known) {
    throw new Error(
      `it was made by a newer Ringside (${applied} migrations, this one knows ${known})`,
    );
  }
}

function takeLock(env: CliEnv, io: CliIo): DataDirLock | undefined {
  try {
    return acquireDataDirLock(env.dataDir);
  } catch (error) {
    if (!(error instanceof DatabaseLockedError)) throw error;
    io.stderr(`ringside: ${lockedMessage(error)}.`);
    return undefined;
  }
}

function refuseWithPostgres(env: CliEnv): string | undefined {
  return env.databaseUrl
    ? 'backup and restore are for the embedded database, and DATABASE_URL points at ' +
        'PostgreSQL: back that up with pg_dump (or unset DATABASE_URL to use DATA_DIR)'
    : undefined;
}

function refuseWithoutDatabase(env: CliEnv): string | undefined {
  return existsSync(join(embeddedDatabaseDir(env.dataDir), 'PG_VERSION'))
    ? undefined
    : `there is no embedded database in ${env.dataDir} (DATA_DIR) to back up`;
}

function summary(counts: readonly TableCount[]) {
  return {
    rows: total(counts),
    tables: Object.fromEntries(counts.map((count) => [count.table, count.rows])),
  };
}

function total(counts: readonly TableCount[]): number {
  return counts.reduce((sum, count) => sum + count.rows, 0);
}

function fail(io: CliIo, text: string): number {
  io.stderr(`ringside: ${text}`);
  return 1;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
