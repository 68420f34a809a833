import { sql } from 'drizzle-orm';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/database';
import { queryRows } from '../db/query-rows';
import { createSecretBox, SECRETS_KEY_FILE, SecretBoxError } from '../db/secret-box';
import type { CliEnv } from './cli-env';
import type { SchemaTable } from './schema-tables';

/** The key the embedded server seals with: `SECRETS_KEY`, else the key file in `DATA_DIR`. */
export type SecretsKey =
  | { readonly from: 'env'; readonly key: string }
  | { readonly from: 'file'; readonly key: string; readonly path: string }
  | { readonly from: 'none'; readonly path: string };

/**
 * Finds the key as the server does (`SECRETS_KEY`, else `<DATA_DIR>/secrets.key`), without
 * creating a key file when there is none.
 *
 * @example
 * const found = findSecretsKey(env); // { from: 'file', key: '…', path: '/srv/data/secrets.key' }
 */
export function findSecretsKey(env: CliEnv): SecretsKey {
  if (env.secretsKey) return { from: 'env', key: env.secretsKey };
  const path = join(env.dataDir, SECRETS_KEY_FILE);
  if (!existsSync(path)) return { from: 'none', path };
  return { from: 'file', key: readFileSync(path, 'utf8').trim(), path };
}

/** How the sealed values of a database fare with a key. */
export interface SealedCheck {
  /** sealed values stored (tokens, signing secrets, the app secret) */
  readonly total: number;
  /** how many of them open with the key (0 without one) */
  readonly opened: number;
}

/**
 * Tries to open every sealed value (`*_ciphertext` columns) of `db` with `key`. A key that is
 * not 32 bytes of base64 opens none. Never returns or throws a value it read.
 *
 * @example
 * const { total, opened } = await checkSealedValues(db, schemaTables(), key);
 */
export async function checkSealedValues(
  db: Db,
  tables: readonly SchemaTable[],
  key: string | undefined,
): Promise<SealedCheck> {
  const open = opener(key);
  let total = 0;
  let opened = 0;
  for (const table of tables) {
    for (const column of table.sealed) {
      const rows = await queryRows<{ sealed: string }>(
        db,
        sql`select ${sql.identifier(column)} as sealed from ${sql.identifier(table.name)}
          where ${sql.identifier(column)} is not null`,
      );
      for (const { sealed } of rows) {
        total += 1;
        if (open(sealed)) opened += 1;
      }
    }
  }
  return { total, opened };
}

function opener(key: string | undefined): (sealed: string) => boolean {
  if (key === undefined) return () => false;
  let box: ReturnType<typeof createSecretBox>;
  try {
    box = createSecretBox(key);
  } catch (error) {
    if (error instanceof SecretBoxError) return () => false;
    throw error;
  }
  return (sealed) => {
    try {
      box.open(sealed);
      return true;
    } catch (error) {
      if (error instanceof SecretBoxError) return false;
      throw error;
    }
  };
}

/** Where the key came from, in words, for messages (never the key). */
export function describeKey(found: SecretsKey): string {
  return found.from === 'env' ? 'SECRETS_KEY' : found.path;
}
