import { fork, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** What goes over the IPC channel: requests carry an id, replies echo it. */
type Envelope =
  | { readonly kind: 'ready' }
  | { readonly kind: 'request'; readonly id: number; readonly body: unknown }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: true; readonly body: unknown }
  | { readonly kind: 'reply'; readonly id: number; readonly ok: false; readonly error: string };

/** A helper process that answers requests, one reply per request. */
export interface Child<Request, Reply> {
  request(body: Request, timeoutMs: number): Promise<Reply>;
  /** asks the child to finish (it cleans up on disconnect), killing it after a grace period */
  close(): Promise<void>;
}

// TypeScript children run through the same loader as `pnpm bench`
const TSX_LOADER = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
const READY_TIMEOUT_MS = 30_000;
const CLOSE_GRACE_MS = 5_000;

/**
 * Starts `script` (a TypeScript file that calls {@link serveParent}) in its own process, so load
 * generators and clients do not share the event loop of the server they measure. Its stdout goes
 * to our stderr: stdout is for figures only.
 *
 * @example
 * const fleet = await startChild<FleetRequest, FleetReply>(new URL('./socket-fleet.ts', import.meta.url));
 * const reply = await fleet.request({ kind: 'disconnect', group: 'agents' }, 10_000);
 * await fleet.close();
 */
export async function startChild<Request, Reply>(script: URL): Promise<Child<Request, Reply>> {
  const child = fork(fileURLToPath(script), [], {
    execArgv: ['--import', TSX_LOADER],
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const pending = new Map<
    number,
    { resolve: (body: unknown) => void; reject: (error: Error) => void; timer: NodeJS.Timeout }
  >();
  let nextId = 0;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  // a send racing the child's exit fails through its callback; the event must not crash us
  child.on('error', (error) => console.error(`${script.pathname}: ${error.message}`));
  child.on('message', (message: unknown) => {
    if (!isEnvelope(message) || message.kind !== 'reply') return;
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    clearTimeout(waiting.timer);
    if (message.ok) waiting.resolve(message.body);
    else waiting.reject(new Error(message.error));
  });
  child.once('exit', (code, signal) => {
    for (const [id, waiting] of pending) {
      clearTimeout(waiting.timer);
      waiting.reject(new Error(`${script.pathname} exited (${signal ?? code}) before replying`));
      pending.delete(id);
    }
  });

  await waitReady(child, script);

  return {
    request(body, timeoutMs) {
      const id = nextId++;
      return new Promise<Reply>((resolve, reject) => {
        const timer = setTimeout(() => {
          pending.delete(id);
          reject(new Error(`no reply from ${script.pathname} within ${timeoutMs} ms`));
        }, timeoutMs);
        if (!child.connected) {
          clearTimeout(timer);
          reject(new Error(`${script.pathname} is closed`));
          return;
        }
        pending.set(id, { resolve: (reply) => resolve(reply as Reply), reject, timer });
        const envelope: Envelope = { kind: 'request', id, body };
        child.send(envelope, (error) => {
          if (!error) return;
          clearTimeout(timer);
          pending.delete(id);
          reject(error);
        });
      });
    },
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      if (child.connected) child.disconnect();
      const killer = setTimeout(() => child.kill('SIGKILL'), CLOSE_GRACE_MS);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * The child's side: answers each request with `handle`'s result (or its error's message), and
 * runs `cleanup` then exits when the parent goes away, so no helper outlives a bench.
 *
 * @example
 * serveParent(async (request: FleetRequest) => handle(request), () => fleet.closeAll());
 */
export function serveParent<Request, Reply>(
  handle: (request: Request) => Promise<Reply>,
  cleanup: () => Promise<void> | void = () => undefined,
): void {
  const send = (envelope: Envelope) => process.send?.(envelope);
  process.on('message', (message: unknown) => {
    if (!isEnvelope(message) || message.kind !== 'request') return;
    const { id } = message;
    handle(message.body as Request).then(
      (body) => send({ kind: 'reply', id, ok: true, body }),
      (error: unknown) =>
        send({
          kind: 'reply',
          id,
          ok: false,
          error: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  process.once('disconnect', () => {
    Promise.resolve(cleanup())
      .catch((error: unknown) => console.error('cleanup failed:', error))
      .finally(() => process.exit(0));
  });
  send({ kind: 'ready' });
}

function waitReady(child: ChildProcess, script: URL): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script.pathname} did not start within ${READY_TIMEOUT_MS} ms`));
    }, READY_TIMEOUT_MS);
    const onMessage = (message: unknown) => {
      if (!isEnvelope(message) || message.kind !== 'ready') return;
      done();
      resolve();
    };
    const onExit = (code: number | null) => {
      done();
      reject(new Error(`${script.pathname} exited (${code}) while starting`));
    };
    const done = () => {
      clearTimeout(timer);
      child.off('message', onMessage);
      child.off('exit', onExit);
    };
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

function isEnvelope(message: unknown): message is Envelope {
  return typeof message === 'object' && message !== null && 'kind' in message;
}
