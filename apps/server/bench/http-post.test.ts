import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { createPoster } from './http-post';
import { closeLocal, listenLocal, readBody } from './local-server';

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => closeLocal(server)));
});

async function serve(handler: Parameters<typeof createServer>[1]): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  return listenLocal(server);
}

describe('createPoster', () => {
  it('posts the body with its headers and resolves with the status', async () => {
    const seen: { body: string; signature: string | undefined; type: string | undefined }[] = [];
    const url = await serve((req, res) => {
      void readBody(req).then((raw) => {
        seen.push({
          body: raw.toString(),
          signature: req.headers['x-hub-signature-256'] as string | undefined,
          type: req.headers['content-type'],
        });
        res.writeHead(req.url === '/webhooks/meta' ? 202 : 404).end();
      });
    });
    const poster = createPoster(`${url}/webhooks/meta`, 2);
    await expect(poster.post('{"a":"é"}', { 'x-hub-signature-256': 'sha256=00' })).resolves.toBe(
      202,
    );
    poster.close();
    expect(seen).toEqual([{ body: '{"a":"é"}', signature: 'sha256=00', type: 'application/json' }]);
  });

  it('reuses its connections', async () => {
    const remotePorts = new Set<number>();
    const url = await serve((req, res) => {
      remotePorts.add(req.socket.remotePort ?? 0);
      req.resume();
      req.once('end', () => res.writeHead(200).end());
    });
    const poster = createPoster(url, 1);
    for (let i = 0; i < 5; i += 1) expect(await poster.post('{}', {})).toBe(200);
    poster.close();
    expect(remotePorts.size).toBe(1);
  });

  it('resolves 0 when nothing listens', async () => {
    const url = await serve(() => {});
    await closeLocal(servers.pop() as Server);
    const poster = createPoster(url, 1);
    await expect(poster.post('{}', {})).resolves.toBe(0);
    poster.close();
  });

  it('cuts off requests under way and queued when closed, resolving them 0', async () => {
    let arrived = 0;
    const url = await serve(() => {
      arrived += 1; // never answers
    });
    const poster = createPoster(url, 1);
    const underWay = poster.post('{}', {});
    const queued = poster.post('{}', {});
    await expect.poll(() => arrived).toBe(1);
    poster.close();
    await expect(Promise.all([underWay, queued])).resolves.toEqual([0, 0]);
    // the queued one never reached the server, not even on a fresh connection
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(arrived).toBe(1);
  });

  it('closes an idle connection itself before a Node server would, then posts on a new one', async () => {
    const url = await serve((req, res) => void readBody(req).then(() => res.writeHead(200).end()));
    const server = servers[servers.length - 1] as Server;
    // the server would keep it open far longer: a close now is the client's
    server.keepAliveTimeout = 60_000;
    let closed = 0;
    let connections = 0;
    server.on('connection', (socket) => {
      connections += 1;
      socket.once('close', () => (closed += 1));
    });
    const poster = createPoster(url, 1);
    expect(await poster.post('{}', {})).toBe(200);
    await expect.poll(() => closed, { timeout: 10_000, interval: 100 }).toBe(1);
    expect(await poster.post('{}', {})).toBe(200);
    expect(connections).toBe(2);
    poster.close();
  });
});
