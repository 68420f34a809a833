import { describe, expect, it } from 'vitest';
import { readNothing } from './http';
import { RestClient } from './rest-client';

function recording(status = 200, body: unknown = { id: 'x' }) {
  const seen: { url: string; init: RequestInit | undefined }[] = [];
  const rest = new RestClient(async (url, init) => {
    seen.push({ url, init });
    return new Response(status === 204 ? null : JSON.stringify(body), { status });
  });
  return { rest, seen };
}

const reply = (status: number, body?: unknown, raw?: string) =>
  new Response(raw ?? (body === undefined ? null : JSON.stringify(body)), { status });

const readId = (body: unknown) =>
  typeof body === 'object' && body !== null && 'id' in body && typeof body.id === 'string'
    ? body.id
    : undefined;

describe('RestClient', () => {
  it('sends each verb with its JSON body and the cookie', async () => {
    const { rest, seen } = recording();
    await rest.get('/a', readId);
    await rest.post('/b', { n: 1 }, readId);
    await rest.put('/c', { n: 2 }, readId);
    await rest.patch('/d', { n: 3 }, readId);
    expect(seen.map((s) => [s.url, s.init?.method, s.init?.body])).toEqual([
      ['/a', 'GET', undefined],
      ['/b', 'POST', '{"n":1}'],
      ['/c', 'PUT', '{"n":2}'],
      ['/d', 'PATCH', '{"n":3}'],
    ]);
    expect(seen.every((s) => s.init?.credentials === 'same-origin')).toBe(true);
  });

  it('deletes without a body and reads 204 as done', async () => {
    const { rest, seen } = recording(204);
    expect(await rest.delete('/e', readNothing)).toEqual({ ok: true, data: null });
    expect(seen[0]?.init?.method).toBe('DELETE');
    expect(seen[0]?.init?.body).toBeUndefined();
  });

  it('passes the server’s refusal through for every verb', async () => {
    const { rest } = recording(403, {
      error: { code: 'forbidden', message: 'You are not allowed to do that.' },
    });
    expect(await rest.patch('/d', {}, readId)).toEqual({
      ok: false,
      error: { status: 403, code: 'forbidden', message: 'You are not allowed to do that.' },
    });
  });
});

describe('RestClient replies', () => {
  it('sends JSON with the cookie and reads the reply', async () => {
    let seen: RequestInit | undefined;
    const http = new RestClient(async (_url, init) => {
      seen = init;
      return reply(200, { id: 'u1' });
    });
    expect(await http.post('/api/x', { a: 1 }, readId)).toEqual({ ok: true, data: 'u1' });
    expect(seen?.credentials).toBe('same-origin');
    expect(seen?.body).toBe('{"a":1}');
    expect(seen?.headers).toMatchObject({ 'content-type': 'application/json' });
  });

  it('reads 204 as null', async () => {
    const http = new RestClient(async () => reply(204));
    expect(await http.post('/api/x', {}, readNothing)).toEqual({ ok: true, data: null });
  });

  it('shows the server’s own message for a refusal', async () => {
    const http = new RestClient(async () =>
      reply(401, { error: { code: 'unauthorized', message: 'Email or password is incorrect' } }),
    );
    expect(await http.get('/api/me', readId)).toEqual({
      ok: false,
      error: { status: 401, code: 'unauthorized', message: 'Email or password is incorrect' },
    });
  });

  it('has words of its own when the server sent none', async () => {
    const http = new RestClient(async () => reply(502, undefined, '<html>bad gateway</html>'));
    const result = await http.get('/api/me', readId);
    expect(result).toEqual({
      ok: false,
      error: { status: 502, code: 'http_502', message: 'Ringside had a problem. Try again.' },
    });
  });

  it('says the server cannot be reached when fetch itself fails', async () => {
    const http = new RestClient(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await http.get('/api/me', readId)).toMatchObject({
      ok: false,
      error: { status: 0, code: 'network' },
    });
  });

  it('refuses a 2xx reply of the wrong shape', async () => {
    const http = new RestClient(async () => reply(200, { name: 'no id' }));
    expect(await http.get('/api/me', readId)).toMatchObject({
      ok: false,
      error: { code: 'bad_reply' },
    });
  });
});
