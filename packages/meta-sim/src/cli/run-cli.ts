import { parseCliArgs, USAGE } from './args';
import { call, serve, type CliIo } from './commands';

/**
 * Runs one CLI command and returns the exit code: 0 done, 1 failed, 2 bad arguments.
 *
 * @example
 * process.exit(await runCli(process.argv.slice(2), { write, writeError, signal }));
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo & { writeError: (text: string) => void },
): Promise<number> {
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    io.writeError(`sim: ${parsed.message}\n${USAGE}\n`);
    return 2;
  }
  const command = parsed.value;
  switch (command.command) {
    case 'help':
      io.write(`${USAGE}\n`);
      return 0;
    case 'serve':
      return serve(command, io);
    case 'call':
      return call(command, io);
  }
}
