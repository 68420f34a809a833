// `pnpm test:soak`: hundreds of calls against the server as a real process on a real PGlite data
// directory, Meta's webhooks duplicated and reordered, the server killed with SIGKILL twice
// mid-run; then the call log must equal what Meta (the simulator) saw
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { seedSoakData } from './seed';
import { startServerProcess } from './server-process';
import { runSoak, SOAK_ORIGIN } from './soak-run';
import { soakSim, SOAK_SIZE } from './soak-sim';

it(`${SOAK_SIZE.calls} calls on PGlite, duplicated and reordered webhooks, the server killed with SIGKILL twice: the call log equals Meta's`, async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringside-soak-'));
  const secretsKey = randomBytes(32).toString('base64');
  const serverLog: string[] = [];
  const { sim, appSecret } = soakSim();
  try {
    const seeded = await seedSoakData({ dataDir, secretsKey, agents: 6 });
    const server = await startServerProcess({
      dataDir,
      appSecret,
      secretsKey,
      graphBaseUrl: await sim.listen(0),
      graphVersion: sim.graphVersion,
      origin: SOAK_ORIGIN,
      log: (chunk) => void serverLog.push(chunk),
    });
    try {
      sim.setWebhookUrl(`${server.url}/webhooks/meta`);
      const kill9 = async () => {
        await server.kill9();
        await server.start();
      };
      const result = await runSoak({
        sim,
        ...SOAK_SIZE,
        agents: seeded.agentCookies.map((cookie) => ({ url: server.url, cookie })),
        logUrl: server.url,
        supervisorCookie: seeded.supervisorCookie,
        chaos: [kill9, kill9],
      });
      expect(result.failedDeliveries).toBe(0);
      const ids = result.mismatches.map((m) => m.metaCallId);
      for (const line of serverLog.join('').split('\n'))
        if (ids.some((id) => line.includes(id))) process.stdout.write(`  server ${line}\n`);
      expect(result.mismatches).toEqual([]);
    } catch (error) {
      process.stdout.write(serverLog.join('').split('\n').slice(-40).join('\n'));
      throw error;
    } finally {
      await server.stop();
    }
  } finally {
    await sim.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
