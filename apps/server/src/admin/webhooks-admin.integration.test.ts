import {
  webhookTestEventSchema,
  type WebhookDeliveryView,
  type WebhookSubscriptionCreatedReply,
  type WebhookSubscriptionView,
} from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { startTestReceiver } from '../testing/test-receiver';
import { settle, useStack } from '../testing/test-stack';

const stack = useStack();

const send = (cookie: string, method: string, path: string, body?: unknown) =>
  stack().request(cookie, path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

async function admin() {
  const ws = await stack().workspace();
  return stack().signIn((await ws.addUser('admin')).email);
}

describe('outgoing webhooks, as an admin manages them', () => {
  it('generates a secret when none is given and shows it once', async () => {
    const cookie = await admin();
    const res = await send(cookie, 'POST', '/api/admin/webhooks', {
      url: 'https://crm.example.com/hooks/ringside',
      events: ['call.ended', 'call.missed'],
      description: 'CRM',
    });
    expect(res.status).toBe(201);
    const created = (await res.json()) as WebhookSubscriptionCreatedReply;
    expect(created).toMatchObject({
      events: ['call.ended', 'call.missed'],
      active: true,
      secretSet: true,
      description: 'CRM',
    });
    const generatedSecret = created.secret ?? '';
    expect(generatedSecret.length).toBeGreaterThanOrEqual(32);

    const again = await (await send(cookie, 'GET', `/api/admin/webhooks/${created.id}`)).text();
    const list = await (await send(cookie, 'GET', '/api/admin/webhooks')).text();
    const audit = await (await send(cookie, 'GET', '/api/admin/audit')).text();
    for (const text of [again, list, audit, stack().logs.join('')])
      expect(text).not.toContain(generatedSecret);
    expect(JSON.parse(again)).not.toHaveProperty('secret');
  });

  it('never echoes a secret the admin chose', async () => {
    const cookie = await admin();
    const res = await send(cookie, 'POST', '/api/admin/webhooks', {
      url: 'https://crm.example.com/hooks',
      events: ['*'],
      secret: 'my-own-secret-of-some-length',
    });
    const text = await res.text();
    expect(text).not.toContain('my-own-secret-of-some-length');
    expect(JSON.parse(text)).not.toHaveProperty('secret');
  });

  it('refuses bad subscriptions, naming the problem', async () => {
    const cookie = await admin();
    for (const body of [
      { url: 'ftp://crm.example.com/x', events: ['*'] },
      { url: 'not a url', events: ['*'] },
      { url: 'https://crm.example.com/x', events: [] },
      { url: 'https://crm.example.com/x', events: ['call.exploded'] },
      { url: 'https://crm.example.com/x', events: ['*'], secret: 'short' },
    ]) {
      const res = await send(cookie, 'POST', '/api/admin/webhooks', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    expect((await send(cookie, 'GET', '/api/admin/webhooks')).status).toBe(200);
    expect(
      ((await (await send(cookie, 'GET', '/api/admin/webhooks')).json()) as { items: unknown[] })
        .items,
    ).toEqual([]);
  });

  it('sends a signed test event from the button and logs how it went', async () => {
    const cookie = await admin();
    const secret = 'button-test-secret-1234567';
    const crm = await startTestReceiver(secret);
    try {
      const created = (await (
        await send(cookie, 'POST', '/api/admin/webhooks', {
          url: crm.url,
          events: ['call.ended'],
          secret,
        })
      ).json()) as WebhookSubscriptionView;
      const res = await send(cookie, 'POST', `/api/admin/webhooks/${created.id}/test`);
      expect(res.status).toBe(200);
      const { delivery } = (await res.json()) as { delivery: WebhookDeliveryView };
      expect(delivery).toMatchObject({
        event: 'webhook.test',
        status: 'delivered',
        attempts: 1,
        lastStatusCode: 200,
      });
      expect(crm.requests).toHaveLength(1);
      const [request] = crm.requests;
      expect(request?.signature).toEqual({ ok: true });
      expect(request?.key).toBe(delivery.eventId);
      const body = webhookTestEventSchema.parse(JSON.parse(request?.body ?? ''));
      expect(body.data.subscriptionId).toBe(created.id);

      crm.respondWith(() => 500);
      const failed = (await (
        await send(cookie, 'POST', `/api/admin/webhooks/${created.id}/test`)
      ).json()) as { delivery: WebhookDeliveryView };
      expect(failed.delivery).toMatchObject({
        status: 'failed',
        attempts: 1,
        lastStatusCode: 500,
        lastError: 'The receiver answered HTTP 500.',
      });
      await settle(1_500);
      expect(crm.requests).toHaveLength(2); // a test is not retried

      const log = (await (
        await send(cookie, 'GET', `/api/admin/webhooks/${created.id}/deliveries?limit=1`)
      ).json()) as { items: WebhookDeliveryView[]; nextCursor: string | null };
      expect(log.items.map((d) => d.id)).toEqual([failed.delivery.id]);
      expect(log.nextCursor).not.toBeNull();
      const older = (await (
        await send(
          cookie,
          'GET',
          `/api/admin/webhooks/${created.id}/deliveries?limit=1&cursor=${log.nextCursor}`,
        )
      ).json()) as { items: WebhookDeliveryView[]; nextCursor: string | null };
      expect(older.items.map((d) => d.id)).toEqual([delivery.id]);
      expect(older.nextCursor).toBeNull();
      expect(
        (await send(cookie, 'GET', `/api/admin/webhooks/${created.id}/deliveries?cursor=abc`))
          .status,
      ).toBe(400);
    } finally {
      await crm.close();
    }
  });

  it('keeps credentials in a receiver URL secret: masked for supervisors, in the audit log and logs', async () => {
    const ws = await stack().workspace();
    const cookie = await stack().signIn((await ws.addUser('admin')).email);
    const supervisor = await stack().signIn((await ws.addUser('supervisor')).email);
    const secret = 'url-credentials-secret-12345';
    const crm = await startTestReceiver(secret);
    const SECRETS = ['hunter2-basic-pass', 'qtok-9f8e7d6c5b4a', 'second-pass-77', 'qtok-second-31'];
    try {
      const at = new URL(crm.url);
      const withCredentials = (pass: string, token: string) =>
        `http://crm-bot:${pass}@${at.host}${at.pathname}?token=${token}&source=ringside`;
      const created = (await (
        await send(cookie, 'POST', '/api/admin/webhooks', {
          url: withCredentials(SECRETS[0]!, SECRETS[1]!),
          events: ['*'],
          secret,
        })
      ).json()) as WebhookSubscriptionView;
      // the admin who manages it sees it whole; the receiver gets it whole
      expect(created.url).toBe(withCredentials(SECRETS[0]!, SECRETS[1]!));
      const tested = await send(cookie, 'POST', `/api/admin/webhooks/${created.id}/test`);
      expect(((await tested.json()) as { delivery: WebhookDeliveryView }).delivery.status).toBe(
        'delivered',
      );
      await send(cookie, 'PATCH', `/api/admin/webhooks/${created.id}`, {
        url: withCredentials(SECRETS[2]!, SECRETS[3]!),
      });

      const one = (await (
        await send(supervisor, 'GET', `/api/admin/webhooks/${created.id}`)
      ).json()) as WebhookSubscriptionView;
      expect(one.url).toBe(`http://****:****@${at.host}${at.pathname}?token=****&source=****`);
      const seen = [
        JSON.stringify(one),
        await (await send(supervisor, 'GET', '/api/admin/webhooks')).text(),
        await (await send(supervisor, 'GET', '/api/admin/audit')).text(),
        await (await send(cookie, 'GET', '/api/admin/audit')).text(),
      ];
      await send(cookie, 'DELETE', `/api/admin/webhooks/${created.id}`);
      seen.push(await (await send(cookie, 'GET', '/api/admin/audit')).text());
      expect(seen[3]).toContain('"action":"webhook.update"');
      expect(seen[4]).toContain('"action":"webhook.delete"');
      const all = [...seen, stack().logs.join('\n')].join('\n');
      for (const value of SECRETS) expect(all).not.toContain(value);
      expect(all).toContain(`${at.host}${at.pathname}`);
    } finally {
      await crm.close();
    }
  });

  it('reports an unreachable receiver in plain words, and refuses to test a disabled webhook', async () => {
    const cookie = await admin();
    const gone = await startTestReceiver('unused-secret-value');
    await gone.close(); // nothing listens on its port any more
    const created = (await (
      await send(cookie, 'POST', '/api/admin/webhooks', { url: gone.url, events: ['*'] })
    ).json()) as WebhookSubscriptionView;
    const { delivery } = (await (
      await send(cookie, 'POST', `/api/admin/webhooks/${created.id}/test`)
    ).json()) as { delivery: WebhookDeliveryView };
    expect(delivery).toMatchObject({
      status: 'failed',
      lastError: 'The receiver refused the connection.',
    });
    expect(delivery).not.toHaveProperty('lastStatusCode');

    await send(cookie, 'PATCH', `/api/admin/webhooks/${created.id}`, { active: false });
    expect((await send(cookie, 'POST', `/api/admin/webhooks/${created.id}/test`)).status).toBe(409);
  });

  it('edits and deletes a subscription', async () => {
    const cookie = await admin();
    const created = (await (
      await send(cookie, 'POST', '/api/admin/webhooks', {
        url: 'https://crm.example.com/a',
        events: ['*'],
      })
    ).json()) as WebhookSubscriptionView;
    const path = `/api/admin/webhooks/${created.id}`;
    const edited = await send(cookie, 'PATCH', path, {
      url: 'https://crm.example.com/b',
      events: ['call.ringing'],
      secret: 'a-replacement-secret-value',
    });
    const text = await edited.text();
    expect(JSON.parse(text)).toMatchObject({
      url: 'https://crm.example.com/b',
      events: ['call.ringing'],
    });
    expect(text).not.toContain('a-replacement-secret-value');
    expect((await send(cookie, 'PATCH', path, {})).status).toBe(400);
    expect((await send(cookie, 'DELETE', path)).status).toBe(204);
    expect((await send(cookie, 'GET', path)).status).toBe(404);
    expect((await send(cookie, 'DELETE', path)).status).toBe(404);
    const audit = (await (await send(cookie, 'GET', '/api/admin/audit')).json()) as {
      items: { action: string; secretsChanged: string[] }[];
    };
    expect(audit.items.map((e) => e.action)).toEqual([
      'webhook.delete',
      'webhook.update',
      'webhook.create',
    ]);
    expect(audit.items[1]?.secretsChanged).toEqual(['secret']);
  });
});
