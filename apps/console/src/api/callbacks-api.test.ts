import { describe, expect, it } from 'vitest';
import { CallbacksApi } from './callbacks-api';
import { RestClient } from './rest-client';

const CALLBACK = {
  callId: 'c1',
  channel: 'whatsapp',
  caller: { name: 'Omar', number: '+447700900987' },
  called: { channelId: 'ch1', label: '+1 555 010 9901' },
  firstMissedAt: '2026-12-07T09:00:00.000Z',
  lastMissedAt: '2026-12-07T09:05:00.000Z',
  tries: 2,
};

describe('CallbacksApi', () => {
  it('reads the worklist and posts claim, release and done to the callback’s path', async () => {
    const seen: string[] = [];
    const api = new CallbacksApi(
      new RestClient(async (url, init) => {
        seen.push(`${init?.method ?? 'GET'} ${url}`);
        return url === '/api/callbacks'
          ? Response.json({ items: [CALLBACK] })
          : new Response(null, { status: 204 });
      }),
    );
    expect(await api.list()).toEqual({ ok: true, data: { items: [CALLBACK] } });
    expect(await api.claim('c 1')).toEqual({ ok: true, data: null });
    await api.release('c1');
    await api.done('c1');
    expect(seen).toEqual([
      'GET /api/callbacks',
      'POST /api/callbacks/c%201/claim',
      'POST /api/callbacks/c1/release',
      'POST /api/callbacks/c1/done',
    ]);
  });

  it('plays the voicemail of a callback’s latest missed call from the call’s own path', () => {
    const api = new CallbacksApi(new RestClient(async () => new Response(null, { status: 500 })));
    expect(api.voicemailUrl('c 1')).toBe('/api/calls/c%201/voicemail');
  });

  it('says who has a callback another agent claimed first', async () => {
    const api = new CallbacksApi(
      new RestClient(async () =>
        Response.json(
          {
            error: {
              code: 'already_claimed',
              message: 'Ben is already calling this customer back.',
            },
          },
          { status: 409 },
        ),
      ),
    );
    expect(await api.claim('c1')).toMatchObject({
      ok: false,
      error: { status: 409, message: 'Ben is already calling this customer back.' },
    });
  });
});
