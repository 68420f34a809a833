import { describe, expect, it } from 'vitest';
import { errorFrom, HttpClient, readNothing } from './http';

const reply = (status: number, body?: unknown, raw?: string) =>
  new Response(raw ?? (body === undefined ? null : JSON.stringify(body)), { status });

const readId = (body: unknown) =>
  typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string'
    ? body.id
    : undefined;

describe('HttpClient', () => {
  it('sends JSON with the cookie and reads the reply', async () => {
    let seen: RequestInit | undefined;
    const http = new HttpClient(async (_url, init) => {
      seen = init;
      return reply(200, { id: 'u1' });
    });
    expect(await http.post('/api/x', { a: 1 }, readId)).toEqual({ ok: true, data: 'u1' });
    expect(seen?.credentials).toBe('same-origin');
    expect(seen?.body).toBe('{"a":1}');
    expect(seen?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('reads 204 as null', async () => {
    const http = new HttpClient(async () => reply(204));
    expect(await http.post('/api/x', {}, readNothing)).toEqual({ ok: true, data: null });
  });

  it('shows the server’s own message for a refusal', async () => {
    const http = new HttpClient(async () =>
      reply(401, { error: { code: 'unauthorized', message: 'Email or password is incorrect' } }),
    );
    expect(await http.get('/api/me', readId)).toEqual({
      ok: false,
      error: { status: 401, code: 'unauthorized', message: 'Email or password is incorrect' },
    });
  });

  it('has words of its own when the server sent none', async () => {
    const http = new HttpClient(async () => reply(502, undefined, '<html>bad gateway</html>'));
    const result = await http.get('/api/me', readId);
    expect(result).toEqual({
      ok: false,
      error: { status: 502, code: 'http_502', message: 'Ringside had a problem. Try again.' },
    });
  });

  it('says the server cannot be reached when fetch itself fails', async () => {
    const http = new HttpClient(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await http.get('/api/me', readId)).toMatchObject({
      ok: false,
      error: { status: 0, code: 'network' },
    });
  });

  it('refuses a 2xx reply of the wrong shape', async () => {
    const http = new HttpClient(async () => reply(200, { name: 'no id' }));
    expect(await http.get('/api/me', readId)).toMatchObject({
      ok: false,
      error: { code: 'bad_reply' },
    });
  });
});

describe('errorFrom', () => {
  it('ignores an error body with an empty message', () => {
    expect(errorFrom(429, { error: { code: 'rate_limited', message: '' } }).message).toBe(
      'Too many attempts. Try again in a moment.',
    );
  });
});
