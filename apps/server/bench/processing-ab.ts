/**
 * Same-run A/B of the webhook processor's settings (not part of `pnpm bench`): one Ringside per
 * setting, each fed the ingest benches' rounds in turn, alternating, and drained after each.
 * Prints one JSON line per round: pairs acked per second, and how fast the backlog drained.
 *
 * Usage (from apps/server): `npx tsx bench/processing-ab.ts <pglite|postgres> [1,4] [rounds]`,
 * where `1,4` lists `webhookConcurrency` settings.
 */
import { startBenchPostgres } from './bench-postgres';
import { startChild } from './child';
import { INGEST_WARMUP, ingestRound } from './ingest-plans';
import { startRingside, type RingsideStack } from './ringside-stack';
import type { LoadJob, LoadResult } from './webhook-load-protocol';

const engine = process.argv[2] === 'postgres' ? 'postgres' : 'pglite';
const settings = (process.argv[3] ?? '1,4').split(',').map(Number);
const rounds = Number(process.argv[4] ?? 2);
const appSecret = 'processing-ab-secret';

const load = await startChild<LoadJob, LoadResult>(new URL('./webhook-load.ts', import.meta.url));
const postgres = engine === 'postgres' ? await startBenchPostgres() : undefined;
const stacks: { concurrency: number; stack: RingsideStack }[] = [];
try {
  for (const concurrency of settings) {
    const databaseUrl = postgres ? await postgres.createDatabase() : undefined;
    const stack = await startRingside({
      appSecret,
      logFile: `${process.env.TMPDIR ?? '/tmp'}/ringside-processing-ab.log`,
      ...(databaseUrl ? { databaseUrl } : {}),
      app: { webhookConcurrency: concurrency },
    });
    stacks.push({ concurrency, stack });
  }
  let runs = 0;
  const run = (stack: RingsideStack, plan: LoadJob['plan']) =>
    load.request(
      {
        url: stack.webhookUrl,
        appSecret,
        phoneNumberId: stack.phoneNumberId,
        runTag: `ab${runs++}`,
        plan,
      },
      120_000,
    );
  for (const { stack } of stacks) {
    await run(stack, INGEST_WARMUP);
    await stack.app.processor.idle();
  }
  for (let round = 0; round < rounds; round += 1) {
    for (const { concurrency, stack } of stacks) {
      const started = performance.now();
      const result = await run(stack, ingestRound(40_000));
      const acked = performance.now();
      await stack.app.processor.idle();
      const drained = performance.now();
      const pairs = result.kind === 'max-rate' ? result.pairs : 0;
      const perSecond = (ms: number) => Math.round((pairs / ms) * 10_000) / 10;
      console.log(
        JSON.stringify({
          engine,
          concurrency,
          round,
          pairs,
          ackedPerS: perSecond(acked - started),
          drainedPerS: perSecond(drained - acked),
          processedPerS: perSecond(drained - started),
        }),
      );
    }
  }
} finally {
  for (const { stack } of stacks) await stack.close();
  await load.close();
  await postgres?.stop();
}
