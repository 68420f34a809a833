import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signMetaPayload } from '@ringside/contracts/signature';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_WEBHOOK_BYTES } from '../webhooks/meta-webhook-router';
import { codeBlocks, readDeployFile, readGuide, replaceExactly } from '../testing/deploy-guide';
import {
  connectConsole,
  freePort,
  send as sendAs,
  startListening,
  testCertificate,
  type TestProcess,
} from '../testing/deploy-processes';
import { APP_SECRET, command, ORIGIN, useStack, type ConsoleSocket } from '../testing/test-stack';

// Debian puts nginx in /usr/sbin, which a user's PATH may lack
const NGINX = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const HOST = 'ringside.example.com';
const CERT_DIR = `/etc/letsencrypt/live/${HOST}/`;
const shipped = readDeployFile('nginx.conf');
const stack = useStack();
const dir = mkdtempSync(join(tmpdir(), 'ringside-nginx-'));
let nginx: TestProcess | undefined;
let httpsPort = 0;
let httpPort = 0;
const sockets: ConsoleSocket[] = [];

// nginx's own files in the test's folder: its compiled-in paths are the system's
function mainConfig(site: string): string {
  const file = join(dir, 'nginx.conf');
  writeFileSync(join(dir, 'ringside.conf'), site);
  writeFileSync(
    file,
    [
      `error_log ${dir}/error.log;`,
      `pid ${dir}/nginx.pid;`,
      'daemon off;',
      'events { worker_connections 64; }',
      'http {',
      '  access_log off;',
      ...['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(
        (kind) => `  ${kind}_temp_path ${dir}/${kind}_temp;`,
      ),
      `  include ${dir}/ringside.conf;`,
      '}',
    ].join('\n'),
  );
  return file;
}

function nginxTest(file: string) {
  return spawnSync(NGINX, ['-t', '-p', dir, '-e', join(dir, 'error.log'), '-c', file], {
    encoding: 'utf8',
  });
}

const send = (url: string, init?: Parameters<typeof sendAs>[2]) => sendAs(url, HOST, init);
const proxied = (path: string) => `https://127.0.0.1:${httpsPort}${path}`;
const direct = (path: string) => `${stack().url}${path}`;

beforeAll(async () => {
  chmodSync(dir, 0o755); // nginx's workers may run as another user: they write its temp folders
  testCertificate(dir, HOST);
  httpsPort = await freePort();
  httpPort = await freePort();
  const upstream = new URL(stack().url).port;
  // the shipped file, on this machine's free ports and the test server's; everything else as is
  let site = replaceExactly(shipped, CERT_DIR, `${dir}/`, 2);
  site = replaceExactly(site, 'listen 443 ssl;', `listen 127.0.0.1:${httpsPort} ssl;`);
  site = replaceExactly(site, 'listen 80;', `listen 127.0.0.1:${httpPort};`);
  site = replaceExactly(site, '    listen [::]:443 ssl;\n', '');
  site = replaceExactly(site, '    listen [::]:80;\n', '');
  site = replaceExactly(
    site,
    'proxy_pass http://127.0.0.1:3000;',
    `proxy_pass http://127.0.0.1:${upstream};`,
  );
  const file = mainConfig(site);
  expect(nginxTest(file).status).toBe(0);
  nginx = await startListening(
    NGINX,
    ['-p', dir, '-e', join(dir, 'error.log'), '-c', file],
    httpsPort,
  );
});

afterAll(async () => {
  for (const socket of sockets) socket.disconnect();
  await nginx?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('docs/deploy/nginx.conf', () => {
  it('nginx -t accepts the file as shipped (only its certificate is the test’s), and names a broken one', () => {
    const asShipped = mainConfig(replaceExactly(shipped, CERT_DIR, `${dir}/`, 2));
    const checked = nginxTest(asShipped);
    expect(checked.stderr).toContain('syntax is ok');
    expect(checked.status).toBe(0);

    const broken = mainConfig(
      replaceExactly(
        replaceExactly(shipped, CERT_DIR, `${dir}/`, 2),
        'client_max_body_size 4m;',
        'client_max_body_size;',
      ),
    );
    const refused = nginxTest(broken);
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toContain('client_max_body_size');
  });

  it('nginx -t accepts it with the guide’s upstream block for several nodes (section 10)', () => {
    const [upstream = ''] = codeBlocks(readGuide(), 'nginx');
    expect(upstream).toContain('upstream ringside {');
    const site = replaceExactly(
      replaceExactly(shipped, CERT_DIR, `${dir}/`, 2),
      'proxy_pass http://127.0.0.1:3000;',
      'proxy_pass http://ringside;',
    );
    const checked = nginxTest(mainConfig(`${upstream}\n${site}`));
    expect(checked.stderr).toContain('syntax is ok');
    expect(checked.status).toBe(0);
  });

  it('a console’s Socket.IO connection upgrades to a WebSocket through it and carries commands', async () => {
    const ws = await stack().workspace();
    const agent = await ws.addUser('agent');
    const cookie = await stack().signIn(agent.email);
    const socket = await connectConsole(`https://127.0.0.1:${httpsPort}`, {
      host: HOST,
      origin: ORIGIN,
      cookie,
    });
    sockets.push(socket);
    expect(socket.io.engine.transport.name).toBe('websocket');
    const ack = await command(socket, 'agent:set-status', { status: 'available' });
    expect(ack).toMatchObject({ ok: true });
  });

  it('Meta’s verification and a signed 3 MB delivery get the answers the server gives without it', async () => {
    const verify =
      '/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444';
    const viaProxy = await send(proxied(verify));
    expect(viaProxy).toMatchObject({ status: 200, body: '1158201444' });
    expect((await send(proxied(verify.replace('verify-me', 'wrong')))).status).toBe(403);

    // a delivery just under the server's limit: nginx's default (1 MB) would refuse it with 413
    const envelope = '{"object":"whatsapp_business_account","entry":[],"padding":""}';
    const body = envelope.replace(
      '""',
      `"${'x'.repeat(MAX_WEBHOOK_BYTES - envelope.length - 10)}"`,
    );
    const post = {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-hub-signature-256': signMetaPayload(body, APP_SECRET),
      },
      body,
    };
    const straight = await send(direct('/webhooks/meta'), post);
    expect(straight.status).toBe(200);
    const through = await send(proxied('/webhooks/meta'), post);
    expect({ status: through.status, body: through.body }).toEqual({
      status: straight.status,
      body: straight.body,
    });
    // the signature is checked on the bytes that arrived: the proxy changed none
    const forged = await send(proxied('/webhooks/meta'), {
      ...post,
      headers: { ...post.headers, 'x-hub-signature-256': signMetaPayload(`${body} `, APP_SECRET) },
    });
    expect(forged.status).toBe(401);
  });

  it('serves health checks, hides /metrics, and sends http to https', async () => {
    expect(await send(proxied('/healthz'))).toMatchObject({ status: 200, body: '{"status":"ok"}' });
    expect((await send(proxied('/readyz'))).body).toContain('"status":"ready"');
    expect((await send(direct('/metrics'))).status).toBe(200);
    expect((await send(proxied('/metrics'))).status).toBe(404);

    const plain = await send(`http://127.0.0.1:${httpPort}/history?x=1`);
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe(`https://${HOST}/history?x=1`);
  });
});
