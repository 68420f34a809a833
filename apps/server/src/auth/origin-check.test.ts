import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { errorHandler } from '../http/app-error';
import { isAllowedOrigin, requestOrigin, requireSameOrigin } from './origin-check';
import { capturedLogger } from '../testing/test-auth-server';

const CONSOLE = 'https://ringside.example.com';
const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** an app counting the requests that got past the check */
async function guardedApp() {
  const app = express();
  let reached = 0;
  app.use(requireSameOrigin([CONSOLE, 'http://localhost:3000']));
  app.all('/thing', (_req, res) => {
    reached += 1;
    res.json({ ok: true });
  });
  app.use(errorHandler(capturedLogger().logger));
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/thing`;
  return { url, reached: () => reached };
}

describe('requireSameOrigin', () => {
  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'refuses a %s from a foreign origin with 403 forbidden before the route runs',
    async (method) => {
      const app = await guardedApp();

      const response = await fetch(app.url, {
        method,
        headers: { origin: 'https://evil.example' },
      });

      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: {
          code: 'forbidden',
          message: 'This request did not come from the Ringside console.',
        },
      });
      expect(app.reached()).toBe(0);
    },
  );

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])(
    'lets a %s from the console through',
    async (method) => {
      const app = await guardedApp();

      const response = await fetch(app.url, { method, headers: { origin: CONSOLE } });

      expect(response.status).toBe(200);
      expect(app.reached()).toBe(1);
    },
  );

  it('lets GET and HEAD through from anywhere', async () => {
    const app = await guardedApp();

    const get = await fetch(app.url, { headers: { origin: 'https://evil.example' } });
    const head = await fetch(app.url, {
      method: 'HEAD',
      headers: { origin: 'https://evil.example' },
    });

    expect([get.status, head.status]).toEqual([200, 200]);
    expect(app.reached()).toBe(2);
  });

  it.each([
    ['no Origin and no Referer', {}, 403],
    ['Origin: null (a sandboxed page)', { origin: 'null' }, 403],
    ['no Origin, a console Referer', { referer: `${CONSOLE}/admin?tab=users` }, 200],
    ['no Origin, a foreign Referer', { referer: 'https://evil.example/ringside.example.com' }, 403],
    [
      'a foreign Origin despite a console Referer',
      { origin: 'https://evil.example', referer: `${CONSOLE}/` },
      403,
    ],
    ['the console host on another port', { origin: 'https://ringside.example.com:8443' }, 403],
    ['the console host over http', { origin: 'http://ringside.example.com' }, 403],
    ['a lookalike suffix', { origin: 'https://ringside.example.com.evil.example' }, 403],
  ])('POST with %s → %i', async (_case, headers: Record<string, string>, status) => {
    const app = await guardedApp();

    const response = await fetch(app.url, { method: 'POST', headers });

    expect(response.status).toBe(status);
    expect(app.reached()).toBe(status === 200 ? 1 : 0);
  });
});

describe('requestOrigin and isAllowedOrigin', () => {
  it('prefers Origin, falls back to the origin of Referer, and ignores junk', () => {
    expect(requestOrigin({ origin: CONSOLE, referer: 'https://other.example/' })).toBe(CONSOLE);
    expect(requestOrigin({ referer: `${CONSOLE}/login` })).toBe(CONSOLE);
    expect(requestOrigin({ referer: 'not a url' })).toBeUndefined();
    expect(requestOrigin({ referer: 'file:///etc/passwd' })).toBeUndefined();
    expect(requestOrigin({})).toBeUndefined();
  });

  it('matches scheme, host and port exactly', () => {
    expect(isAllowedOrigin('http://localhost:3000', ['http://localhost:3000'])).toBe(true);
    expect(isAllowedOrigin('http://localhost:3001', ['http://localhost:3000'])).toBe(false);
    expect(isAllowedOrigin('http://127.0.0.1:3000', ['http://localhost:3000'])).toBe(false);
    expect(isAllowedOrigin(undefined, ['http://localhost:3000'])).toBe(false);
    expect(isAllowedOrigin('null', ['null'])).toBe(false);
    expect(isAllowedOrigin('http://localhost:3000', [])).toBe(false);
  });
});
