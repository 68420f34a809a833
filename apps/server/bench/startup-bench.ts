import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer, SERVER_DIR } from '../build/server-bundle';
import { startServer, type RunningServer } from '../build/server-process';
import { DEMO_USERS } from '../src/demo/seed-demo';
import type { BenchContext } from './bench-context';
import { figure } from './figures';
import { percentile } from './stats';

const BENCH = 'production-build';
/** measured restarts of each variant, alternating */
const ROUNDS = 3;
/** after the demo sign-ins are printed, how long it sits idle before its RSS is read */
const IDLE_MS = 2_000;
const START_TIMEOUT_MS = 120_000;
const LAST_SIGN_IN = DEMO_USERS.at(-1)?.email ?? '';

interface Sample {
  listeningMs: number;
  idleRssBytes: number;
}

/**
 * The production build against the source under tsx, as `pnpm start` ran it before: each started
 * with plain `node` in demo mode (PGlite, simulator), on a data directory of its own. The first
 * start creates and migrates the database and seeds the demo (one sample each); then ROUNDS
 * restarts each, alternating, give start-up to `ringside listening` and the RSS once idle.
 */
export async function startupBench(ctx: BenchContext): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), 'ringside-bench-build-'));
  const dataRoot = mkdtempSync(join(tmpdir(), 'ringside-bench-startup-'));
  try {
    const bundle = await buildServer(outDir);
    ctx.report(figure({ bench: BENCH, metric: 'build_ms', value: bundle.buildMs, unit: 'ms' }));
    ctx.note(`${BENCH}: ${bundle.entry}, ${(bundle.bytes / 1024).toFixed(0)} KB`);
    const variants = {
      built: [process.execPath, '--enable-source-maps', bundle.entry],
      tsx: [process.execPath, '--import', 'tsx', join(SERVER_DIR, 'src', 'main.ts')],
    } as const;
    const startOnce = async (name: keyof typeof variants): Promise<Sample> => {
      const server = await startServer({
        command: variants[name],
        cwd: SERVER_DIR,
        env: { PORT: '0', HOST: '127.0.0.1', DATA_DIR: join(dataRoot, name) },
        timeoutMs: START_TIMEOUT_MS,
      });
      try {
        await server.printed(LAST_SIGN_IN);
        await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
        return { listeningMs: server.listeningMs, idleRssBytes: server.rssBytes() };
      } finally {
        await stopped(server, name);
      }
    };

    const first = { built: await startOnce('built'), tsx: await startOnce('tsx') };
    ctx.report(
      pair('startup_ms_first_start', 'ms', first.built.listeningMs, first.tsx.listeningMs),
    );
    const samples: Record<keyof typeof variants, Sample[]> = { built: [], tsx: [] };
    for (let round = 0; round < ROUNDS; round++) {
      const order = round % 2 === 0 ? (['built', 'tsx'] as const) : (['tsx', 'built'] as const);
      for (const name of order) samples[name].push(await startOnce(name));
      ctx.note(`${BENCH}: round ${round + 1}/${ROUNDS} done`);
    }
    // the median: one slow start on a shared machine does not move it
    const med = (name: keyof typeof variants, key: keyof Sample) =>
      percentile(
        samples[name].map((sample) => sample[key]),
        50,
      ) ?? Number.NaN;
    ctx.report(
      pair('startup_ms_to_listening', 'ms', med('built', 'listeningMs'), med('tsx', 'listeningMs')),
    );
    const mb = (bytes: number) => bytes / 1024 / 1024;
    ctx.report(
      pair('idle_rss_mb', 'MB', mb(med('built', 'idleRssBytes')), mb(med('tsx', 'idleRssBytes'))),
    );
  } finally {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(dataRoot, { recursive: true, force: true });
  }
}

/** the built server's figure, its baseline the same server under tsx in this run */
function pair(metric: string, unit: string, built: number, tsx: number) {
  return figure({ bench: BENCH, metric, value: built, unit, baseline: tsx });
}

async function stopped(server: RunningServer, name: string): Promise<void> {
  const code = await server.stop();
  if (code !== 0)
    throw new Error(`the ${name} server exited ${code} on SIGTERM:\n${server.output()}`);
}
