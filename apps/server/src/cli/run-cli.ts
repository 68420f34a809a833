import type { ScryptCost } from '../auth/passwords';
import { DatabaseLockedError } from '../db/data-dir-lock';
import type { Database } from '../db/database';
import { openDatabase } from '../db/open-database';
import { createSecretBox, loadOrCreateSecretsKey, SecretBoxError } from '../db/secret-box';
import { readCliEnv, type CliEnv } from './cli-env';
import { runDoctorCommand } from '../doctor/doctor-command';
import { runCommand } from './commands';
import { lockedMessage } from './locked-message';
import { parseCliArgs, USAGE } from './parse-args';
import { isDataDirCommand, runDataDirCommand } from './run-data-command';

/** Where the CLI writes: one JSON object on stdout, messages on stderr. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** What tests may change; `ringside.ts`, the CLI users run, passes none. */
export interface CliOptions {
  /** test-only: hash `user add` passwords at this cost instead of the real SCRYPT_COST */
  readonly testOnlyPasswordCost?: ScryptCost;
}

/** Exit codes: 0 done, 1 could not run (database busy or unreachable, configuration), 2 bad arguments. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/**
 * The admin CLI: parses `argv`, opens the configured database, runs one command and prints
 * what it created as one JSON object. Returns the exit code.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), process.env, process.cwd(), {
 *   stdout: (text) => process.stdout.write(`${text}\n`),
 *   stderr: (text) => process.stderr.write(`${text}\n`),
 * });
 */
export async function runCli(
  argv: readonly string[],
  environment: NodeJS.ProcessEnv,
  cwd: string,
  io: CliIo,
  options: CliOptions = {},
): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.stderr(`ringside: ${parsed.message}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { command } = parsed;
  if (command.kind === 'help') {
    io.stdout(USAGE);
    return EXIT.ok;
  }
  const read = readCliEnv(environment, cwd);
  if (!read.ok) {
    io.stderr(`ringside: bad configuration: ${read.message}`);
    return EXIT.failed;
  }
  const { env } = read;
  if (isDataDirCommand(command)) return runDataDirCommand(command, env, io);
  const database = await open(env, io);
  if (!database) return EXIT.failed;
  try {
    if (command.kind === 'doctor') {
      return await runDoctorCommand(command, environment, database.db, () => secretBox(env), io);
    }
    const outcome = await runCommand(command, {
      db: database.db,
      secretBox: () => secretBox(env),
      testOnlyPasswordCost: options.testOnlyPasswordCost,
    });
    if (!outcome.ok) {
      io.stderr(`ringside: ${outcome.message}`);
      return EXIT.usage;
    }
    io.stdout(JSON.stringify(outcome.output));
    return EXIT.ok;
  } catch (error) {
    io.stderr(`ringside: ${describe(error)}`);
    return EXIT.failed;
  } finally {
    await database.close();
  }
}

async function open(env: CliEnv, io: CliIo): Promise<Database | undefined> {
  try {
    return await openDatabase({ databaseUrl: env.databaseUrl, dataDir: env.dataDir });
  } catch (error) {
    if (error instanceof DatabaseLockedError) {
      io.stderr(
        `ringside: ${lockedMessage(error)}, or set DATABASE_URL to use PostgreSQL, which the ` +
          'CLI can use while the server runs.',
      );
    } else {
      io.stderr(`ringside: could not open the database: ${describe(error)}`);
    }
    return undefined;
  }
}

function secretBox(env: CliEnv) {
  if (env.secretsKey) return createSecretBox(env.secretsKey);
  if (env.databaseUrl) {
    throw new CliConfigError('SECRETS_KEY is required with DATABASE_URL (32 bytes, base64)');
  }
  // the embedded default keeps its key beside the database, as the server does
  return createSecretBox(loadOrCreateSecretsKey(env.dataDir));
}

class CliConfigError extends Error {}

function describe(error: unknown): string {
  if (error instanceof CliConfigError) return error.message;
  if (error instanceof SecretBoxError && error.code === 'invalid_key') {
    return 'SECRETS_KEY must be 32 bytes of base64';
  }
  return error instanceof Error ? error.message : String(error);
}
