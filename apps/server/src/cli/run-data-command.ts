import { resolve } from 'node:path';
import type { CliEnv } from './cli-env';
import { backupEmbedded, restoreEmbedded } from './embedded-backup';
import { migrateToPostgres } from './migrate-to-postgres';
import type { CliCommand, DataDirCommand } from './parse-args';
import type { CliIo } from './run-cli';

/** Whether a command handles the embedded database's files itself, rather than through rows. */
export function isDataDirCommand(command: CliCommand): command is DataDirCommand {
  return (
    command.kind === 'migrate-to-postgres' ||
    command.kind === 'backup' ||
    command.kind === 'restore'
  );
}

/**
 * Runs a command that opens the embedded database (and PostgreSQL) on its own terms; a file
 * given relative is taken from where the user ran the command. Returns the exit code.
 *
 * @example
 * if (isDataDirCommand(command)) return runDataDirCommand(command, env, io);
 */
export function runDataDirCommand(
  command: DataDirCommand,
  env: CliEnv,
  io: CliIo,
): Promise<number> {
  switch (command.kind) {
    case 'migrate-to-postgres':
      return migrateToPostgres(command.databaseUrl, env, io);
    case 'backup':
      return backupEmbedded(
        { out: resolve(env.workDir, command.out), force: command.force },
        env,
        io,
      );
    case 'restore':
      return restoreEmbedded(
        { from: resolve(env.workDir, command.from), force: command.force },
        env,
        io,
      );
  }
}
