import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseLockedError } from '../db/data-dir-lock';
import type { Database } from '../db/database';
import { embeddedDatabaseDir, IN_MEMORY, openDatabase } from '../db/open-database';
import type { CliEnv } from './cli-env';
import { copyTables, countRows } from './copy-tables';
import { lockedMessage } from './locked-message';
import { checkSealedValues, describeKey, findSecretsKey, type SecretsKey } from './sealed-values';
import { schemaTables } from './schema-tables';
import type { CliIo } from './run-cli';

// a copy of a large database runs long statements and reads between writes: generous bounds
const COPY_TIMEOUTS = { statementMs: 30 * 60_000, idleInTransactionMs: 10 * 60_000 };

/**
 * `ringside migrate-to-postgres --database-url URL`: copies every table of the embedded
 * database in `DATA_DIR` into an empty PostgreSQL database (its schema made by the same
 * migrations), checks each table's row count, and prints the environment to start with.
 * Refuses while a server holds the data dir, when the target holds any row, and when the key
 * that sealed the channel tokens cannot be found. Writes nothing to the data dir but the
 * pending migrations any command applies. Returns the exit code: 0 copied, 1 refused or failed.
 *
 * @example
 * process.exitCode = await migrateToPostgres(url, env, io);
 */
export async function migrateToPostgres(
  databaseUrl: string,
  env: CliEnv,
  io: CliIo,
): Promise<number> {
  const shown = maskPassword(databaseUrl);
  if (!existsSync(join(embeddedDatabaseDir(env.dataDir), 'PG_VERSION'))) {
    io.stderr(`ringside: there is no embedded database in ${env.dataDir} (DATA_DIR) to copy`);
    return 1;
  }
  const tables = schemaTables();
  let source: Database | undefined;
  let target: Database | undefined;
  try {
    try {
      source = await openDatabase({ dataDir: env.dataDir });
    } catch (error) {
      if (!(error instanceof DatabaseLockedError)) throw error;
      io.stderr(`ringside: ${lockedMessage(error)}.`);
      return 1;
    }
    const key = findSecretsKey(env);
    const sealed = await checkSealedValues(
      source.db,
      tables,
      key.from === 'none' ? undefined : key.key,
    );
    if (sealed.opened < sealed.total) {
      io.stderr(`ringside: ${keyProblem(key, sealed.total - sealed.opened, sealed.total)}`);
      return 1;
    }
    try {
      target = await openDatabase({
        databaseUrl,
        dataDir: IN_MEMORY,
        maxConnections: 2,
        timeouts: COPY_TIMEOUTS,
        onConnectionError: () => undefined,
      });
    } catch (error) {
      io.stderr(`ringside: could not open PostgreSQL at ${shown}: ${scrub(error, databaseUrl)}`);
      return 1;
    }
    const occupied = (await countRows(target.db, tables)).filter((count) => count.rows > 0);
    if (occupied.length > 0) {
      io.stderr(
        `ringside: the PostgreSQL database at ${shown} is not empty (${occupied
          .map((count) => `${count.table}: ${count.rows} rows`)
          .join(', ')}); nothing was copied. Give the URL of a new, empty database.`,
      );
      return 1;
    }
    const pending = (await countRows(source.db, tables)).reduce((sum, c) => sum + c.rows, 0);
    io.stderr(
      `Copying ${pending} rows in ${tables.length} tables from ${env.dataDir} to ${shown}…`,
    );
    const copied = await copyTables(source.db, target.db, tables);
    const rows = copied.reduce((sum, count) => sum + count.rows, 0);
    const startEnv = {
      DATABASE_URL: shown,
      SECRETS_KEY: keyLine(key),
      DATA_DIR: env.dataDir,
    };
    io.stdout(
      JSON.stringify({
        source: env.dataDir,
        target: shown,
        rows,
        tables: Object.fromEntries(copied.map((count) => [count.table, count.rows])),
        sealedValues: sealed.total,
        env: startEnv,
      }),
    );
    io.stderr(
      [
        `Copied ${rows} rows in ${copied.length} tables from ${env.dataDir} to ${shown}; ` +
          'every table holds as many rows as the embedded one.',
        'Start Ringside on PostgreSQL with:',
        `  DATABASE_URL=${shown}   (the URL you gave; its password is hidden here)`,
        `  SECRETS_KEY=${startEnv.SECRETS_KEY}   (${keyNote(key, sealed.total)})`,
        `  DATA_DIR=${env.dataDir}   (call recordings stay in its media folder)`,
        `The embedded database was only read: keep ${embeddedDatabaseDir(env.dataDir)} until ` +
          'Ringside runs well on PostgreSQL.',
      ].join('\n'),
    );
    return 0;
  } catch (error) {
    io.stderr(
      `ringside: the copy failed, nothing was kept in PostgreSQL: ${scrub(error, databaseUrl)}`,
    );
    return 1;
  } finally {
    await target?.close();
    await source?.close();
  }
}

/**
 * The URL with its password replaced by `***`, for what is printed.
 *
 * @example
 * maskPassword('postgres://ringside:s3cret@db:5432/ringside'); // 'postgres://ringside:***@db:5432/ringside'
 */
export function maskPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password === '') return url;
    parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the given URL';
  }
}

// the password never reaches a message, even if a driver repeats the URL
function scrub(error: unknown, url: string): string {
  const message = error instanceof Error ? error.message : String(error);
  const password = passwordOf(url);
  if (password === undefined) return message.replaceAll(url, 'the given URL');
  if (password === '') return message;
  return [password, decodeURIComponent(password)].reduce(
    (text, secret) => text.replaceAll(secret, '***'),
    message,
  );
}

function passwordOf(url: string): string | undefined {
  try {
    return new URL(url).password;
  } catch {
    return undefined;
  }
}

function keyLine(key: SecretsKey): string {
  switch (key.from) {
    case 'env':
      return '<the SECRETS_KEY you use now>';
    case 'file':
      return `"$(cat ${key.path})"`;
    case 'none':
      return '"$(openssl rand -base64 32)"';
  }
}

function keyNote(key: SecretsKey, sealed: number): string {
  if (key.from === 'none') return 'nothing is sealed yet: any new 32-byte key';
  return `the key of the ${sealed} sealed tokens and secrets, read from ${describeKey(key)}`;
}

function keyProblem(key: SecretsKey, failing: number, total: number): string {
  if (key.from === 'none') {
    return (
      `the embedded database holds ${total} sealed values (channel tokens, signing secrets) ` +
      `but there is no SECRETS_KEY and no ${key.path}: set SECRETS_KEY to the key your ` +
      'server uses, or they could not be opened on PostgreSQL'
    );
  }
  return (
    `${failing} of ${total} sealed values (channel tokens, signing secrets) do not open with ` +
    `${describeKey(key)}: run this with the SECRETS_KEY your server uses`
  );
}
