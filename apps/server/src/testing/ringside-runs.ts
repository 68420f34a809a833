// test-only: the admin CLI run two ways, as a user's process and as runCli in the test's process
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { TEST_ONLY_SCRYPT_COST, type ScryptCost } from '../auth/passwords';
import { openDatabase } from '../db/open-database';
import { createUsersRepo } from '../repos/users';
import { runCli } from '../cli/run-cli';

const SERVER_DIR = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(SERVER_DIR, 'node_modules', '.bin', 'tsx');

/** what one run of the CLI printed, and its exit code */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `pnpm ringside …` as a user runs it: a child process (src/cli/ringside.ts) with its own
 * environment, the real password cost. A few seconds each: keep these few.
 */
export function ringsideProcess(args: string[], env: Record<string, string>): Promise<Run> {
  const { DATABASE_URL: _url, SECRETS_KEY: _key, DATA_DIR: _dir, ...inherited } = process.env;
  return new Promise((resolve) => {
    execFile(
      TSX,
      ['src/cli/ringside.ts', ...args],
      { cwd: SERVER_DIR, env: { ...inherited, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

/**
 * The same entry the process runs (runCli: parse, configuration from `env` alone, open the
 * database, one command, close), in this process, hashing passwords at the test-only cost.
 */
export async function ringside(args: string[], env: Record<string, string>): Promise<Run> {
  const run: Run = { code: 0, stdout: '', stderr: '' };
  const io = {
    stdout: (text: string) => void (run.stdout += `${text}\n`),
    stderr: (text: string) => void (run.stderr += `${text}\n`),
  };
  run.code = await runCli(args, env, SERVER_DIR, io, {
    testOnlyPasswordCost: TEST_ONLY_SCRYPT_COST,
  });
  return run;
}

/** the one JSON object a successful run prints, after checking it said nothing else */
export function json(run: Run): Record<string, unknown> {
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const lines = run.stdout.trim().split('\n');
  expect(lines).toHaveLength(1);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

/** the scrypt cost a user's stored password hash was made with (opens the embedded database) */
export async function storedCost(dataDir: string, email: string): Promise<ScryptCost | undefined> {
  const database = await openDatabase({ dataDir });
  try {
    const user = await createUsersRepo(database.db).findUserByEmail(email);
    const [, N, r, p] = user?.passwordHash.split('$') ?? [];
    return user && { N: Number(N), r: Number(r), p: Number(p) };
  } finally {
    await database.close();
  }
}
