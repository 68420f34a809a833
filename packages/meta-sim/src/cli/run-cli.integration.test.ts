import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeMediaFactory } from '../engine/fake-media';
import { startTestReceiver, type TestReceiver } from '../webhooks/test-receiver';
import { runCli } from './run-cli';

const SECRET = 'cli-test-secret-value';
const TOKEN = 'cli-test-token-value';

let receiver: TestReceiver | undefined;
afterEach(async () => {
  await receiver?.close();
  receiver = undefined;
});

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const controller = new AbortController();
  return {
    io: {
      write: (t: string) => void out.push(t),
      writeError: (t: string) => void err.push(t),
      signal: controller.signal,
      media: createFakeMediaFactory(),
    },
    abort: () => controller.abort(),
    lines: () =>
      out
        .join('')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
    text: () => out.join('') + err.join(''),
    err: () => err.join(''),
  };
}

describe('sim call (in process)', () => {
  it('places a call, prints what happens as JSON lines, exits 0 when it ends, never prints secrets', async () => {
    receiver = await startTestReceiver();
    const run = capture();
    const code = await runCli(
      [
        'call',
        '--channel',
        'whatsapp',
        '--webhook-url',
        receiver.url,
        '--graph-port',
        '0',
        '--app-secret',
        SECRET,
        '--wa-token',
        TOKEN,
        '--name',
        'Rahul',
        '--ring-timeout',
        '0.2',
      ],
      run.io,
    );
    expect(code).toBe(0);
    const events = run.lines().map((l) => l.event);
    expect(events[0]).toBe('listening');
    expect(events).toContain('call.placed');
    expect(events).toContain('webhook.attempt');
    expect(events.at(-1)).toBe('call.ended');
    expect(run.lines().at(-1)).toMatchObject({
      state: 'ended',
      reason: 'not-answered',
      userName: 'Rahul',
    });
    expect(run.text()).not.toContain(SECRET);
    expect(run.text()).not.toContain(TOKEN);
    expect(receiver.received.map((r) => r.raw.toString().includes('"event":"terminate"'))).toEqual([
      false,
      true,
    ]);
  });

  it('hangs up when interrupted', async () => {
    receiver = await startTestReceiver();
    const run = capture();
    const done = runCli(
      ['call', '--channel', 'messenger', '--webhook-url', receiver.url, '--graph-port', '0'],
      run.io,
    );
    await receiver.waitFor(1);
    run.abort();
    expect(await done).toBe(0);
    expect(run.lines().at(-1)).toMatchObject({ event: 'call.ended', reason: 'user-hung-up' });
  });

  it('exits 1 with a message when the port is taken', async () => {
    receiver = await startTestReceiver();
    const port = new URL(receiver.url).port;
    const run = capture();
    const code = await runCli(
      ['call', '--channel', 'messenger', '--webhook-url', receiver.url, '--graph-port', port],
      run.io,
    );
    expect(code).toBe(1);
    expect(run.lines().at(-1)).toMatchObject({
      event: 'error',
      message: expect.stringContaining('cannot listen'),
    });
  });

  it('exits 2 on bad arguments with the reason and usage on stderr', async () => {
    const run = capture();
    expect(await runCli(['call', '--channel', 'fax'], run.io)).toBe(2);
    expect(run.err()).toMatch(/^sim: .*fax/);
    expect(run.err()).toContain('usage:');
  });
});

// a cold tsx start (transpile, werift, opus) takes seconds on a busy 2-core box: the 5 s default
// would time out a start that is merely slow, so these wait up to 30 s for the process's exit
describe('pnpm sim (a real process)', { timeout: 30_000 }, () => {
  const main = fileURLToPath(new URL('./main.ts', import.meta.url));
  const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

  function runProcess(args: string[]) {
    const child = spawn(tsx, [main, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    return { child, exit, out: () => out, err: () => err };
  }

  it('exits 2 on a bad argument', async () => {
    const run = runProcess(['serve', '--graph-port', 'nope']);
    expect(await run.exit).toBe(2);
    expect(run.err()).toContain('--graph-port');
  });

  it('serve prints where it listens (no secrets), places a call from stdin, stops on SIGTERM', async () => {
    const run = runProcess([
      'serve',
      '--graph-port',
      '0',
      '--app-secret',
      SECRET,
      '--wa-token',
      TOKEN,
    ]);
    const started = Date.now();
    while (!run.out().includes('\n') && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const listening = JSON.parse(run.out().split('\n')[0] ?? '{}') as {
      event?: string;
      graph?: string;
    };
    expect(listening.event).toBe('listening');
    expect(listening.graph).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v24\.0$/);
    const res = await fetch(`${listening.graph}/${'115017831530658'}/settings`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(res.status).toBe(200);
    run.child.stdin.write('call messenger Ana\n');
    while (!run.out().includes('call.placed') && Date.now() - started < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
    expect(run.out()).toContain('"event":"call.placed"');
    expect(run.out()).not.toContain(SECRET);
    expect(run.out()).not.toContain(TOKEN);
  }, 30_000);
});
