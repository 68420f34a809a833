import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The lock file's name inside the data dir. */
export const LOCK_FILE_NAME = 'ringside.lock';

/**
 * Another live process (a running server, or this one) holds the embedded database.
 *
 * @example
 * try { await openDatabase({ dataDir }); } catch (error) {
 *   if (error instanceof DatabaseLockedError) console.error(`held by pid ${error.pid}`);
 * }
 */
export class DatabaseLockedError extends Error {
  readonly code = 'database_locked';
  override readonly name = 'DatabaseLockedError';

  constructor(
    readonly dataDir: string,
    readonly pid: number,
    readonly lockPath: string,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${pid} (a running Ringside server?); ` +
        `stop it first, or remove ${lockPath} if that process is not Ringside`,
    );
  }
}

/** A held lock; `release` is idempotent. */
export interface DataDirLock {
  readonly path: string;
  release(): void;
}

// lock paths this process holds: a second opener in the same process is refused too
const held = new Set<string>();
let exitHookInstalled = false;

/**
 * Takes the exclusive lock file of an embedded data dir (creating the dir), with this process's
 * pid inside. A lock left by a dead process is taken over; a live holder makes it throw
 * {@link DatabaseLockedError}.
 *
 * @example
 * const lock = acquireDataDirLock('./data');
 * try { … } finally { lock.release(); }
 */
export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE_NAME);
  // a few rounds: a stale file removed here may be re-created by another starter meanwhile
  for (let round = 0; round < 5; round += 1) {
    if (tryCreate(path)) return hold(path);
    const holder = readHolder(path);
    if (holder === undefined) continue; // vanished between our create and read: try again
    const ours = holder === process.pid && held.has(path);
    if (ours || (holder !== process.pid && isAlive(holder))) {
      throw new DatabaseLockedError(dir, holder, path);
    }
    removeIfStill(path, holder);
  }
  throw new Error(`could not take the lock ${path}: it keeps changing hands`);
}

function tryCreate(path: string): boolean {
  // write the pid aside, then link it into place: link fails if the lock exists, and a reader
  // never sees a half-written file
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, `${process.pid}\n`, { mode: 0o644 });
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw error;
  } finally {
    unlinkSync(temp);
  }
}

// the holder's pid; garbage (a file edited by hand) reads as pid 0, which is never alive
function readHolder(path: string): number | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number.parseInt(text.trim(), 10);
  return Number.isSafeInteger(pid) && pid > 0 ? pid : 0;
}

function isAlive(pid: number): boolean {
  if (pid <= 0) return false;
  try {
    // signal 0 checks existence without touching the process
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else
    return errorCode(error) === 'EPERM';
  }
}

function removeIfStill(path: string, pid: number): void {
  if (readHolder(path) !== pid) return;
  try {
    unlinkSync(path);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
}

function hold(path: string): DataDirLock {
  held.add(path);
  installExitHook();
  return {
    path,
    release() {
      if (!held.delete(path)) return;
      removeIfStill(path, process.pid);
    },
  };
}

// a crash leaves a stale file (taken over next time); a normal exit removes it
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const path of held) removeIfStill(path, process.pid);
  });
}

function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;
}
