import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import type { CallHandle } from '../engine/call-handle';
import type { CallerMediaFactory } from '../media/media-endpoint';
import type { CliCommand } from './args';
import { createPrinter, printableUrl, type LinePrinter } from './printer';
import { describeChannels, secretsOf, simOptions } from './sim-options';

export interface CliIo {
  write: (text: string) => void;
  /** aborted on SIGINT / SIGTERM */
  signal: AbortSignal;
  /** `serve` reads commands from here (`call whatsapp Rahul`, `hangup <id>`) */
  stdin?: Readable;
  /** media for placed calls; default: werift (tests may pass another) */
  media?: CallerMediaFactory;
}

const STATS_EVERY_MS = 2_000;
/** how long to wait for the last webhooks before exiting */
const SETTLE_MS = 10_000;

/**
 * `serve`: the Graph emulator on `--graph-port` until interrupted; lines on stdin place calls.
 *
 * @example
 * const code = await serve(command, { write: (s) => process.stdout.write(s), signal });
 */
export async function serve(
  command: Extract<CliCommand, { command: 'serve' }>,
  io: CliIo,
): Promise<number> {
  const printer = createPrinter(io.write, secretsOf(command));
  const options = simOptions(command, printer);
  const sim = createMetaSim({ ...options, ...(io.media ? { media: io.media } : {}) });
  const started = await listen(sim, command, printer);
  if (!started) return 1;
  printer.line('listening', {
    graph: `${started}/${sim.graphVersion}`,
    webhookUrl: command.webhookUrl === null ? null : printableUrl(command.webhookUrl),
    ...describeChannels(options),
    commands: ['call whatsapp|messenger [name]', 'hangup <call id>'],
  });
  const lines = io.stdin ? createInterface({ input: io.stdin }) : null;
  lines?.on('line', (line) => void runLine(sim, printer, line));
  await new Promise<void>((resolve) => {
    if (io.signal.aborted) resolve();
    io.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  lines?.close();
  await sim.close();
  printer.line('closed');
  return 0;
}

/**
 * `call`: one call from a simulated user, printed as it goes; exits when it ends.
 *
 * @example
 * const code = await call(command, { write: (s) => process.stdout.write(s), signal });
 */
export async function call(
  command: Extract<CliCommand, { command: 'call' }>,
  io: CliIo,
): Promise<number> {
  const printer = createPrinter(io.write, secretsOf(command));
  const options = simOptions(command, printer);
  const sim = createMetaSim({
    ...options,
    ...(io.media ? { media: io.media } : {}),
    callerMedia: { source: command.source, echo: command.echo },
  });
  const started = await listen(sim, command, printer);
  if (!started) return 1;
  printer.line('listening', {
    graph: `${started}/${sim.graphVersion}`,
    ...describeChannels(options),
  });
  let handle: CallHandle;
  try {
    handle = await sim.placeCall({
      channel: command.channel,
      ...(command.from === null ? {} : { from: command.from }),
      ...(command.name === null ? {} : { name: command.name }),
      ...(command.to === null ? {} : { to: command.to }),
      ...(command.link === null ? {} : { link: command.link }),
      ...(command.ctaPayload === null ? {} : { ctaPayload: command.ctaPayload }),
    });
  } catch (error) {
    printer.line('error', { message: error instanceof Error ? error.message : String(error) });
    await sim.close();
    return 1;
  }
  const snap = handle.snapshot();
  printer.line('call.placed', {
    callId: handle.id,
    channel: snap.channel,
    from: snap.userId,
    name: snap.userName,
  });
  const hangUp = () => void handle.hangUp();
  io.signal.addEventListener('abort', hangUp, { once: true });
  const stats = setInterval(() => {
    if (handle.state === 'accepted')
      printer.line('media.stats', { callId: handle.id, ...handle.stats() });
  }, STATS_EVERY_MS);
  if (command.hangupAfterS !== null) {
    const delay = command.hangupAfterS * 1000;
    void handle.waitFor('accepted', { timeoutMs: 2 ** 31 - 1 }).then(
      () => setTimeout(hangUp, delay),
      () => undefined,
    );
  }
  await handle.waitFor('ended', { timeoutMs: 2 ** 31 - 1 }).catch(() => undefined);
  clearInterval(stats);
  io.signal.removeEventListener('abort', hangUp);
  await Promise.race([
    sim.webhooksSettled(),
    new Promise((resolve) => setTimeout(resolve, SETTLE_MS)),
  ]);
  printer.line('call.ended', { ...handle.snapshot(), stats: handle.stats() });
  await sim.close();
  return 0;
}

async function listen(
  sim: MetaSim,
  command: { graphPort: number; host: string },
  printer: LinePrinter,
): Promise<string | null> {
  try {
    return await sim.listen(command.graphPort, command.host);
  } catch (error) {
    printer.line('error', {
      message: `cannot listen on ${command.host}:${command.graphPort}: ${error instanceof Error ? error.message : String(error)}`,
    });
    await sim.close();
    return null;
  }
}

async function runLine(sim: MetaSim, printer: LinePrinter, line: string): Promise<void> {
  const [verb, arg, ...rest] = line.trim().split(/\s+/);
  try {
    if (verb === 'call' && (arg === 'whatsapp' || arg === 'messenger')) {
      const name = rest.join(' ');
      const handle = await sim.placeCall({ channel: arg, ...(name ? { name } : {}) });
      printer.line('call.placed', {
        callId: handle.id,
        channel: arg,
        from: handle.snapshot().userId,
      });
    } else if (verb === 'hangup' && arg !== undefined) {
      const handle = sim.call(arg);
      if (!handle) printer.line('error', { message: `no call ${arg}` });
      else await handle.hangUp();
    } else if (verb) {
      printer.line('error', {
        message: `unknown command "${line.trim()}": call whatsapp|messenger [name], hangup <id>`,
      });
    }
  } catch (error) {
    printer.line('error', { message: error instanceof Error ? error.message : String(error) });
  }
}
