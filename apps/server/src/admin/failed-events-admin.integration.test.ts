import { failedWebhookEventsReplySchema } from '@ringside/contracts';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordEvents, settle, useStack, waitUntil } from '../testing/test-stack';

// three quick attempts instead of ten over five minutes
const stack = useStack({ webhookRetries: { firstDelayMs: 20, maxDelayMs: 50, maxAttempts: 3 } });

async function failedEvents(cookie: string) {
  const res = await stack().request(cookie, '/api/admin/failed-webhook-events');
  expect(res.status).toBe(200);
  expect(res.headers.get('cache-control')).toContain('no-store');
  const text = await res.text();
  return { text, items: failedWebhookEventsReplySchema.parse(JSON.parse(text)).items };
}

async function whileCallsTableAway<T>(during: () => Promise<T>): Promise<T> {
  const { db } = stack().database;
  await db.execute(sql.raw('alter table calls rename to calls_away'));
  try {
    return await during();
  } finally {
    await db.execute(sql.raw('alter table calls_away rename to calls'));
  }
}

function retry(cookie: string, id: string) {
  return stack().request(
    cookie,
    `/api/admin/failed-webhook-events/${encodeURIComponent(id)}/retry`,
    {
      method: 'POST',
    },
  );
}

describe('webhook events that keep failing (dead letters)', () => {
  it('wait for an admin of their workspace, survive a restart, and apply when retried', async () => {
    const ws = await stack().workspace();
    const other = await stack().workspace();
    const admin = await stack().signIn((await ws.addUser('admin')).email);
    const supervisor = await stack().signIn((await ws.addUser('supervisor')).email);
    const agentCookie = await stack().signIn((await ws.addUser('agent')).email);
    const otherAdmin = await stack().signIn((await other.addUser('admin')).email);

    // applying the call's connect fails for as long as the calls table is away
    const metaCallId = await whileCallsTableAway(async () => {
      const call = await stack().sim.placeCall({
        channel: 'whatsapp',
        name: 'Patient',
        to: ws.phoneNumberId,
      });
      await waitUntil('the connect is a dead letter', async () => {
        return (await failedEvents(admin)).items.length === 1;
      });
      return call.id;
    });
    const metric = await stack().app.metrics.registry.getSingleMetricAsString(
      'ringside_webhook_dead_letters_total',
    );
    expect(metric).toContain('ringside_webhook_dead_letters_total{kind="call.offered"} 1');

    // the table is back, but nothing retries it by itself, not even a new process
    await stack().restart();
    await stack().settled();
    await settle(200);
    expect(await stack().app.repos.calls.listCalls(ws.id)).toMatchObject({ items: [] });

    const listed = await failedEvents(admin);
    expect(listed.items).toEqual([
      expect.objectContaining({
        kind: 'call.offered',
        channel: 'whatsapp',
        metaCallId,
        attempts: 3,
        lastError: 'relation "calls" does not exist',
      }),
    ]);
    // facts only: no SDP (ICE credentials), no token, no signature
    expect(listed.text).not.toContain('v=0');
    expect(listed.text).not.toMatch(/sha256=/);
    for (const token of ws.accessTokens) expect(listed.text).not.toContain(token);
    const id = listed.items[0]?.id ?? '';

    // admins only, and only their own workspace's
    for (const cookie of [supervisor, agentCookie]) {
      const res = await stack().request(cookie, '/api/admin/failed-webhook-events');
      expect(res.status).toBe(403);
      expect((await retry(cookie, id)).status).toBe(403);
    }
    expect((await failedEvents(otherAdmin)).items).toEqual([]);
    expect((await retry(otherAdmin, id)).status).toBe(404);
    expect((await failedEvents(admin)).items).toHaveLength(1);

    // the admin retries: the call rings at once, and the retry is in the audit log
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    expect((await retry(admin, id)).status).toBe(204);
    await waitUntil('the call rings', () => seen.of('call:ringing').length > 0);
    expect(seen.of('call:ringing')[0]?.caller.name).toBe('Patient');
    expect((await failedEvents(admin)).items).toEqual([]);
    expect((await retry(admin, id)).status).toBe(404);
    const audit = await stack().request(admin, '/api/admin/audit');
    expect(((await audit.json()) as { items: { action: string }[] }).items[0]).toMatchObject({
      action: 'meta-event.retry',
      target: { type: 'meta-event', id, label: `call.offered ${metaCallId}` },
    });
  });
});
