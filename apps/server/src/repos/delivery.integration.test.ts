import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { webhookReceipts } from '../db/schema';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import type { IncomingWebhookEvent } from './webhook-receipts';
import { seedWorkspace, testRepos } from '../testing/test-seed';

const NOW = new Date('2025-07-01T10:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

let counter = 0;
function event(
  kind: string,
  metaCallId: string | null = `wacid.${++counter}`,
): IncomingWebhookEvent {
  return {
    idempotencyKey: `${kind}:${metaCallId}:${++counter}`,
    metaCallId,
    kind,
    payload: { kind, metaCallId },
  };
}

describe.each(ENGINES)('webhook receipts on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('stores the receipt and its events, dropping duplicates by key but keeping the receipt', async () => {
    const repos = testRepos(database().db);
    const connect = event('connect');
    const terminate = event('terminate', connect.metaCallId);
    const first = await repos.webhookReceipts.storeReceipt({
      object: 'whatsapp_business_account',
      raw: '{"object":"whatsapp_business_account","first":true}',
      events: [connect, terminate],
      outcome: 'accepted',
    });
    expect(first.newEvents.map((e) => e.idempotencyKey)).toEqual([
      connect.idempotencyKey,
      terminate.idempotencyKey,
    ]);
    expect(first.newEvents[0]?.payload).toEqual(connect.payload);

    // meta retries the same body, plus a new event, and repeats a key inside one body
    const permission = event('permission', null);
    const retry = await repos.webhookReceipts.storeReceipt({
      object: 'whatsapp_business_account',
      raw: '{"object":"whatsapp_business_account","retry":true}',
      events: [connect, permission, terminate, permission],
      outcome: 'accepted',
      detail: 'retry',
    });
    expect(retry.receiptId).not.toBe(first.receiptId);
    expect(retry.newEvents.map((e) => e.idempotencyKey)).toEqual([permission.idempotencyKey]);
    const [stored] = await database()
      .db.select()
      .from(webhookReceipts)
      .where(eq(webhookReceipts.id, retry.receiptId));
    expect(stored).toMatchObject({
      raw: '{"object":"whatsapp_business_account","retry":true}',
      detail: 'retry',
    });
  });

  it('stores several deliveries with one statement, each with its own receipt and new events', async () => {
    const repos = testRepos(database().db);
    const a = event('connect');
    const b = event('terminate', a.metaCallId);
    const c = event('connect');
    const stored = await repos.webhookReceipts.storeReceipts([
      { object: 'page', raw: '{"n":1}', events: [a, b], outcome: 'stored' },
      { object: 'page', raw: '{"n":2}', events: [], outcome: 'invalid', detail: 'not understood' },
      // the same key twice in one group (Meta retrying quickly): stored once, for the first
      { object: 'page', raw: '{"n":3}', events: [c, a], outcome: 'stored' },
      { object: 'page', raw: '{"n":4}', events: [c], outcome: 'stored' },
    ]);
    expect(stored.map((s) => s.newEvents.map((e) => e.idempotencyKey))).toEqual([
      [a.idempotencyKey, b.idempotencyKey],
      [],
      [c.idempotencyKey],
      [],
    ]);
    const ids = stored.map((s) => s.receiptId);
    expect(new Set(ids).size).toBe(4);
    expect([...ids].sort((x, y) => x - y)).toEqual(ids);
    const rows = await database()
      .db.select()
      .from(webhookReceipts)
      .where(eq(webhookReceipts.id, ids[1]!));
    expect(rows[0]).toMatchObject({ raw: '{"n":2}', outcome: 'invalid', detail: 'not understood' });
    // what the processor is handed is what was stored
    const pending = await repos.webhookReceipts.unprocessedEvents(1_000);
    const byKey = new Map(pending.map((e) => [e.idempotencyKey, e]));
    for (const fresh of stored.flatMap((s) => s.newEvents)) {
      expect(byKey.get(fresh.idempotencyKey)).toMatchObject({
        receiptId: fresh.receiptId,
        position: fresh.position,
        kind: fresh.kind,
        payload: fresh.payload,
      });
    }
  });

  it('stores none of a group when one of its deliveries cannot be stored', async () => {
    const repos = testRepos(database().db);
    const before = (await database().db.select().from(webhookReceipts)).length;
    const good = event('connect');
    await expect(
      repos.webhookReceipts.storeReceipts([
        { object: 'page', raw: '{"good":true}', events: [good], outcome: 'stored' },
        {
          object: 'page',
          raw: '{"bad":true}',
          events: [{ ...event('broken'), payload: undefined }],
          outcome: 'stored',
        },
      ]),
    ).rejects.toThrow();
    expect((await database().db.select().from(webhookReceipts)).length).toBe(before);
    const [alone] = await repos.webhookReceipts.storeReceipts([
      { object: 'page', raw: '{"good":true}', events: [good], outcome: 'stored' },
    ]);
    expect(alone?.newEvents.map((e) => e.idempotencyKey)).toEqual([good.idempotencyKey]);
  });

  it('marks several events processed at once, or inside the caller’s transaction', async () => {
    const repos = testRepos(database().db);
    const [x, y, z] = [event('connect'), event('connect'), event('connect')];
    await repos.webhookReceipts.storeReceipt({
      object: 'page',
      raw: 'xyz',
      events: [x, y, z],
      outcome: 'stored',
    });
    await repos.webhookReceipts.markProcessed([x.idempotencyKey, y.idempotencyKey]);
    await expect(
      database().db.transaction(async (tx) => {
        await repos.webhookReceipts.markProcessed(z.idempotencyKey, new Date(), tx);
        throw new Error('the call did not save');
      }),
    ).rejects.toThrow('the call did not save');
    const pending = (await repos.webhookReceipts.unprocessedEvents(1_000)).map(
      (e) => e.idempotencyKey,
    );
    expect(pending).toContain(z.idempotencyKey);
    expect(pending).not.toContain(x.idempotencyKey);
    expect(pending).not.toContain(y.idempotencyKey);
  });

  it('finds events left pending by receipts received before a time', async () => {
    const repos = testRepos(database().db);
    const old = event('connect');
    const recent = event('connect');
    await repos.webhookReceipts.storeReceipts([
      { object: 'page', raw: 'old', events: [old], outcome: 'stored', receivedAt: at(-60_000) },
      { object: 'page', raw: 'new', events: [recent], outcome: 'stored', receivedAt: at(0) },
    ]);
    const left = await repos.webhookReceipts.unprocessedEvents(1_000, at(-30_000));
    expect(left.map((e) => e.idempotencyKey)).toContain(old.idempotencyKey);
    expect(left.map((e) => e.idempotencyKey)).not.toContain(recent.idempotencyKey);
  });

  it('stores a receipt that carries no events', async () => {
    const repos = testRepos(database().db);
    const stored = await repos.webhookReceipts.storeReceipt({
      object: 'page',
      raw: '{"object":"page","entry":[]}',
      events: [],
      outcome: 'no-events',
    });
    expect(stored.newEvents).toEqual([]);
    expect(stored.receiptId).toBeGreaterThan(0);
  });

  it('stores nothing when a body cannot be stored whole', async () => {
    const repos = testRepos(database().db);
    const before = (await database().db.select().from(webhookReceipts)).length;
    const good = event('connect');
    await expect(
      repos.webhookReceipts.storeReceipt({
        object: 'page',
        raw: '{}',
        // payload is required: this event cannot be stored, so the receipt must not be either
        events: [good, { ...event('broken'), payload: undefined }],
        outcome: 'accepted',
      }),
    ).rejects.toThrow();
    expect((await database().db.select().from(webhookReceipts)).length).toBe(before);
    const again = await repos.webhookReceipts.storeReceipt({
      object: 'page',
      raw: '{}',
      events: [good],
      outcome: 'accepted',
    });
    expect(again.newEvents).toHaveLength(1);
  });

  it('keeps events pending until processed, in arrival order, across a restart', async () => {
    const repos = testRepos(database().db);
    const pendingBefore = await repos.webhookReceipts.unprocessedEvents(1_000);
    for (const stale of pendingBefore)
      await repos.webhookReceipts.markProcessed(stale.idempotencyKey);

    const a = event('connect');
    const b = event('terminate', a.metaCallId);
    const c = event('connect');
    await repos.webhookReceipts.storeReceipt({
      object: 'page',
      raw: '1',
      events: [a, b],
      outcome: 'accepted',
    });
    await repos.webhookReceipts.storeReceipt({
      object: 'page',
      raw: '2',
      events: [c],
      outcome: 'accepted',
    });

    // a fresh repository stands for the server after a restart
    const restarted = testRepos(database().db).webhookReceipts;
    const pending = await restarted.unprocessedEvents(10);
    expect(pending.map((e) => e.idempotencyKey)).toEqual([a, b, c].map((e) => e.idempotencyKey));

    await restarted.markFailed(a.idempotencyKey, 'graph unreachable');
    await restarted.markProcessed(b.idempotencyKey, at(1_000));
    const left = await restarted.unprocessedEvents(10);
    expect(left.map((e) => e.idempotencyKey)).toEqual([a.idempotencyKey, c.idempotencyKey]);
    expect(left[0]).toMatchObject({ attempts: 1, lastError: 'graph unreachable' });
    expect(await restarted.unprocessedEvents(1)).toHaveLength(1);
  });
});

