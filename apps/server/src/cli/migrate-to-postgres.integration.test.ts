import { sql } from 'drizzle-orm';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { IN_MEMORY, openDatabase } from '../db/open-database';
import { queryRows } from '../db/query-rows';
import { workspaces } from '../db/schema';
import { createSecretBox, SECRETS_KEY_FILE } from '../db/secret-box';
import { createTestDatabase } from '../testing/postgres';
import { ringside } from '../testing/ringside-runs';
import { seedDataDir } from '../testing/seed-data-dir';
import { startTestServer } from '../testing/server-builder';
import { OPEN_TIMEOUT_MS, testPostgresAdminUrl } from '../testing/test-databases';
import { schemaTables } from './schema-tables';
import { everyRow, readDatabase } from '../testing/every-row';

const root = mkdtempSync(join(tmpdir(), 'ringside-migrate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

// the test server trusts every connection: a password in the URL is accepted and unused
const PASSWORD = 's3cret-pw';
async function emptyPostgres(): Promise<string> {
  const url = new URL(await createTestDatabase(await testPostgresAdminUrl()));
  url.password = PASSWORD;
  return url.toString();
}

describe('ringside migrate-to-postgres', () => {
  it(
    'copies every row into an empty PostgreSQL, prints the env, and a server started on it signs in, lists the call with its timeline and opens the token',
    async () => {
      const dataDir = join(root, 'full');
      const seeded = await seedDataDir(dataDir);
      const url = await emptyPostgres();
      const before = await readDatabase(openDatabase({ dataDir }), everyRow);

      const run = await ringside(['migrate-to-postgres', '--database-url', url], {
        DATA_DIR: dataDir,
      });
      expect(run.stderr).not.toMatch(/^ringside:/m);
      expect(run.code).toBe(0);
      const out = JSON.parse(run.stdout) as {
        tables: Record<string, number>;
        rows: number;
        env: Record<string, string>;
      };
      // every table of the schema, each with as many rows as the source
      expect(Object.keys(out.tables).sort()).toEqual(
        schemaTables()
          .map((t) => t.name)
          .sort(),
      );
      for (const [table, rows] of Object.entries(before)) {
        expect(out.tables[table], table).toBe((rows as unknown[]).length);
      }
      // the seed fills every table: a table added to the schema is seeded in seed-data-dir.ts too
      for (const [table, rows] of Object.entries(out.tables))
        expect(rows, `rows seeded in ${table}`).toBeGreaterThan(0);
      const keyFile = join(dataDir, SECRETS_KEY_FILE);
      expect(out.env).toEqual({
        DATABASE_URL: url.replace(PASSWORD, '***'),
        SECRETS_KEY: `"$(cat ${keyFile})"`,
        DATA_DIR: dataDir,
      });
      expect(run.stderr).toContain(`SECRETS_KEY="$(cat ${keyFile})"`);
      expect(run.stderr).toContain(`DATABASE_URL=${url.replace(PASSWORD, '***')}`);
      for (const secret of [PASSWORD, seeded.whatsappToken, seeded.signingSecret, seeded.appSecret])
        expect(run.stdout + run.stderr).not.toContain(secret);

      // the same rows, value for value; the source as it was
      expect(
        await readDatabase(openDatabase({ databaseUrl: url, dataDir: IN_MEMORY }), everyRow),
      ).toEqual(before);
      expect(await readDatabase(openDatabase({ dataDir }), everyRow)).toEqual(before);

      const database = await openDatabase({ databaseUrl: url, dataDir: IN_MEMORY });
      const key = readFileSync(keyFile, 'utf8').trim();
      const server = await startTestServer({
        database,
        origin: 'http://localhost:3000',
        appSecret: 'unused-app-secret',
        graphApi: { baseUrl: 'http://127.0.0.1:9', version: 'v24.0' },
        secretBox: createSecretBox(key),
      });
      try {
        const login = await fetch(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
          body: JSON.stringify({ email: seeded.admin.email, password: seeded.admin.password }),
        });
        expect(login.status).toBe(200);
        const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
        const list = (await (
          await fetch(`${server.url}/api/calls`, { headers: { cookie } })
        ).json()) as { items: { id: string; outcome: string }[] };
        expect(list.items).toEqual([
          expect.objectContaining({ id: seeded.call.id, outcome: 'completed' }),
        ]);
        const detail = (await (
          await fetch(`${server.url}/api/calls/${seeded.call.id}`, { headers: { cookie } })
        ).json()) as { events: { type: string }[] };
        expect(detail.events.map((event) => event.type)).toEqual(seeded.call.timeline);

        // the token, sealed in the embedded database, opens with the key printed to carry over
        const credentials = await server.app.repos.channels.getChannelCredentials(
          seeded.whatsappChannelId,
        );
        expect(credentials?.accessToken).toBe(seeded.whatsappToken);

        // new rows get new ids: the sequences moved past the copied ones
        const [maxEvent] = await queryRows<{ id: string }>(
          database.db,
          sql`select max(id)::text as id from call_events`,
        );
        const [next] = await queryRows<{ id: string }>(
          database.db,
          sql`insert into call_events (call_id, workspace_id, kind, occurred_at)
            values (${seeded.call.id}, ${seeded.workspaceId}, 'note', now()) returning id::text as id`,
        );
        expect(BigInt(next?.id ?? 0)).toBeGreaterThan(BigInt(maxEvent?.id ?? 0));
      } finally {
        await server.app.close();
        await database.close();
      }
    },
    OPEN_TIMEOUT_MS * 2,
  );

  it(
    'refuses a PostgreSQL database that holds rows, naming the table, and leaves it as it was',
    async () => {
      const dataDir = join(root, 'occupied');
      await seedDataDir(dataDir);
      const url = await emptyPostgres();
      await readDatabase(openDatabase({ databaseUrl: url, dataDir: IN_MEMORY }), (db) =>
        db.insert(workspaces).values({ name: 'Already here' }),
      );

      const run = await ringside(['migrate-to-postgres', '--database-url', url], {
        DATA_DIR: dataDir,
      });
      expect(run).toMatchObject({ code: 1, stdout: '' });
      expect(run.stderr).toContain('is not empty (workspaces: 1 rows)');
      expect(run.stderr).not.toContain(PASSWORD);
      const names = await readDatabase(
        openDatabase({ databaseUrl: url, dataDir: IN_MEMORY }),
        (db) => db.select({ name: workspaces.name }).from(workspaces),
      );
      expect(names).toEqual([{ name: 'Already here' }]);
    },
    OPEN_TIMEOUT_MS,
  );

  it(
    'refuses while a server holds the data dir, when the key that sealed the tokens is not given, and on bad arguments',
    async () => {
      const dataDir = join(root, 'held');
      await seedDataDir(dataDir);
      const url = await emptyPostgres();
      const server = await openDatabase({ dataDir });
      try {
        const held = await ringside(['migrate-to-postgres', '--database-url', url], {
          DATA_DIR: dataDir,
        });
        expect(held).toMatchObject({ code: 1, stdout: '' });
        expect(held.stderr).toContain(`in use by a running Ringside server (pid ${process.pid})`);
      } finally {
        await server.close();
      }

      const wrongKey = await ringside(['migrate-to-postgres', '--database-url', url], {
        DATA_DIR: dataDir,
        SECRETS_KEY: Buffer.alloc(32, 1).toString('base64'),
      });
      expect(wrongKey).toMatchObject({ code: 1, stdout: '' });
      expect(wrongKey.stderr).toContain('do not open with SECRETS_KEY');

      rmSync(join(dataDir, SECRETS_KEY_FILE));
      const noKey = await ringside(['migrate-to-postgres', '--database-url', url], {
        DATA_DIR: dataDir,
      });
      expect(noKey).toMatchObject({ code: 1, stdout: '' });
      expect(noKey.stderr).toContain('there is no SECRETS_KEY and no');

      const nothing = await ringside(['migrate-to-postgres', '--database-url', url], {
        DATA_DIR: join(root, 'never-made'),
      });
      expect(nothing).toMatchObject({ code: 1, stdout: '' });
      expect(nothing.stderr).toContain('there is no embedded database in');

      for (const args of [
        ['migrate-to-postgres'],
        ['migrate-to-postgres', '--database-url', `mysql://root:${PASSWORD}@db/x`],
        ['migrate-to-postgres', '--database-url', url, '--force'],
      ]) {
        const bad = await ringside(args, { DATA_DIR: dataDir });
        expect(bad).toMatchObject({ code: 2, stdout: '' });
        expect(bad.stderr).toContain('usage: pnpm ringside');
        expect(bad.stderr).not.toContain(PASSWORD);
      }
      // nothing reached PostgreSQL in any of these
      const counts = await readDatabase(
        openDatabase({ databaseUrl: url, dataDir: IN_MEMORY }),
        (db) => db.select().from(workspaces),
      );
      expect(counts).toEqual([]);
    },
    OPEN_TIMEOUT_MS,
  );
});
