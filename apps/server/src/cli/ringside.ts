// the admin CLI's entry: `pnpm ringside <command>` (see ./parse-args.ts for the commands)
import { runCli } from './run-cli';

process.exitCode = await runCli(process.argv.slice(2), process.env, process.cwd(), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
});