describe.each(ENGINES)('outbox on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('delivers due messages at least once, hiding claimed ones and retrying failures', async () => {
    const repos = testRepos(database().db);
    const { workspaceId } = await seedWorkspace(repos);
    const { db } = database();
    const first = await db.transaction((tx) =>
      repos.outbox.enqueue(tx, { workspaceId, topic: 'webhook:call.ringing', payload: { n: 1 } }),
    );
    const second = await repos.outbox.enqueue(db, {
      workspaceId,
      topic: 'webhook:call.ended',
      payload: { n: 2 },
    });

    // the database stamps microseconds; a Date holds milliseconds: look a second later
    const now = new Date(Math.max(+first.nextAttemptAt, +second.nextAttemptAt) + 1_000);
    const claimed = await repos.outbox.claimDue(now, 10, 60_000);
    expect(claimed.map((m) => m.id)).toEqual([first.id, second.id]);
    expect(claimed.map((m) => m.attempts)).toEqual([1, 1]);
    // claimed and not yet settled: invisible to other workers until the lease ends
    expect(await repos.outbox.claimDue(now, 10)).toEqual([]);

    await repos.outbox.markDelivered(first.id, now);
    await repos.outbox.markFailed(second.id, 'HTTP 503', new Date(now.getTime() + 5_000));
    expect(await repos.outbox.claimDue(new Date(now.getTime() + 4_000), 10)).toEqual([]);
    const retried = await repos.outbox.claimDue(new Date(now.getTime() + 5_000), 10);
    expect(retried).toMatchObject([{ id: second.id, attempts: 2, lastError: 'HTTP 503' }]);
    // a worker that died mid-delivery: the lease runs out and the message comes back
    const afterLease = await repos.outbox.claimDue(new Date(now.getTime() + 5_000 + 60_001), 10);
    expect(afterLease.map((m) => m.id)).toEqual([second.id]);
  });

  it('discards what a rolled-back transaction enqueued', async () => {
    const repos = testRepos(database().db);
    const { workspaceId } = await seedWorkspace(repos);
    await expect(
      database().db.transaction(async (tx) => {
        await repos.outbox.enqueue(tx, { workspaceId, topic: 'webhook:call.ended', payload: {} });
        throw new Error('call save failed');
      }),
    ).rejects.toThrow('call save failed');
    const due = await repos.outbox.claimDue(at(365 * 24 * 3_600_000), 1_000);
    expect(due.filter((m) => m.workspaceId === workspaceId)).toEqual([]);
  });

  it('never hands one message to two concurrent workers', async () => {
    const repos = testRepos(database().db);
    const { workspaceId } = await seedWorkspace(repos);
    for (let n = 0; n < 20; n += 1) {
      await repos.outbox.enqueue(database().db, { workspaceId, topic: 't', payload: { n } });
    }
    const when = at(365 * 24 * 3_600_000 * 2);
    const batches = await Promise.all(
      Array.from({ length: 4 }, () => repos.outbox.claimDue(when, 8)),
    );
    const ids = batches.flat().map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
