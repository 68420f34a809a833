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
