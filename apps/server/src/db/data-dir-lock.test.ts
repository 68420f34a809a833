import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DatabaseLockedError, LOCK_FILE_NAME } from './data-dir-lock';

const dirs: string[] = [];
const releases: (() => void)[] = [];
afterEach(() => {
  releases.splice(0).forEach((release) => release());
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringside-lock-'));
  dirs.push(dir);
  return join(dir, 'data');
}

function acquire(dir: string) {
  const lock = acquireDataDirLock(dir);
  releases.push(() => lock.release());
  return lock;
}

function lockedError(fn: () => unknown): DatabaseLockedError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DatabaseLockedError) return error;
    throw error;
  }
  throw new Error('expected DatabaseLockedError');
}

// a pid that belonged to a process that has exited
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('acquireDataDirLock', () => {
  it('creates the data dir and a lock file holding our pid', () => {
    const dir = dataDir();
    const lock = acquire(dir);
    expect(lock.path).toBe(join(dir, LOCK_FILE_NAME));
    expect(readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid));
  });

  it('refuses a second opener in the same process, naming the holder', () => {
    const dir = dataDir();
    acquire(dir);
    const error = lockedError(() => acquireDataDirLock(dir));
    expect(error.pid).toBe(process.pid);
    expect(error.code).toBe('database_locked');
    expect(error.message).toContain(String(process.pid));
  });

  it('refuses while another live process holds it', async () => {
    const dir = dataDir();
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], {
      stdio: 'ignore',
    });
    try {
      const pid = holder.pid ?? 0;
      acquire(dir).release();
      writeFileSync(join(dir, LOCK_FILE_NAME), `${pid}\n`);
      const error = lockedError(() => acquireDataDirLock(dir));
      expect(error.pid).toBe(pid);
      expect(error.dataDir).toBe(dir);
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('takes over a lock left by a process that died', () => {
    const dir = dataDir();
    acquire(dir).release();
    writeFileSync(join(dir, LOCK_FILE_NAME), `${deadPid()}\n`);
    const lock = acquire(dir);
    expect(readFileSync(lock.path, 'utf8').trim()).toBe(String(process.pid));
  });

  it('takes over a lock file with garbage in it', () => {
    const dir = dataDir();
    acquire(dir).release();
    writeFileSync(join(dir, LOCK_FILE_NAME), 'not a pid');
    expect(readFileSync(acquire(dir).path, 'utf8').trim()).toBe(String(process.pid));
  });

  it('removes the file on release, so the next opener gets it', () => {
    const dir = dataDir();
    const lock = acquireDataDirLock(dir);
    lock.release();
    lock.release();
    expect(existsSync(lock.path)).toBe(false);
    acquire(dir);
  });

  it('leaves a lock it no longer owns alone on release', () => {
    const dir = dataDir();
    const lock = acquireDataDirLock(dir);
    writeFileSync(lock.path, '1\n'); // someone replaced it (pid 1 is always alive)
    lock.release();
    expect(readFileSync(lock.path, 'utf8')).toBe('1\n');
  });
});
