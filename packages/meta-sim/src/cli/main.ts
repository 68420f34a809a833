// `pnpm sim …`: the simulator's command line; everything happens in run-cli, this only wires the process
import { runCli } from './run-cli';

const controller = new AbortController();
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => controller.abort());

const code = await runCli(process.argv.slice(2), {
  write: (text) => process.stdout.write(text),
  writeError: (text) => process.stderr.write(text),
  signal: controller.signal,
  stdin: process.stdin,
});
// webrtc sockets or stdin may keep the loop alive after a clean close
process.exit(code);
