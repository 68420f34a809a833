import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  acceptsConnections,
  freePort,
  testCertificate,
} from '../../apps/server/src/testing/e2e-entry';

const TURNSERVER = ['/usr/bin/turnserver', '/usr/local/bin/turnserver'].find((p) => existsSync(p));

/** how the browser reaches the relay */
export type TurnTransport = 'udp' | 'tcp' | 'tls';

export interface TestTurnServer {
  /** the shared secret coturn checks credentials against (`TURN_SECRET`) */
  readonly secret: string;
  /** the `turn:` / `turns:` URI for one transport */
  url(transport: TurnTransport): string;
  /** freezes the relay (SIGSTOP): every relayed packet stops, as when a network path drops */
  pause(): void;
  /** thaws it (SIGCONT): the path is back */
  resume(): void;
  stop(): Promise<void>;
}

/**
 * A real TURN relay — Debian's coturn — on 127.0.0.1 at free ports, checking credentials in the
 * TURN REST API scheme against a fresh shared secret (`use-auth-secret`), as a deployment's
 * would. It relays to loopback peers (the simulated Meta) and listens for TURN over UDP, TCP
 * and TLS. Fails with a clear message when coturn is not installed; `stop` ends the process.
 *
 * @example
 * const turn = await startTurnServer();
 * const ice = { turnUrls: [turn.url('tcp')], turnSecret: turn.secret, transportPolicy: 'relay' };
 * await turn.stop();
 */
export async function startTurnServer(): Promise<TestTurnServer> {
  if (!TURNSERVER) {
    throw new Error('coturn is not installed (apt-get install -y coturn); .ci/run installs it');
  }
  const dir = mkdtempSync(join(tmpdir(), 'ringside-turn-'));
  // a throwaway certificate for turns: (Chromium does not check a TURN server's)
  const { cert, key } = testCertificate(dir, '127.0.0.1');
  const port = await freePort();
  const tlsPort = await freePort();
  // a relay port range of this run's own, away from the listeners
  const minPort = 20_000 + Math.floor(Math.random() * 400) * 100;
  const secret = randomBytes(18).toString('base64url');
  const child: ChildProcess = spawn(
    TURNSERVER,
    [
      '-n',
      '--listening-ip=127.0.0.1',
      `--listening-port=${port}`,
      `--tls-listening-port=${tlsPort}`,
      '--relay-ip=127.0.0.1',
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=ringside.test',
      '--allow-loopback-peers',
      '--no-dtls',
      `--cert=${cert}`,
      `--pkey=${key}`,
      '--no-cli',
      `--min-port=${minPort}`,
      `--max-port=${minPort + 99}`,
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGCONT');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  while (!(await acceptsConnections(port)) || !(await acceptsConnections(tlsPort))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`coturn did not start:\n${output.join('').slice(-2000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    secret,
    url: (transport) =>
      transport === 'tls'
        ? `turns:127.0.0.1:${tlsPort}?transport=tcp`
        : `turn:127.0.0.1:${port}?transport=${transport}`,
    pause: () => void child.kill('SIGSTOP'),
    resume: () => void child.kill('SIGCONT'),
    stop,
  };
}
