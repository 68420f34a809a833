import type { ClientToServerEvents, ServerToClientEvents } from '@ringside/contracts';
import { signMetaPayload } from '@ringside/contracts/signature';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, it } from 'vitest';
import { startBaselineBroadcastServer } from './baseline-broadcast-server';
import { startBaselineWebhookServer, type LocalService } from './baseline-webhook-server';
import { createPoster } from './http-post';

const SECRET = 'baseline-test-secret';
const started: LocalService[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.disconnect();
  await Promise.all(started.splice(0).map((service) => service.close()));
});

async function post(url: string, body: string, signature?: string): Promise<number> {
  const poster = createPoster(`${url}/webhooks/meta`, 1);
  try {
    return await poster.post(body, signature ? { 'x-hub-signature-256': signature } : {});
  } finally {
    poster.close();
  }
}

describe('the ingest baseline', () => {
  it('answers 200 to a correctly signed body', async () => {
    const server = await startBaselineWebhookServer(SECRET);
    started.push(server);
    const body = '{"object":"whatsapp_business_account"}';
    expect(await post(server.url, body, signMetaPayload(body, SECRET))).toBe(200);
  });

  it('refuses a missing, wrong or foreign signature with 401', async () => {
    const server = await startBaselineWebhookServer(SECRET);
    started.push(server);
    const body = '{"object":"whatsapp_business_account"}';
    expect(await post(server.url, body)).toBe(401);
    expect(await post(server.url, body, 'sha256=nothex')).toBe(401);
    expect(await post(server.url, body, signMetaPayload(body, 'another-secret'))).toBe(401);
    expect(await post(server.url, `${body} `, signMetaPayload(body, SECRET))).toBe(401);
  });
});

describe('the fan-out baseline', () => {
  type Client = Socket<ServerToClientEvents, ClientToServerEvents>;
  const payload = {
    callId: '0b6f8c1e-2f3a-4c5d-8e9f-0a1b2c3d4e5f',
    channel: 'whatsapp',
    direction: 'inbound',
    caller: { number: '+447000000001' },
    called: { channelId: '1b6f8c1e-2f3a-4c5d-8e9f-0a1b2c3d4e5f', label: '+15550100001' },
    earlierCalls: 0,
    ringingSince: '2026-01-01T00:00:00.000Z',
    ringTimeoutMs: 45_000,
  } as const;

  async function clients(url: string, n: number): Promise<Client[]> {
    return Promise.all(
      Array.from({ length: n }, async () => {
        const socket: Client = connectSocket(url, {
          transports: ['websocket'],
          forceNew: true,
          reconnection: false,
        });
        sockets.push(socket);
        await new Promise<void>((resolve, reject) => {
          socket.once('connect', resolve);
          socket.once('connect_error', reject);
        });
        return socket;
      }),
    );
  }

  it('sends the payload to every client on a signed webhook', async () => {
    const server = await startBaselineBroadcastServer(SECRET);
    started.push(server);
    server.setPayload(payload);
    const connected = await clients(server.url, 3);
    const received = connected.map(
      (socket) => new Promise((resolve) => socket.once('call:ringing', resolve)),
    );
    const body = '{"n":1}';
    expect(await post(server.url, body, signMetaPayload(body, SECRET))).toBe(200);
    expect(await Promise.all(received)).toEqual([payload, payload, payload]);
  });

  it('sends nothing for a badly signed webhook', async () => {
    const server = await startBaselineBroadcastServer(SECRET);
    started.push(server);
    server.setPayload(payload);
    const [socket] = await clients(server.url, 1);
    let rang = false;
    socket?.on('call:ringing', () => void (rang = true));
    expect(await post(server.url, '{"n":2}', signMetaPayload('{"n":3}', SECRET))).toBe(401);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(rang).toBe(false);
  });
});
