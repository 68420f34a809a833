import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signMetaPayload } from '@ringside/contracts/signature';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WEBHOOK_BYTES } from '../webhooks/meta-webhook-router';
import { DEPLOY_DIR, readDeployFile, replaceExactly } from '../testing/deploy-guide';
import {
  connectConsole,
  freePort,
  send as sendAs,
  startListening,
  type TestProcess,
} from '../testing/deploy-processes';
import { APP_SECRET, command, ORIGIN, useStack, type ConsoleSocket } from '../testing/test-stack';

const HOST = 'ringside.example.com';
const shipped = readDeployFile('Caddyfile');
const stack = useStack();
const dir = mkdtempSync(join(tmpdir(), 'ringside-caddy-'));
// Caddy keeps certificates and its autosave under HOME / XDG: the test's folder, not the user's
const env = {
  ...process.env,
  HOME: dir,
  XDG_DATA_HOME: join(dir, 'data'),
  XDG_CONFIG_HOME: join(dir, 'config'),
};
let caddy: TestProcess | undefined;
let port = 0;
const sockets: ConsoleSocket[] = [];

const send = (url: string, init?: Parameters<typeof sendAs>[2]) => sendAs(url, HOST, init);
const proxied = (path: string) => `http://127.0.0.1:${port}${path}`;

function validate(file: string) {
  return spawnSync('caddy', ['validate', '--config', file, '--adapter', 'caddyfile'], {
    encoding: 'utf8',
    env,
  });
}

beforeAll(async () => {
  port = await freePort();
  const upstream = new URL(stack().url).port;
  // the shipped site on plain http at a free port of 127.0.0.1 (automatic HTTPS is what
  // `validate` checked), in front of the test server; no admin endpoint, so runs side by side
  // do not collide
  let site = replaceExactly(shipped, `${HOST} {`, `http://${HOST}:${port} {\n\tbind 127.0.0.1`);
  site = replaceExactly(
    site,
    'reverse_proxy 127.0.0.1:3000',
    `reverse_proxy 127.0.0.1:${upstream}`,
  );
  const file = join(dir, 'Caddyfile');
  writeFileSync(file, `{\n\tadmin off\n}\n\n${site}`);
  caddy = await startListening('caddy', ['run', '--config', file, '--adapter', 'caddyfile'], port, {
    env,
  });
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await caddy?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('docs/deploy/Caddyfile', () => {
  it('caddy validate accepts the file as shipped, automatic HTTPS and all, and refuses a broken one', () => {
    const checked = validate(join(DEPLOY_DIR, 'Caddyfile'));
    expect(checked.stdout + checked.stderr).toContain('Valid configuration');
    expect(checked.stderr).toContain('enabling automatic HTTP->HTTPS redirects');
    expect(checked.status).toBe(0);

    const broken = join(dir, 'broken.Caddyfile');
    writeFileSync(
      broken,
      replaceExactly(shipped, 'reverse_proxy 127.0.0.1:3000', 'reverse_prox 127.0.0.1:3000'),
    );
    const refused = validate(broken);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('reverse_prox');
  });

  it('passes a console’s Socket.IO WebSocket, Meta’s 3 MB deliveries unchanged, and hides /metrics', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const cookie = await stack().signIn(agent.email);
    const socket = await connectConsole(proxied(''), { host: HOST, origin: ORIGIN, cookie });
    sockets.push(socket);
    expect(socket.io.engine.transport.name).toBe('websocket');
    expect(await command(socket, 'agent:set-status', { status: 'available' })).toMatchObject({
      ok: true,
    });

    const envelope = '{"object":"whatsapp_business_account","entry":[],"padding":""}';
    const body = envelope.replace(
      '""',
      `"${'x'.repeat(MAX_WEBHOOK_BYTES - envelope.length - 10)}"`,
    );
    const headers = {
      'content-type': 'application/json',
      'x-hub-signature-256': signMetaPayload(body, APP_SECRET),
    };
    const through = await send(proxied('/webhooks/meta'), { method: 'POST', headers, body });
    expect(through).toMatchObject({ status: 200, body: '{"ok":true}' });
    const verify = await send(
      proxied('/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42'),
    );
    expect(verify).toMatchObject({ status: 200, body: '42' });

    expect(await send(proxied('/healthz'))).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect((await send(proxied('/metrics'))).status).toBe(404);
  });
});
