import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from './database';
import { startPgliteUpkeep } from './pglite-upkeep';
import { openTestDatabase } from '../testing/test-databases';

type Client = Parameters<typeof startPgliteUpkeep>[0];

let opened: Database | undefined;
afterEach(async () => {
  await opened?.close();
  opened = undefined;
});

/** a real PGlite (new, migrated), with every statement the upkeep sends recorded */
async function recorded() {
  opened = await openTestDatabase('pglite');
  const client = (opened.db as unknown as { $client: Client }).$client;
  const statements: string[] = [];
  const spy: Client = {
    exec: (sql, options) => (statements.push(sql), client.exec(sql, options)),
    query: (sql, params, options) => client.query(sql, params, options),
  };
  return { client, spy, statements };
}

const believed = async (client: Client, table: string) =>
  (
    await client.query<{ n: number }>(
      `select reltuples::float8 as n from pg_class where oid = '${table}'::regclass`,
    )
  ).rows[0]?.n;

describe('pglite upkeep', () => {
  it('analyzes the routing tables once their size drifts, and leaves them alone after', async () => {
    const { client, spy, statements } = await recorded();
    const upkeep = startPgliteUpkeep(spy, undefined, 60_000);
    await upkeep.run();
    // never analyzed: every routing table gets statistics
    expect(statements).toEqual(['analyze agent_presence, users, channels, channel_agents']);
    expect(await believed(client, 'users')).toBe(0);

    await client.exec(`insert into workspaces (id, name) values
      ('00000000-0000-4000-8000-000000000001', 'W')`);
    await client.exec(`insert into users (workspace_id, email, name, password_hash, role)
      select '00000000-0000-4000-8000-000000000001', 'u' || n || '@x.test', 'U' || n, 'h', 'agent'
      from generate_series(1, 50) n`);
    await upkeep.run();
    expect(statements.at(-1)).toBe('analyze users');
    expect(await believed(client, 'users')).toBe(50);

    const before = statements.length;
    await upkeep.run();
    expect(statements).toHaveLength(before);
    await upkeep.stop();
  });

  it('vacuums now and then, and reports a failure without throwing', async () => {
    const { spy, statements } = await recorded();
    const errors: unknown[] = [];
    let fail = true;
    const upkeep = startPgliteUpkeep(
      {
        exec: (sql, options) => {
          if (fail) return Promise.reject(new Error('database is closing'));
          return spy.exec(sql, options);
        },
        query: spy.query,
      },
      (error) => errors.push(error),
      60_000,
    );
    await upkeep.run();
    fail = false;
    for (let i = 0; i < 11; i += 1) await upkeep.run();
    await upkeep.stop();
    expect(String(errors[0])).toContain('closing');
    expect(statements.filter((s) => s.startsWith('vacuum (analyze) agent_presence'))).toHaveLength(
      1,
    );
  });

  it('looks on its own, every interval, until stopped', async () => {
    const { spy, statements } = await recorded();
    const upkeep = startPgliteUpkeep(spy, undefined, 5);
    await new Promise((resolve) => setTimeout(resolve, 60));
    await upkeep.stop();
    expect(statements.length).toBeGreaterThan(0);
  });
});
