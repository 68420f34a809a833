import { sql } from 'drizzle-orm';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DatabaseLockedError } from './data-dir-lock';
import { openDatabase, MIGRATIONS_FOLDER } from './open-database';
import { PgliteReentryError } from './pglite-guard';
import { queryRows } from './query-rows';
import { users, workspaces } from './schema';
import { createTestDatabase } from '../testing/postgres';
import {
  closeAfterEach,
  ENGINES,
  OPEN_TIMEOUT_MS,
  testPostgresAdminUrl,
  useTestDatabase,
} from '../testing/test-databases';

const EXPECTED_TABLES = [
  'agent_presence',
  'audit_log',
  'call_events',
  'call_links',
  'call_media',
  'callbacks',
  'calls',
  'channel_agents',
  'channels',
  'graph_actions',
  'meta_app_settings',
  'outbox',
  'sessions',
  'users',
  'webhook_deliveries',
  'webhook_events',
  'webhook_receipts',
  'webhook_subscriptions',
  'workspaces',
];
const migrationFiles = readdirSync(MIGRATIONS_FOLDER).filter((file) => file.endsWith('.sql'));

async function tableNames(database: Awaited<ReturnType<typeof openDatabase>>): Promise<string[]> {
  const rows = await queryRows<{ table_name: string }>(
    database.db,
    sql`select table_name from information_schema.tables where table_schema = 'public' order by 1`,
  );
  return rows.map((row) => row.table_name);
}

async function appliedMigrations(database: Awaited<ReturnType<typeof openDatabase>>) {
  const [row] = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return row?.n;
}

describe.each(ENGINES)('openDatabase on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('applies every migration, creating every table', async () => {
    expect(database().kind).toBe(engine);
    expect(await tableNames(database())).toEqual(EXPECTED_TABLES);
    expect(await appliedMigrations(database())).toBe(migrationFiles.length);
  });

  it('answers ping', async () => {
    await expect(database().ping()).resolves.toBeUndefined();
  });

  it('runs a query through `db` inside a transaction on postgres, and refuses it at once on PGlite', async () => {
    const { db } = database();
    const inside = db.transaction(async (tx) => {
      await tx.insert(workspaces).values({ name: 'inside' });
      // a mistake: db, not tx. PGlite has one connection, so this would wait forever
      return db.select().from(workspaces);
    });
    if (engine === 'pglite') {
      const error: unknown = await inside.catch((caught: unknown) => caught);
      expect((error as Error).cause).toBeInstanceOf(PgliteReentryError);
      // the transaction rolled back and the database is usable afterwards
      const rows = await db.select().from(workspaces);
      expect(rows.map((row) => row.name)).not.toContain('inside');
    } else {
      await expect(inside).resolves.toBeInstanceOf(Array);
    }
  });

  it('enforces the schema: emails unique whatever their case', async () => {
    const { db } = database();
    const [workspace] = await db.insert(workspaces).values({ name: 'W' }).returning();
    const user = {
      workspaceId: workspace!.id,
      name: 'A',
      passwordHash: 'x',
      role: 'agent' as const,
    };
    await db.insert(users).values({ ...user, email: 'Asha@example.com' });
    await expect(db.insert(users).values({ ...user, email: 'asha@EXAMPLE.com' })).rejects.toThrow();
  });
});

describe('openDatabase on postgres, reopened', () => {
  const track = closeAfterEach();

  it(
    'does not re-apply migrations, and keeps data, when several nodes start at once',
    async () => {
      const url = await createTestDatabase(await testPostgresAdminUrl());
      const nodes = await Promise.all(
        [1, 2, 3].map(async () =>
          track(await openDatabase({ databaseUrl: url, dataDir: 'memory://' })),
        ),
      );
      const [first, second] = nodes;
      await first!.db.insert(workspaces).values({ name: 'kept' });
      expect(await appliedMigrations(second!)).toBe(migrationFiles.length);
      const rows = await second!.db.select().from(workspaces);
      expect(rows.map((row) => row.name)).toEqual(['kept']);
    },
    OPEN_TIMEOUT_MS,
  );

  it('fails to open an unreachable server with the driver error', async () => {
    await expect(
      openDatabase({ databaseUrl: 'postgres://nobody@127.0.0.1:1/none', dataDir: 'memory://' }),
    ).rejects.toThrow(/ECONNREFUSED|connect/);
  });
});

describe('openDatabase on PGlite in a data dir', () => {
  const root = mkdtempSync(join(tmpdir(), 'ringside-open-'));
  const dataDir = join(root, 'data');
  const track = closeAfterEach();
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(
    'belongs to one opener at a time and keeps its data across reopening',
    async () => {
      const first = track(await openDatabase({ dataDir }));
      await first.db.insert(workspaces).values({ name: 'persisted' });

      const refused = await openDatabase({ dataDir }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(DatabaseLockedError);
      expect((refused as DatabaseLockedError).pid).toBe(process.pid);

      await first.close();
      await first.close(); // twice is harmless
      const second = track(await openDatabase({ dataDir }));
      const rows = await second.db.select().from(workspaces);
      expect(rows.map((row) => row.name)).toEqual(['persisted']);
      expect(await appliedMigrations(second)).toBe(migrationFiles.length);
    },
    OPEN_TIMEOUT_MS,
  );
});
