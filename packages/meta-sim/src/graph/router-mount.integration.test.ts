import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createMetaSim, type MetaSim } from '../create-meta-sim';
import { DEMO_WHATSAPP_NUMBER } from '../engine/config';
import { createFakeMediaFactory } from '../engine/fake-media';

let sim: MetaSim;
let server: Server;

afterEach(async () => {
  await sim.close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

/** an app like the server: the simulator mounted, and a raw-body webhook route after it */
async function host(mountAt: string | null): Promise<string> {
  sim = createMetaSim({ media: createFakeMediaFactory() });
  const app = express();
  if (mountAt === null) app.use(sim.router);
  else app.use(mountAt, sim.router);
  app.post('/webhooks/meta', express.raw({ type: '*/*' }), (req, res) => {
    res.json({ bytes: Buffer.isBuffer(req.body) ? req.body.length : -1 });
  });
  app.get('/api/calls/export.csv', (_req, res) => {
    res.type('text/csv').send('id\n');
  });
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const settings = (base: string) =>
  fetch(`${base}/v24.0/${DEMO_WHATSAPP_NUMBER.phoneNumberId}/settings`, {
    headers: { authorization: `Bearer ${DEMO_WHATSAPP_NUMBER.accessToken}` },
  });

describe('mounting the Graph router in another app', () => {
  it.each([['/graph'], [null]])(
    'mounted at %s, it serves Graph paths and leaves the app’s routes and raw bodies alone',
    async (mountAt) => {
      const base = await host(mountAt);
      const graphBase = mountAt === null ? base : `${base}${mountAt}`;

      expect((await settings(graphBase)).status).toBe(200);
      const body = JSON.stringify({ object: 'page', entry: [] });
      const webhook = await fetch(`${base}/webhooks/meta`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(await webhook.json()).toEqual({ bytes: Buffer.byteLength(body) });
      const csv = await fetch(`${base}/api/calls/export.csv`);
      expect(await csv.text()).toBe('id\n');
      expect(sim.requests()).toHaveLength(1);
    },
  );
});
