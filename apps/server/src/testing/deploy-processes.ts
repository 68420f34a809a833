// test-only: the programs docs/deploy.md installs (nginx, Caddy, coturn), run for a test
import { spawn, type ChildProcess } from 'node:child_process';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { io as connectSocket } from 'socket.io-client';
import { acceptsConnections, freePort } from './local-ports';
import { waitUntil, type ConsoleSocket } from './socket-helpers';

export { freePort };
export { testCertificate } from './test-certificate';

/** A program started for a test: its output so far, and a stop that waits for the exit. */
export interface TestProcess {
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `command` and resolves once it accepts TCP connections on `port`; fails with its output
 * when it exits first or does not listen within `timeoutMs`.
 *
 * @example
 * const nginx = await startListening('nginx', ['-c', conf], port);
 * // …
 * await nginx.stop();
 */
export async function startListening(
  command: string,
  args: readonly string[],
  port: number,
  options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {},
): Promise<TestProcess> {
  const child: ChildProcess = spawn(command, args, {
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (error) => {
      output += String(error);
      exited = true;
      resolve();
    });
  });
  const stop = async () => {
    if (!exited) child.kill('SIGTERM');
    await exit;
  };
  try {
    await waitUntil(
      `${command} listens on ${port}`,
      async () => {
        if (exited) throw new Error(`${command} exited: ${output}`);
        return acceptsConnections(port);
      },
      options.timeoutMs ?? 15_000,
    );
  } catch (error) {
    await stop();
    throw new Error(`${command} did not start: ${output}`, { cause: error });
  }
  return { output: () => output, stop };
}

/** what a proxy answered */
export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * An HTTP(S) request as a browser at `https://<host>` sends it: `Host: host`, TLS with `host` as
 * the server name, the test certificate accepted.
 */
export function send(
  url: string,
  host: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: init.method ?? 'GET',
        headers: { host, ...init.headers },
        rejectUnauthorized: false,
        servername: host,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.once('error', reject);
    req.end(init.body);
  });
}

/**
 * A console's Socket.IO connection (WebSocket only, as the console opens it) through `url`,
 * signed in with `cookie`, from a page on `origin`.
 */
export async function connectConsole(
  url: string,
  { host, origin, cookie }: { host: string; origin: string; cookie: string },
): Promise<ConsoleSocket> {
  const socket: ConsoleSocket = connectSocket(url, {
    transports: ['websocket'],
    extraHeaders: { cookie, origin, host },
    rejectUnauthorized: false,
    reconnection: false,
  });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', () => resolve());
      socket.once('connect_error', reject);
    });
  } catch (error) {
    socket.disconnect();
    throw error;
  }
  return socket;
}
