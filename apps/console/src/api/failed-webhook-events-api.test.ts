import { describe, expect, it } from 'vitest';
import { FailedWebhookEventsApi } from './failed-webhook-events-api';
import { RestClient } from './rest-client';

const failed = {
  id: 'whatsapp:115017831530600:wacid.HBg/x+1:connect:1751364000',
  kind: 'call.offered',
  channel: 'whatsapp',
  metaCallId: 'wacid.HBg/x+1',
  receivedAt: '2026-12-06T10:00:00.000Z',
  failedAt: '2026-12-06T10:05:02.000Z',
  attempts: 10,
  lastError: 'relation "calls" does not exist',
};

function serving(reply: unknown, status = 200) {
  const seen: { url: string; method: string | undefined }[] = [];
  const api = new FailedWebhookEventsApi(
    new RestClient(async (url, init) => {
      seen.push({ url, method: init?.method });
      return new Response(status === 204 ? null : JSON.stringify(reply), { status });
    }),
  );
  return { api, seen };
}

describe('FailedWebhookEventsApi', () => {
  it('reads the list, and refuses one that does not fit', async () => {
    expect(await serving({ items: [failed] }).api.list()).toEqual({ ok: true, data: [failed] });
    const odd = await serving({ items: [{ ...failed, attempts: 'many' }] }).api.list();
    expect(odd.ok).toBe(false);
  });

  it('retries one by its id, escaped into a single path segment', async () => {
    const { api, seen } = serving(null, 204);
    expect(await api.retry(failed.id)).toEqual({ ok: true, data: null });
    expect(seen).toEqual([
      {
        url: `/api/admin/failed-webhook-events/${encodeURIComponent(failed.id)}/retry`,
        method: 'POST',
      },
    ]);
    expect(seen[0]?.url).not.toContain('HBg/x');
  });
});
