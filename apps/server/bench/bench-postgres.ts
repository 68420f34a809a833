import { startTestPostgres } from '../src/testing/postgres';

/** A throw-away PostgreSQL for a bench: its own temp dir and free port on 127.0.0.1. */
export interface BenchPostgres {
  /** an empty database with a fresh name on it */
  createDatabase(): Promise<string>;
  /** how it was started, for the run's notes */
  readonly settings: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL as the storage tests start it (`src/testing/postgres.ts`: initdb into a temp dir,
 * as the `postgres` user when run as root, killed if the runner dies). Not durable: fsync and
 * synchronous_commit are off, for Ringside and the baselines alike, so the figures measure the
 * work per statement rather than this machine's disk.
 *
 * @example
 * const postgres = await startBenchPostgres();
 * const url = await postgres.createDatabase();
 * await postgres.stop();
 */
export async function startBenchPostgres(): Promise<BenchPostgres> {
  const server = await startTestPostgres();
  return {
    createDatabase: () => server.createDatabase(),
    settings: 'on 127.0.0.1, fsync=off, synchronous_commit=off, full_page_writes=off',
    stop: () => server.stop(),
  };
}
