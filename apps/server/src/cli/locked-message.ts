import type { DatabaseLockedError } from '../db/data-dir-lock';

/**
 * What the CLI says when a running server holds the embedded database it needs (no final
 * stop: a command may add what else can be done).
 *
 * @example
 * io.stderr(`ringside: ${lockedMessage(error)}.`);
 */
export function lockedMessage(error: DatabaseLockedError): string {
  return (
    `the embedded database in ${error.dataDir} is in use by a running Ringside ` +
    `server (pid ${error.pid}). Stop the server and run this again`
  );
}
