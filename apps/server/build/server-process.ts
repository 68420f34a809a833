import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** the server's `ringside listening` log line (pino JSON) and the URL in it */
const LISTENING = /"url":"(http:\/\/[^"]+)"[^\n]*"msg":"ringside listening"/;
/** the environment a caller's shell may carry that would change what the server does */
const CLEARED = ['INIT_CWD', 'META_APP_SECRET', 'META_VERIFY_TOKEN', 'SIMULATOR', 'DATABASE_URL'];

export interface RunningServer {
  readonly url: string;
  readonly pid: number;
  /** from spawn to the `ringside listening` line */
  readonly listeningMs: number;
  /** everything it printed so far, stdout and stderr */
  output(): string;
  /** resolves once it has printed `text` (the demo sign-ins come after listening) */
  printed(text: string): Promise<void>;
  /** its command line as the kernel has it, execArgv included (Linux's /proc) */
  commandLine(): string[];
  /** resident set size now, in bytes (Linux's /proc) */
  rssBytes(): number;
  /** SIGTERM, then its exit code (null: killed by a signal) */
  stop(): Promise<number | null>;
}

export interface StartOptions {
  /** the program and its arguments, e.g. [process.execPath, 'dist/main.mjs'] */
  command: readonly [string, ...string[]];
  cwd: string;
  /** PORT, DATA_DIR and the like; NODE_OPTIONS is never passed on */
  env: Record<string, string>;
  /** give up (and kill it) if it does not listen within this */
  timeoutMs: number;
}

/**
 * Starts the server as a process of its own and resolves once it logs `ringside listening`, or
 * rejects with what it printed. Its output is kept for the caller to read.
 *
 * @example
 * const server = await startServer({ command: [process.execPath, entry], cwd, env: { PORT: '0', DATA_DIR }, timeoutMs: 60_000 });
 * await server.stop();
 */
export function startServer(options: StartOptions): Promise<RunningServer> {
  watchExit();
  const base: NodeJS.ProcessEnv = { ...process.env };
  for (const key of [...CLEARED, 'NODE_OPTIONS']) delete base[key];
  const started = performance.now();
  const [program, ...args] = options.command;
  const child = spawn(program, args, {
    cwd: options.cwd,
    env: { ...base, LOG_LEVEL: 'info', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let text = '';
  const waiters: { text: string; resolve: () => void }[] = [];
  live.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      live.delete(child);
      resolve(code);
    }),
  );
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    return exited;
  };
  return new Promise((resolve, reject) => {
    let listening: RunningServer | undefined;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the server did not listen within ${options.timeoutMs} ms:\n${text}`));
    }, options.timeoutMs);
    void exited.then((code) => {
      clearTimeout(timer);
      if (!listening) reject(new Error(`the server exited (${code}) before listening:\n${text}`));
    });
    const onOutput = (chunk: Buffer) => {
      text += chunk.toString();
      for (const waiter of waiters.filter((w) => text.includes(w.text))) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
      const url = listening ? undefined : LISTENING.exec(text)?.[1];
      if (!url || child.pid === undefined) return;
      clearTimeout(timer);
      const pid = child.pid;
      listening = {
        url,
        pid,
        listeningMs: performance.now() - started,
        output: () => text,
        printed: (wanted) =>
          text.includes(wanted)
            ? Promise.resolve()
            : new Promise((done) => waiters.push({ text: wanted, resolve: done })),
        commandLine: () => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean),
        rssBytes: () => rssOf(pid),
        stop,
      };
      resolve(listening);
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
  });
}

function rssOf(pid: number): number {
  const kb = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kb) * 1024;
}

/** servers still running: killed if this process exits first (a watchdog, a failed run) */
const live = new Set<ChildProcess>();
let watching = false;

function watchExit(): void {
  if (watching) return;
  watching = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGKILL');
  });
}
