// test-only: a real PostgreSQL server in a temp dir, for tests that must hold on a real pool
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './local-ports';

const DEFAULT_BIN_DIRS = ['/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/16/bin'];
const START_TIMEOUT_MS = 30_000;

/** A running throw-away PostgreSQL server. */
export interface TestPostgres {
  /** `postgres://postgres@127.0.0.1:<port>/postgres`: the maintenance database */
  readonly adminUrl: string;
  /** creates an empty database with a random name and returns its URL */
  createDatabase(): Promise<string>;
  /** stops the server and deletes its files; safe to call twice */
  stop(): Promise<void>;
  /** SIGKILL to the postmaster (a crash: nothing flushed, clients cut off); `restart` after */
  crash(): Promise<void>;
  /** starts the server again on the same data directory and port (crash recovery runs) */
  restart(): Promise<void>;
}

/**
 * Starts PostgreSQL on 127.0.0.1 at a free high port: `initdb` into a temp dir (as the
 * `postgres` OS user when running as root, since initdb refuses root), fsync off. Fails with a
 * clear message when the server binaries are missing; set `PG_BIN_DIR` to point elsewhere.
 *
 * @example
 * const server = await startTestPostgres();
 * const url = await server.createDatabase();
 * // …
 * await server.stop();
 */
export async function startTestPostgres(
  options: { durable?: boolean } = {},
): Promise<TestPostgres> {
  const bin = findBinDir();
  const asUser = runAsUser();
  const root = mkdtempSync(join(tmpdir(), 'ringside-pg-'));
  if (asUser) chownSync(root, asUser.uid, asUser.gid);
  const dataDir = join(root, 'data');
  try {
    run(asUser, join(bin, 'initdb'), [
      '-D',
      dataDir,
      '-U',
      'postgres',
      '--auth=trust',
      '--encoding=UTF8',
      '--no-sync',
    ]);
    // durable: a commit is acknowledged once its WAL is written, so a crash loses none
    const flags = options.durable ? [] : ['-c', 'synchronous_commit=off'];
    const start = (port?: number) => startServer(asUser, bin, dataDir, root, flags, port);
    const { child, port } = await start();
    return handle(child, port, dataDir, root, () => start(port));
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

interface OsUser {
  readonly name: string;
  readonly uid: number;
  readonly gid: number;
}

function findBinDir(): string {
  const candidates = [process.env['PG_BIN_DIR'], ...DEFAULT_BIN_DIRS].filter(
    (dir): dir is string => dir !== undefined && dir !== '',
  );
  const found = candidates.find((dir) => existsSync(join(dir, 'initdb')));
  if (!found) {
    throw new Error(
      `PostgreSQL server binaries (initdb, postgres) not found in ${candidates.join(', ')}; ` +
        'install PostgreSQL 15 or set PG_BIN_DIR: the storage tests need a real server',
    );
  }
  return found;
}

// initdb and postgres refuse to run as root: drop to the postgres OS user then
function runAsUser(): OsUser | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { name: 'postgres', uid: id('-u'), gid: id('-g') };
  } catch (error) {
    throw new Error('running as root needs a `postgres` OS user to start PostgreSQL for tests', {
      cause: error,
    });
  }
}

function command(asUser: OsUser | undefined, file: string, args: string[]): [string, string[]] {
  return asUser ? ['runuser', ['-u', asUser.name, '--', file, ...args]] : [file, args];
}

function run(asUser: OsUser | undefined, file: string, args: string[]): void {
  const [cmd, cmdArgs] = command(asUser, file, args);
  try {
    execFileSync(cmd, cmdArgs, { stdio: 'pipe' });
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`${file} failed: ${stderr.trim() || String(error)}`, { cause: error });
  }
}

async function startServer(
  asUser: OsUser | undefined,
  bin: string,
  dataDir: string,
  socketDir: string,
  flags: string[],
  fixedPort?: number,
): Promise<{ child: ChildProcess; port: number }> {
  // a port found free can be taken before postgres binds it: try a few
  let lastError: unknown;
  for (let attempt = 0; attempt < (fixedPort ? 20 : 3); attempt += 1) {
    const port = fixedPort ?? (await freePort());
    const [cmd, args] = command(asUser, join(bin, 'postgres'), [
      ...['-D', dataDir, '-k', socketDir, '-p', String(port)],
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off'],
      ...['-c', 'full_page_writes=off', ...flags],
    ]);
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    try {
      await waitUntilReady(child, port, () => stderr);
      return { child, port };
    } catch (error) {
      lastError = error;
      child.kill('SIGKILL');
      // after a crash the old backends may hold the port and shared memory a moment longer
      if (fixedPort) await new Promise((done) => setTimeout(done, 250));
    }
  }
  throw lastError;
}

async function waitUntilReady(child: ChildProcess, port: number, stderr: () => string) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`postgres exited at start: ${stderr().trim()}`);
    }
    const client = new pg.Client({ connectionString: adminUrlFor(port) });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((done) => setTimeout(done, 100));
    }
  }
  throw new Error(`postgres did not accept connections within ${START_TIMEOUT_MS} ms`);
}

function handle(
  first: ChildProcess,
  port: number,
  dataDir: string,
  root: string,
  startAgain: () => Promise<{ child: ChildProcess }>,
): TestPostgres {
  const adminUrl = adminUrlFor(port);
  let child = first;
  let exited = new Promise<void>((done) => child.once('exit', () => done()));
  // a crashed test run must not leave a server behind
  const killOnExit = () => stopPostmaster(dataDir, child, 'SIGKILL');
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  return {
    adminUrl,
    createDatabase: () => createTestDatabase(adminUrl),
    async crash() {
      stopPostmaster(dataDir, child, 'SIGKILL');
      await exited;
    },
    async restart() {
      ({ child } = await startAgain());
      exited = new Promise<void>((done) => child.once('exit', () => done()));
    },
    stop() {
      stopping ??= (async () => {
        process.off('exit', killOnExit);
        // SIGINT is postgres's fast shutdown: ends sessions, no waiting for clients
        stopPostmaster(dataDir, child, 'SIGINT');
        await Promise.race([exited, new Promise((done) => setTimeout(done, 10_000))]);
        if (child.exitCode === null) stopPostmaster(dataDir, child, 'SIGKILL');
        rmSync(root, { recursive: true, force: true });
      })();
      return stopping;
    },
  };
}

// the spawned process may be runuser: signal the postmaster itself (its pid is in postmaster.pid)
function stopPostmaster(dataDir: string, child: ChildProcess, signal: NodeJS.Signals): void {
  const pidFile = join(dataDir, 'postmaster.pid');
  try {
    const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (Number.isSafeInteger(pid) && pid > 0) process.kill(pid, signal);
  } catch {
    // already gone, or never wrote its pid file
  }
  if (signal === 'SIGKILL') child.kill(signal);
}

/**
 * Creates an empty database with a random name on a server and returns its URL.
 *
 * @example
 * const url = await createTestDatabase('postgres://postgres@127.0.0.1:54321/postgres');
 */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `ringside_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function adminUrlFor(port: number): string {
  return `postgres://postgres@127.0.0.1:${port}/postgres`;
}
