import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { postEvent } from './post-event';
import { startTestReceiver, type TestReceiver } from '../testing/test-receiver';

const SECRET = 'whsec-test-0123456789abcdef';
const body = JSON.stringify({
  event: 'call.ended',
  id: 'evt_1',
  createdAt: '2025-07-21T16:27:13.000Z',
  data: {},
});
const request = (url: string, timeoutMs = 2_000, allowPrivateNetwork = true) => ({
  url,
  secret: SECRET,
  body,
  eventId: 'evt_1',
  event: 'call.ended',
  timeoutMs,
  allowPrivateNetwork,
});

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function receiver(): Promise<TestReceiver> {
  const started = await startTestReceiver(SECRET);
  closers.push(() => started.close());
  return started;
}

async function rawServer(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server: Server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
}

describe('postEvent', () => {
  it('sends the body signed with the secret, with the idempotency key and event name', async () => {
    const crm = await receiver();
    expect(await postEvent(request(crm.url))).toEqual({ ok: true, statusCode: 200 });
    expect(crm.requests).toHaveLength(1);
    expect(crm.requests[0]).toMatchObject({
      key: 'evt_1',
      event: 'call.ended',
      body,
      signature: { ok: true },
    });
  });

  it('reports a non-2xx answer as a failure with its status, without the receiver body', async () => {
    const crm = await receiver();
    crm.respondWith(() => 503);
    expect(await postEvent(request(crm.url))).toEqual({
      ok: false,
      statusCode: 503,
      error: 'The receiver answered HTTP 503.',
    });
  });

  it('does not follow a redirect (the signed body stays with the chosen URL)', async () => {
    const crm = await receiver();
    const redirecting = await rawServer((_req, res) => {
      res.writeHead(307, { location: crm.url }).end();
    });
    const result = await postEvent(request(redirecting));
    expect(result).toMatchObject({ ok: false, statusCode: 307 });
    expect(crm.requests).toHaveLength(0);
  });

  it('gives up on a receiver that does not answer in time', async () => {
    const silent = await rawServer(() => undefined);
    const started = Date.now();
    expect(await postEvent(request(silent, 200))).toEqual({
      ok: false,
      error: 'No answer within 200 ms.',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('says plainly when nothing listens at the URL', async () => {
    const crm = await receiver();
    const url = crm.url;
    await crm.close();
    closers.pop();
    expect(await postEvent(request(url))).toEqual({
      ok: false,
      error: 'The receiver refused the connection.',
    });
  });

  describe('where private networks are refused (a real installation)', () => {
    it.each([
      [
        'an address on this machine',
        (port: string) => `http://127.0.0.1:${port}/hook`,
        '127.0.0.1',
      ],
      [
        'a name that resolves to this machine',
        (port: string) => `http://localhost:${port}/hook`,
        '',
      ],
      ['an IPv6 loopback', (port: string) => `http://[::1]:${port}/hook`, '::1'],
      [
        'the cloud metadata service',
        () => 'http://169.254.169.254/latest/meta-data',
        '169.254.169.254',
      ],
      [
        'the cloud metadata service through NAT64',
        () => 'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
        '64:ff9b::a9fe:a9fe',
      ],
      [
        'this machine through 6to4',
        (port: string) => `http://[2002:7f00:1::1]:${port}/hook`,
        '2002:7f00:1::1',
      ],
    ])('does not connect to %s, and says why', async (_what, target, address) => {
      const crm = await receiver();
      const port = new URL(crm.url).port;
      const result = await postEvent(request(target(port), 2_000, false));
      expect(result.ok).toBe(false);
      expect(result).not.toHaveProperty('statusCode');
      if (!result.ok) {
        expect(result.error).toContain('is not on the public internet');
        if (address) expect(result.error).toContain(address);
      }
      expect(crm.requests).toHaveLength(0);
    });
  });
});
