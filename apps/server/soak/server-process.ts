// soak-only: the server from its source (src/main.ts under tsx; `pnpm start` runs its build), a
// real child process on a real data directory, so it can be killed with SIGKILL and started again
// on the same storage
import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { freePort } from '../src/testing/local-ports';

const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));
const READY_MS = 60_000;

export interface ServerProcessOptions {
  dataDir: string;
  appSecret: string;
  secretsKey: string;
  graphBaseUrl: string;
  graphVersion: string;
  origin: string;
  /** where the child's output goes (its pino log), appended across restarts */
  log: (chunk: string) => void;
  /** more environment: `DATABASE_URL` and `REDIS_URL` for a cluster node */
  env?: Record<string, string>;
}

export interface ServerProcess {
  /** `http://127.0.0.1:<port>`: the same port across restarts, as a real deployment keeps */
  readonly url: string;
  readonly pid: number | undefined;
  /** SIGKILL: no shutdown hook runs, nothing is flushed */
  kill9(): Promise<void>;
  /** starts the server again on the same data directory and port; resolves once /healthz answers */
  start(): Promise<void>;
  /** SIGTERM, as an operator stops it */
  stop(): Promise<void>;
}

export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();

  const start = async () => {
    const started = fork(MAIN, [], {
      execArgv: ['--import', TSX_LOADER],
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: options.dataDir,
        META_APP_SECRET: options.appSecret,
        META_VERIFY_TOKEN: 'soak-verify-token',
        SECRETS_KEY: options.secretsKey,
        GRAPH_API_BASE_URL: options.graphBaseUrl,
        GRAPH_API_VERSION: options.graphVersion,
        PUBLIC_ORIGIN: options.origin,
        SIMULATOR: 'off',
        LOG_LEVEL: 'info',
        INIT_CWD: '',
        ...options.env,
      },
    });
    started.stdout?.setEncoding('utf8').on('data', options.log);
    started.stderr?.setEncoding('utf8').on('data', options.log);
    child = started;
    exited = new Promise((resolve) => started.once('exit', () => resolve()));
    const deadline = Date.now() + READY_MS;
    for (;;) {
      if (started.exitCode !== null) throw new Error(`the server exited (${started.exitCode})`);
      try {
        if ((await fetch(`${url}/healthz`)).ok) return;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline) throw new Error(`the server did not answer ${url}/healthz`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  await start();
  return {
    url,
    get pid() {
      return child?.pid;
    },
    async kill9() {
      child?.kill('SIGKILL');
      await exited;
    },
    start,
    async stop() {
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child?.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
