// `pnpm test:soak`, cluster mode: two server processes on one PostgreSQL and one Redis, consoles
// split across them; PostgreSQL killed with SIGKILL mid-run (and started again on its data
// directory), then the node that receives Meta's webhooks; the call log must equal Meta's
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { startTestPostgres } from '../src/testing/postgres';
import { startTestRedis } from '../src/testing/redis';
import { seedSoakData } from './seed';
import { startServerProcess, type ServerProcess } from './server-process';
import { runSoak, SOAK_ORIGIN } from './soak-run';
import { soakSim, SOAK_SIZE } from './soak-sim';

const CALLS = Math.ceil(SOAK_SIZE.calls / 2);

it(`cluster: ${CALLS} calls over two nodes, PostgreSQL then a node killed with SIGKILL: the call log equals Meta's`, async () => {
  const dirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'ringside-soak-node-')));
  const secretsKey = randomBytes(32).toString('base64');
  const serverLog: string[] = [];
  const { sim, appSecret } = soakSim();
  const postgres = await startTestPostgres({ durable: true });
  const redis = await startTestRedis();
  const nodes: ServerProcess[] = [];
  try {
    const databaseUrl = await postgres.createDatabase();
    const seeded = await seedSoakData({
      dataDir: dirs[0] ?? '',
      databaseUrl,
      secretsKey,
      agents: 6,
    });
    const graphBaseUrl = await sim.listen(0);
    for (const [i, dataDir] of dirs.entries()) {
      nodes.push(
        await startServerProcess({
          dataDir,
          appSecret,
          secretsKey,
          graphBaseUrl,
          graphVersion: sim.graphVersion,
          origin: SOAK_ORIGIN,
          log: (chunk) => void serverLog.push(chunk.replace(/^(?=.)/gm, `[node ${i}] `)),
          env: { DATABASE_URL: databaseUrl, REDIS_URL: redis.url },
        }),
      );
    }
    const [first, second] = nodes as [ServerProcess, ServerProcess];
    sim.setWebhookUrl(`${first.url}/webhooks/meta`);
    const result = await runSoak({
      sim,
      calls: CALLS,
      concurrency: SOAK_SIZE.concurrency,
      agents: seeded.agentCookies.map((cookie, i) => ({
        url: (i % 2 === 0 ? first : second).url,
        cookie,
      })),
      logUrl: second.url,
      supervisorCookie: seeded.supervisorCookie,
      chaos: [
        async () => {
          await postgres.crash();
          await new Promise((resolve) => setTimeout(resolve, 1_000));
          await postgres.restart();
        },
        async () => {
          await first.kill9();
          await first.start();
        },
      ],
    });
    expect(result.failedDeliveries).toBe(0);
    const ids = result.mismatches.map((m) => m.metaCallId);
    for (const line of serverLog.join('').split('\n'))
      if (ids.some((id) => line.includes(id))) process.stdout.write(`  server ${line}\n`);
    expect(result.mismatches).toEqual([]);
  } catch (error) {
    process.stdout.write(serverLog.join('').split('\n').slice(-60).join('\n'));
    throw error;
  } finally {
    for (const node of nodes) await node.stop();
    await sim.close();
    await redis.stop();
    await postgres.stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
});
