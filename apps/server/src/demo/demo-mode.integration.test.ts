import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_USERS } from './seed-demo';

// the server's entry (src/main.ts, which `pnpm start` builds and runs) as a process, on a data
// directory of its own
const SERVER_DIR = fileURLToPath(new URL('../../', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'ringside-demo-mode-'));
const DEMO_ADMIN = DEMO_USERS[0]?.email ?? '';
const META = {
  META_APP_SECRET: 'a-real-meta-app-secret-4d2c9e',
  META_VERIFY_TOKEN: 'a-real-verify-token',
};

const running: (() => Promise<number | null>)[] = [];

interface Started {
  url: string;
  output: () => string;
  /** resolves once the server has printed `text` (the test's timeout bounds the wait) */
  printed: (text: string) => Promise<void>;
  stop: () => Promise<number | null>;
}

/** starts the server and resolves once it listens, or rejects with what it printed */
function start(env: Record<string, string>): Promise<Started> {
  const base = { ...process.env };
  for (const key of [
    'INIT_CWD',
    'META_APP_SECRET',
    'META_VERIFY_TOKEN',
    'SIMULATOR',
    'DATABASE_URL',
  ])
    delete base[key];
  // node itself with tsx's loader, not the tsx CLI: its signal relay gives up after 30 ms on a
  // busy machine and SIGKILLs the server, which would then never shut down as it does for real
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: SERVER_DIR,
    env: { ...base, PORT: '0', DATA_DIR: join(dataDir, 'data'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  const onOutput = (chunk: Buffer) => {
    text += chunk.toString();
    for (const waiter of waiters.filter((w) => text.includes(w.text))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
  };
  child.stdout?.on('data', onOutput);
  child.stderr?.on('data', onOutput);
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  running.push(stop);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server did not listen within 60 s:\n${text}`));
    }, 60_000);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${String(code)}) before listening:\n${text}`));
    });
    child.stdout?.on('data', () => {
      const listening = /"url":"(http:\/\/[^"]+)".*"msg":"ringside listening"/.exec(text);
      if (!listening?.[1]) return;
      clearTimeout(timer);
      resolve({
        url: listening[1],
        output: () => text,
        printed: (wanted) =>
          text.includes(wanted)
            ? Promise.resolve()
            : new Promise((done) => waiters.push({ text: wanted, resolve: done })),
        stop,
      });
    });
  });
}

const signIn = (url: string, password: string) =>
  fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
    body: JSON.stringify({ email: DEMO_ADMIN, password }),
  });

afterAll(async () => {
  // whatever a failed test left running
  await Promise.all(running.map((stop) => stop()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the demo workspace never outlives the simulator', () => {
  it('a start without Meta credentials says it runs in demo mode; one with them refuses the demo password', async () => {
    const demo = await start({});
    // the demo is seeded before the server listens: a sign-in the moment it listens succeeds
    expect((await signIn(demo.url, DEMO_PASSWORD)).status).toBe(200);
    expect(demo.output()).toMatch(/"msg":"demo mode: [^"]*simulator/);
    await demo.printed(DEMO_ADMIN);
    expect(await demo.stop()).toBe(0);

    const real = await start(META);
    try {
      expect((await signIn(real.url, DEMO_PASSWORD)).status).toBe(401);
      expect(real.output()).not.toMatch(/"msg":"demo mode/);
      // the log says the demo users are disabled, and how to remove them
      expect(real.output()).toMatch(/"msg":"[^"]*demo[^"]*disabled[^"]*REMOVE_DEMO_WORKSPACE/i);
      expect(real.output()).not.toContain(META.META_APP_SECRET);
    } finally {
      await real.stop();
    }

    // removed when asked: the demo admin is gone, nothing else is touched
    const removing = await start({ ...META, REMOVE_DEMO_WORKSPACE: 'yes' });
    try {
      expect(removing.output()).toMatch(/"msg":"[^"]*demo workspace removed/i);
      expect(removing.output()).not.toMatch(/demo users disabled/);
      expect((await signIn(removing.url, DEMO_PASSWORD)).status).toBe(401);
    } finally {
      await removing.stop();
    }
  }, 300_000);
});
