import { sql } from 'drizzle-orm';
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/postgres';
import { IN_MEMORY, openDatabase } from './open-database';
import { queryRows } from './query-rows';
import { closeAfterEach, OPEN_TIMEOUT_MS, testPostgresAdminUrl } from '../testing/test-databases';

const timeouts = { statementMs: 200, connectMs: 300, idleInTransactionMs: 200 };

describe('PostgreSQL timeouts', () => {
  const opened = closeAfterEach();

  async function open() {
    const url = await createTestDatabase(await testPostgresAdminUrl());
    const errors: Error[] = [];
    const database = opened(
      await openDatabase({
        databaseUrl: url,
        dataDir: IN_MEMORY,
        timeouts,
        onConnectionError: (error) => errors.push(error),
      }),
    );
    return { database, errors };
  }

  it(
    'cancels a statement that runs past statement_timeout, and the pool keeps working',
    async () => {
      const { database } = await open();
      const started = Date.now();
      await expect(database.db.execute(sql`select pg_sleep(20)`)).rejects.toMatchObject({
        cause: expect.objectContaining({ code: '57014' }),
      });
      expect(Date.now() - started).toBeLessThan(10_000);
      await database.ping();
    },
    OPEN_TIMEOUT_MS,
  );

  it(
    'ends a transaction left idle past idle_in_transaction_session_timeout',
    async () => {
      const { database } = await open();
      const [row] = await queryRows<{ idle: string }>(
        database.db,
        sql`select current_setting('idle_in_transaction_session_timeout') as idle`,
      );
      expect(row?.idle).toBe('200ms');
      const forgotten = database.db.transaction(async (tx) => {
        await tx.execute(sql`select 1`);
        // a transaction that waits on something that never comes, holding its locks
        await new Promise((resolve) => setTimeout(resolve, 4 * timeouts.idleInTransactionMs));
        await tx.execute(sql`select 1`);
      });
      await expect(forgotten).rejects.toThrow();
      await database.ping();
    },
    OPEN_TIMEOUT_MS,
  );
});

describe('PostgreSQL connection timeout', () => {
  const sockets: Socket[] = [];
  let silent: Server | undefined;
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => (silent ? silent.close(() => resolve()) : resolve()));
  });

  it('gives up on a server that accepts the connection and never answers', async () => {
    // a black hole where PostgreSQL should be: the TCP connection opens, nothing ever comes back
    silent = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent?.listen(0, '127.0.0.1', () => resolve()));
    const address = silent.address();
    if (typeof address !== 'object' || address === null) throw new Error('no port');
    const started = Date.now();
    await expect(
      openDatabase({
        databaseUrl: `postgres://ringside@127.0.0.1:${address.port}/ringside`,
        dataDir: IN_MEMORY,
        timeouts,
      }),
    ).rejects.toThrow(/timeout/i);
    expect(Date.now() - started).toBeLessThan(5_000);
  }, 10_000);
});
