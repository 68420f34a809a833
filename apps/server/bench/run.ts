// `pnpm bench`: every server benchmark, one JSON line per figure on stdout, the rest on stderr
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BenchContext } from './bench-context';
import { capacityBench } from './capacity-bench';
import { figureLine } from './figures';
import { ingestFloorBench } from './ingest-floor-bench';
import { ringFanoutBench } from './ring-fanout-bench';
import { startupBench } from './startup-bench';
import { twoNodesBench } from './two-nodes-bench';
import { webhookIngestBench } from './webhook-ingest-bench';

const BENCHES: Record<string, (ctx: BenchContext) => Promise<void>> = {
  'webhook-ingest': webhookIngestBench,
  'ingest-floor': ingestFloorBench,
  'ring-fanout': ringFanoutBench,
  'production-build': startupBench,
  capacity: capacityBench,
  'two-nodes': twoNodesBench,
};
// every bench bounds its own loops; this catches whatever slipped through, one bench at a time
const WATCHDOG_MS = 6 * 60 * 1000;

const asked = process.argv.slice(2).filter((arg) => arg !== '--');
const unknown = asked.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown bench ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}

const ctx: BenchContext = {
  appSecret: randomBytes(16).toString('hex'),
  logFile: join(tmpdir(), `ringside-bench-${process.pid}.log`),
  report: (figure) => void process.stdout.write(`${figureLine(figure)}\n`),
  note: (message) => void process.stderr.write(`${message}\n`),
};

ctx.note(`bench: server logs in ${ctx.logFile}`);
let failed = false;
for (const [name, bench] of Object.entries(BENCHES)) {
  if (asked.length > 0 && !asked.includes(name)) continue;
  const started = Date.now();
  const watchdog = setTimeout(() => {
    ctx.note(`bench: ${name} still running after ${WATCHDOG_MS / 1000} s, giving up`);
    process.exit(1);
  }, WATCHDOG_MS).unref();
  try {
    await bench(ctx);
    ctx.note(`bench: ${name} done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failed = true;
    ctx.note(
      `bench: ${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
  } finally {
    clearTimeout(watchdog);
  }
}
process.exitCode = failed ? 1 : 0;
