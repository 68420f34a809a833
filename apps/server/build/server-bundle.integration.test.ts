import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from '../src/demo/seed-demo';
import { buildServer, SERVER_DIR } from './server-bundle';
import { startServer, type RunningServer } from './server-process';

// the production build as `pnpm start` runs it, built into a folder of its own (not dist/, which
// a developer's `pnpm start` may be using) and run with plain node from there
const outDir = mkdtempSync(join(tmpdir(), 'ringside-server-build-'));
const dataDir = mkdtempSync(join(tmpdir(), 'ringside-server-build-data-'));
const CONSOLE_DIR = join(SERVER_DIR, '..', 'console', 'dist');
const AGENT = DEMO_USERS.find((user) => user.role === 'agent')?.email ?? '';
const running: RunningServer[] = [];

afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  rmSync(outDir, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the production build', () => {
  it('runs with plain node: demo mode on PGlite, the demo agent signs in, SIGTERM stops it cleanly', async () => {
    const bundle = await buildServer(outDir);
    // the workspace packages (TypeScript) are inside it: nothing is left for a loader
    expect(readFileSync(bundle.entry, 'utf8')).not.toMatch(/from\s*["']@ringside\//);
    expect(bundle.externals).toEqual(expect.arrayContaining(['@electric-sql/pglite', 'werift']));

    const command = [process.execPath, '--enable-source-maps', bundle.entry] as const;
    const server = await startServer({
      command,
      cwd: outDir,
      env: { PORT: '0', DATA_DIR: dataDir },
      timeoutMs: 120_000,
    });
    running.push(server);
    // what the kernel ran: node and the bundle, no tsx or other loader (NODE_OPTIONS is cleared)
    expect(server.commandLine()).toEqual([...command]);

    // the demo is seeded after listening (migrations found, PGlite's WASM loaded, simulator up)
    await server.printed(AGENT);
    expect(server.output()).toMatch(/"msg":"demo mode: [^"]*simulator/);
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
      body: JSON.stringify({ email: AGENT, password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    expect(login.headers.get('set-cookie')).toBeTruthy();

    // the console is looked for where the source looks: apps/console/dist
    if (existsSync(CONSOLE_DIR)) {
      const page = await fetch(`${server.url}/`);
      expect(page.headers.get('content-type')).toMatch(/text\/html/);
    } else {
      expect(server.output()).toContain(JSON.stringify({ consoleDir: CONSOLE_DIR }).slice(1, -1));
    }

    expect(await server.stop()).toBe(0);
    expect(server.output()).toContain('"signal":"SIGTERM","msg":"shutting down"');
  }, 240_000);
});
