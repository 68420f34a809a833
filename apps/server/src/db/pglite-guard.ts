import type { PGlite } from '@electric-sql/pglite';
import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Code used the database handle instead of the transaction's inside a transaction. PGlite has
 * one connection: that query would wait for the transaction, which waits for the query.
 */
export class PgliteReentryError extends Error {
  readonly code = 'pglite_reentry';
  override readonly name = 'PgliteReentryError';

  constructor() {
    super(
      'a query used `db` inside a transaction on PGlite, which would deadlock: ' +
        'use the transaction handle (`tx`) for every query in the callback',
    );
  }
}

/**
 * Makes PGlite fail fast, with {@link PgliteReentryError}, where it would otherwise hang: a
 * query through the database (not the transaction) from inside a transaction's callback.
 * PostgreSQL would run it on another pooled connection, so such code works there and hangs here.
 *
 * @example
 * const client = guardTransactions(await PGlite.create('memory://'));
 */
export function guardTransactions(client: PGlite): PGlite {
  const inside = new AsyncLocalStorage<{ open: boolean }>();
  const transaction = client.transaction.bind(client);
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const refuseInside = () => {
    if (inside.getStore()?.open) throw new PgliteReentryError();
  };
  client.transaction = async (callback) => {
    refuseInside();
    // a flag rather than the mere presence of the store: timers started inside outlive it
    const marker = { open: true };
    try {
      return await inside.run(marker, () => transaction(callback));
    } finally {
      marker.open = false;
    }
  };
  client.query = async (...args) => {
    refuseInside();
    return query(...args);
  };
  client.exec = async (...args) => {
    refuseInside();
    return exec(...args);
  };
  return client;
}
