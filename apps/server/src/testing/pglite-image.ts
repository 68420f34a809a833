// test-only: one migrated PGlite database as an image, so each test database skips initdb
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { IN_MEMORY, MIGRATIONS_FOLDER } from '../db/open-database';
import * as schema from '../db/schema';

/**
 * An empty database with every migration applied, as PGlite's data-dir image (a gzipped tar).
 * `openDatabase({ dataDir: IN_MEMORY, pgliteImage })` starts from it without initdb, and its
 * migrations find nothing left to do.
 *
 * @example
 * writeFileSync(path, await migratedPgliteImage());
 */
export async function migratedPgliteImage(): Promise<Buffer> {
  const client = await PGlite.create(IN_MEMORY);
  try {
    await migrate(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    return Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
  } finally {
    await client.close();
  }
}

/**
 * The file holding {@link migratedPgliteImage}, made when missing. Its name is a hash of every
 * migration file and PGlite's version, so a changed migration or upgrade makes a new one, and
 * the test projects of one run (and later runs) share it.
 */
export async function pgliteImageFile(): Promise<string> {
  const hash = createHash('sha256');
  // PGlite's package.json (not exported), beside the dist folder of its entry
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  hash.update(readFileSync(join(dirname(entry), '..', 'package.json')));
  for (const name of readdirSync(MIGRATIONS_FOLDER, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(MIGRATIONS_FOLDER, name);
    if (statSync(path).isFile()) hash.update(name).update(readFileSync(path));
  }
  const dir = join(tmpdir(), 'ringside-pglite-images');
  const file = join(dir, `${hash.digest('hex').slice(0, 24)}.tar.gz`);
  if (existsSync(file)) return file;
  mkdirSync(dir, { recursive: true });
  // written aside, then renamed: a reader never sees half an image
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, await migratedPgliteImage());
  renameSync(temp, file);
  return file;
}

const read = new Map<string, Blob>();

/** the image at `path`, read once per test file */
export function pgliteImageAt(path: string): Blob {
  let image = read.get(path);
  if (!image) {
    image = new Blob([readFileSync(path)]);
    read.set(path, image);
  }
  return image;
}
