import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/database';
import { createMetrics } from '../ops/metrics';
import { createOpsRouter } from '../ops/ops-router';
import { securityHeaders } from './security-headers';

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) await new Promise((resolve) => server.close(resolve));
});

async function serve(options: { https: boolean; metricsToken?: string }): Promise<string> {
  const app = express();
  app.use(securityHeaders({ https: options.https }));
  const database = { kind: 'pglite', ping: () => Promise.resolve() } as unknown as Database;
  app.use(
    createOpsRouter({
      database,
      metrics: createMetrics(),
      ...(options.metricsToken ? { metricsToken: options.metricsToken } : {}),
    }),
  );
  app.get('/api/me', (_req, res) => void res.json({ ok: true }));
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('security headers', () => {
  it('every answer carries the policy; /api is never cached; no HSTS over plain http', async () => {
    const url = await serve({ https: false });
    const health = await fetch(`${url}/healthz`);
    expect(health.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(health.headers.get('content-security-policy')).not.toMatch(/script-src[^;]*unsafe/);
    expect(health.headers.get('x-content-type-options')).toBe('nosniff');
    expect(health.headers.get('x-frame-options')).toBe('DENY');
    expect(health.headers.get('referrer-policy')).toBe('no-referrer');
    expect(health.headers.get('permissions-policy')).toMatch(/^microphone=\(self\)/);
    expect(health.headers.get('strict-transport-security')).toBeNull();
    expect(health.headers.get('cache-control')).toBeNull();
    expect((await fetch(`${url}/api/me`)).headers.get('cache-control')).toBe('no-store');
  });

  it('HSTS once the console is served over https', async () => {
    const url = await serve({ https: true });
    expect((await fetch(`${url}/healthz`)).headers.get('strict-transport-security')).toMatch(
      /max-age=31536000/,
    );
  });
});

describe('/metrics with METRICS_TOKEN', () => {
  const token = 'metrics-token-0123456789';

  it('answers only to the bearer of the token, and says how without echoing it', async () => {
    const url = await serve({ https: false, metricsToken: token });
    const none = await fetch(`${url}/metrics`);
    expect(none.status).toBe(401);
    expect(await none.text()).not.toContain(token);
    const wrong = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('# HELP');
  });

  it('is open without a token (a private network, as before)', async () => {
    const url = await serve({ https: false });
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
  });
});
