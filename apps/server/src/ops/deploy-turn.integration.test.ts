import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect as tlsConnect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { iceConfigFor } from '../rtc/ice-settings';
import { readDeployFile, replaceExactly } from '../testing/deploy-guide';
import {
  freePort,
  startListening,
  testCertificate,
  type TestProcess,
} from '../testing/deploy-processes';
import { waitUntil } from '../testing/socket-helpers';
import { openTurnClient } from '../testing/turn-client';

const shipped = readDeployFile('turnserver.conf');
const dir = mkdtempSync(join(tmpdir(), 'ringside-coturn-'));
const secret = randomBytes(32).toString('hex');
const running: TestProcess[] = [];

/**
 * The shipped file on this machine: free ports, a relay range of this run's own, the test's
 * secret and certificate, logs to stdout, files in the test's folder, on 127.0.0.1 only.
 * Everything else (credentials scheme, realm, peer rules) as shipped.
 */
async function adapted(name: string, edit: (text: string) => string = (t) => t) {
  const port = await freePort();
  const tlsPort = await freePort();
  const minPort = 20_000 + Math.floor(Math.random() * 400) * 100;
  let text = replaceExactly(shipped, 'listening-port=3478', `listening-port=${port}`);
  text = replaceExactly(text, 'tls-listening-port=5349', `tls-listening-port=${tlsPort}`);
  text = replaceExactly(text, 'min-port=49160', `min-port=${minPort}`);
  text = replaceExactly(text, 'max-port=49999', `max-port=${minPort + 99}`);
  text = replaceExactly(
    text,
    'static-auth-secret=CHANGE-ME-same-as-TURN_SECRET',
    `static-auth-secret=${secret}`,
  );
  text = replaceExactly(text, '/etc/letsencrypt/live/turn.example.com/', `${dir}/`, 2);
  text = replaceExactly(text, 'log-file=syslog', 'log-file=stdout');
  text = `${edit(text)}\nlistening-ip=127.0.0.1\nrelay-ip=127.0.0.1\npidfile=${dir}/${name}.pid\nuserdb=${dir}/${name}.db\n`;
  const file = join(dir, `${name}.conf`);
  writeFileSync(file, text);
  const relay = await startListening('turnserver', ['-c', file], port);
  running.push(relay);
  // TCP listens first; UDP and the auth thread follow
  const probe = await openTurnClient(port);
  try {
    await waitUntil(`coturn answers on UDP ${port}`, () => probe.answers());
  } finally {
    await probe.close();
  }
  return { port, tlsPort, minPort };
}

// credentials exactly as the server hands them to a console (GET /api/rtc/ice)
function consoleCredentials(port: number) {
  const config = iceConfigFor(
    {
      stunUrls: [],
      turnUrls: [`turn:127.0.0.1:${port}?transport=udp`],
      turnSecret: secret,
      transportPolicy: 'relay',
    },
    'user-6f1c',
    new Date(),
  );
  const server = config.iceServers[0];
  return { username: server?.username ?? '', password: server?.credential ?? '' };
}

let relay: Awaited<ReturnType<typeof adapted>>;
beforeAll(async () => {
  testCertificate(dir, 'turn.example.com');
  relay = await adapted('shipped');
});

afterAll(async () => {
  for (const process of running) await process.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('docs/deploy/turnserver.conf with coturn', () => {
  it('grants a relay to the credentials Ringside gives a console, and refuses a wrong password', async () => {
    const { username, password } = consoleCredentials(relay.port);
    const client = await openTurnClient(relay.port);
    try {
      const wrong = await openTurnClient(relay.port);
      expect(await wrong.allocate(username, `${password}x`)).toEqual({ ok: false, code: 401 });
      await wrong.close();

      const allocation = await client.allocate(username, password);
      expect(allocation.ok).toBe(true);
      const relayedPort = Number(allocation.ok ? allocation.relayed?.split(':')[1] : 0);
      expect(relayedPort).toBeGreaterThanOrEqual(relay.minPort);
      expect(relayedPort).toBeLessThanOrEqual(relay.minPort + 99);
    } finally {
      await client.close();
    }
  });

  it('relays to the internet (Meta) but not to private networks', async () => {
    const { username, password } = consoleCredentials(relay.port);
    const client = await openTurnClient(relay.port);
    try {
      expect((await client.allocate(username, password)).ok).toBe(true);
      expect(await client.createPermission('157.240.229.60')).toEqual({ ok: true });
      expect(await client.createPermission('10.1.2.3')).toEqual({ ok: false, code: 403 });
      expect(await client.createPermission('192.168.1.20')).toEqual({ ok: false, code: 403 });
    } finally {
      await client.close();
    }

    // the refusals are the file's: without its denied-peer-ip lines the same peers pass
    const open = await adapted('no-peer-rules', (text) =>
      text
        .split('\n')
        .filter((line) => !line.startsWith('denied-peer-ip='))
        .join('\n'),
    );
    const unguarded = await openTurnClient(open.port);
    try {
      const credentials = consoleCredentials(open.port);
      expect((await unguarded.allocate(credentials.username, credentials.password)).ok).toBe(true);
      expect(await unguarded.createPermission('10.1.2.3')).toEqual({ ok: true });
    } finally {
      await unguarded.close();
    }
  });

  it('answers turns: (TLS) with the configured certificate', async () => {
    const subject = await new Promise<string>((resolve, reject) => {
      const socket = tlsConnect(
        { host: '127.0.0.1', port: relay.tlsPort, rejectUnauthorized: false },
        () => {
          const name = socket.getPeerCertificate().subject?.CN ?? '';
          socket.destroy();
          resolve(Array.isArray(name) ? name.join(',') : name);
        },
      );
      socket.once('error', reject);
    });
    expect(subject).toBe('turn.example.com');
  });
});
