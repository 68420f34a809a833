import express from 'express';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { capturedLogger } from '../testing/test-auth-server';
import { AppError, errorHandler } from './app-error';

const servers: Server[] = [];

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((done) => server.close(done))));
});

/** an app whose routes fail in each way a route can, behind the error handler */
async function failingApp() {
  const { logger, lines } = capturedLogger();
  const app = express();
  app.get('/app-error', () => {
    throw new AppError('not_found', 404, 'This call has ended.');
  });
  app.get('/app-error-with-cause', () => {
    throw new AppError('meta_error', 502, 'Meta did not answer.', {
      cause: new Error('ECONNRESET graph.facebook.com'),
    });
  });
  app.get('/zod', () => {
    z.object({ callId: z.string(), rttMs: z.number() }).parse({ rttMs: 'fast' });
  });
  app.get('/crash', () => {
    throw new Error('duplicate key value violates unique constraint "users_email_key"');
  });
  app.get('/async-crash', async () => {
    await Promise.resolve();
    throw new TypeError('cannot read properties of undefined (reading "token")');
  });
  app.get('/thrown-string', () => {
    throw 'internal detail as a string';
  });
  app.post('/json', express.json({ limit: '100b' }), (_req, res) => {
    res.json({ ok: true });
  });
  app.use(errorHandler(logger));
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, lines };
}

describe('errorHandler', () => {
  it('answers an AppError with its status, code and message', async () => {
    const { base } = await failingApp();

    const response = await fetch(`${base}/app-error`);

    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: 'not_found', message: 'This call has ended.' },
    });
  });

  it('logs the cause of an AppError but sends only its message', async () => {
    const { base, lines } = await failingApp();

    const response = await fetch(`${base}/app-error-with-cause`);

    expect(response.status).toBe(502);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({
      error: { code: 'meta_error', message: 'Meta did not answer.' },
    });
    expect(text).not.toContain('ECONNRESET');
    expect(lines.join('\n')).toContain('ECONNRESET graph.facebook.com');
  });

  it('turns a zod error into 400 invalid_payload with the paths', async () => {
    const { base } = await failingApp();

    const response = await fetch(`${base}/zod`);

    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: { code: string; issues: { path: string; message: string }[] };
    };
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.issues.map((issue) => issue.path)).toEqual(['callId', 'rttMs']);
  });

  it.each([
    ['/crash', 'users_email_key'],
    ['/async-crash', 'reading \\"token\\"'],
    ['/thrown-string', 'internal detail as a string'],
  ])('never leaks what %s threw: a bland 500, the real error in the log', async (path, detail) => {
    const { base, lines } = await failingApp();

    const response = await fetch(`${base}${path}`);

    expect(response.status).toBe(500);
    expect(await response.text()).toBe(
      JSON.stringify({ error: { code: 'internal', message: 'Something went wrong' } }),
    );
    const logged = lines.map((line) => JSON.parse(line) as { level: number; msg: string });
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, msg: 'request failed' });
    expect(lines[0]).toContain(detail);
  });

  it('answers unparsable JSON with 400 and a too-large body with 413, without echoing it', async () => {
    const { base } = await failingApp();
    const post = (body: string) =>
      fetch(`${base}/json`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });

    const broken = await post('{"password": "hunter2"');
    const huge = await post(JSON.stringify({ padding: 'x'.repeat(200) }));

    expect(broken.status).toBe(400);
    const brokenText = await broken.text();
    expect(JSON.parse(brokenText)).toEqual({
      error: { code: 'invalid_payload', message: 'The request body is not valid JSON.' },
    });
    expect(brokenText).not.toContain('hunter2');
    expect(huge.status).toBe(413);
    expect(await huge.json()).toEqual({
      error: { code: 'invalid_payload', message: 'The request body is too large.' },
    });
  });
});
