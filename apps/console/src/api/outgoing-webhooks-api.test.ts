import { describe, expect, it } from 'vitest';
import { OutgoingWebhooksApi } from './outgoing-webhooks-api';
import { RestClient } from './rest-client';

const delivery = {
  id: '7',
  subscriptionId: 'wh_1',
  eventId: 'evt_test_1',
  event: 'webhook.test',
  status: 'delivered',
  attempts: 1,
  lastStatusCode: 204,
  createdAt: '2026-03-01T10:00:00.000Z',
};

function serving(reply: unknown, status = 200) {
  const seen: { url: string; method: string | undefined }[] = [];
  const api = new OutgoingWebhooksApi(
    new RestClient(async (url, init) => {
      seen.push({ url, method: init?.method });
      return new Response(status === 204 ? null : JSON.stringify(reply), { status });
    }),
  );
  return { api, seen };
}

describe('OutgoingWebhooksApi', () => {
  it('reads how the test event went', async () => {
    const { api, seen } = serving({ delivery });
    expect(await api.sendTest('wh_1')).toEqual({ ok: true, data: delivery });
    expect(seen).toEqual([{ url: '/api/admin/webhooks/wh_1/test', method: 'POST' }]);
  });

  it('pages the delivery log with its cursor', async () => {
    const { api, seen } = serving({ items: [delivery], nextCursor: null });
    expect((await api.deliveries('wh_1', '41')).ok).toBe(true);
    expect(seen[0]?.url).toBe('/api/admin/webhooks/wh_1/deliveries?limit=20&cursor=41');
  });

  it('deletes with 204 and passes a refusal through', async () => {
    const { api, seen } = serving(null, 204);
    expect(await api.remove('wh_1')).toEqual({ ok: true, data: null });
    expect(seen[0]?.method).toBe('DELETE');
    const refused = serving({ error: { code: 'forbidden', message: 'Admins only.' } }, 403);
    expect(await refused.api.remove('wh_1')).toMatchObject({ ok: false, error: { status: 403 } });
  });
});
