import type { PGlite } from '@electric-sql/pglite';

/** how often the routing tables are looked at */
export const UPKEEP_INTERVAL_MS = 5_000;
/** every this many looks, dead rows are vacuumed away too (presence rows change all day) */
const VACUUM_EVERY = 12;

// small tables every ring reads: without statistics the planner takes them for empty and
// joins a thousand agents one index lookup at a time (a few ms in wasm instead of one)
const ROUTING_TABLES = ['agent_presence', 'users', 'channels', 'channel_agents'] as const;

/**
 * What PostgreSQL's autovacuum daemon does and PGlite (one process, no background workers)
 * never does, for the small tables call routing reads on every ring: every
 * {@link UPKEEP_INTERVAL_MS} it counts their rows, analyzes those whose size drifted from what
 * the planner believes (a fraction of a millisecond when nothing changed), and now and then
 * vacuums them. Failures are reported, never thrown: statistics steer plans, not results.
 *
 * @example
 * const upkeep = startPgliteUpkeep(client, (error) => logger.warn({ err: error }, 'upkeep'));
 * // at close:
 * await upkeep.stop();
 */
export function startPgliteUpkeep(
  client: Pick<PGlite, 'exec' | 'query'>,
  onError: (error: unknown) => void = () => undefined,
  intervalMs = UPKEEP_INTERVAL_MS,
) {
  let running: Promise<void> | undefined;
  let looks = 0;

  async function look(): Promise<void> {
    looks += 1;
    if (looks % VACUUM_EVERY === 0) {
      await client.exec(`vacuum (analyze) ${ROUTING_TABLES.join(', ')}`);
      return;
    }
    const drifted = await driftedTables(client);
    if (drifted.length > 0) await client.exec(`analyze ${drifted.join(', ')}`);
  }

  const run = (): Promise<void> => {
    running ??= look()
      .catch((error: unknown) => onError(error))
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return {
    /** looks now (tests, after a bulk change) */
    run,
    async stop(): Promise<void> {
      clearInterval(timer);
      await running;
    },
  };
}

// tables whose row count is off by more than a tenth (and ten rows) from the planner's idea
async function driftedTables(client: Pick<PGlite, 'query'>): Promise<string[]> {
  const counts = ROUTING_TABLES.map(
    (table) =>
      `select '${table}' as name, (select count(*) from ${table})::float8 as rows,
        (select reltuples from pg_class where oid = '${table}'::regclass)::float8 as believed`,
  ).join(' union all ');
  const { rows } = await client.query<{ name: string; rows: number; believed: number }>(counts);
  return rows
    .filter((t) => t.believed < 0 || Math.abs(t.rows - t.believed) > 10 + t.believed / 10)
    .map((t) => t.name);
}
