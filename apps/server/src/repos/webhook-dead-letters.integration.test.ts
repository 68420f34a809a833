import { describe, expect, it } from 'vitest';
import { ENGINES, useTestDatabase } from '../testing/test-databases';
import { seedWorkspace, testRepos, metaId } from '../testing/test-seed';
import { createWebhookDeadLettersRepo } from './webhook-dead-letters';
import type { IncomingWebhookEvent } from './webhook-receipts';

function offered(endpointId: string): IncomingWebhookEvent {
  const metaCallId = `wacid.${metaId()}`;
  return {
    idempotencyKey: `whatsapp:${endpointId}:${metaCallId}:connect`,
    metaCallId,
    kind: 'call.offered',
    payload: { kind: 'call.offered', channel: 'whatsapp', endpointId, callId: metaCallId },
  };
}

describe.each(ENGINES)('dead letters on %s', (engine) => {
  const database = useTestDatabase(engine);

  it('leave the pending scans, show only in their own workspace, and come back when revived', async () => {
    const { db } = database();
    const repos = testRepos(db, engine);
    const letters = createWebhookDeadLettersRepo(db);
    const acme = await seedWorkspace(repos, ['admin'], 'Acme');
    const globex = await seedWorkspace(repos, ['admin'], 'Globex');
    const ours = offered(acme.channel.externalId);
    const theirs = offered(globex.channel.externalId);
    const nobodys = offered(metaId());
    const later = offered(acme.channel.externalId);
    await repos.webhookReceipts.storeReceipt({
      object: 'whatsapp_business_account',
      raw: '{}',
      events: [ours, theirs, nobodys],
      outcome: 'accepted',
      receivedAt: new Date(Date.now() - 120_000),
    });
    await repos.webhookReceipts.storeReceipt({
      object: 'whatsapp_business_account',
      raw: '{}',
      events: [later],
      outcome: 'accepted',
      receivedAt: new Date(Date.now() - 60_000),
    });
    const keys = [ours, theirs, nobodys, later].map((e) => e.idempotencyKey);
    for (const key of keys) {
      await repos.webhookReceipts.markFailed(key, 'boom');
      await repos.webhookReceipts.markFailed(key, 'relation "calls" does not exist', new Date());
    }

    // neither a start-up scan nor another node's left-behind sweep takes them in
    const pending = async (before?: Date) =>
      (await repos.webhookReceipts.unprocessedEvents(1_000, before)).map((e) => e.idempotencyKey);
    expect((await pending()).filter((k) => keys.includes(k))).toEqual([]);
    expect((await pending(new Date())).filter((k) => keys.includes(k))).toEqual([]);

    const listed = await letters.listDeadLetters(acme.workspaceId, 100);
    expect(listed.map((l) => l.idempotencyKey)).toEqual([
      later.idempotencyKey,
      ours.idempotencyKey,
    ]);
    expect(listed[1]).toMatchObject({
      kind: 'call.offered',
      channel: 'whatsapp',
      metaCallId: ours.metaCallId,
      attempts: 2,
      lastError: 'relation "calls" does not exist',
    });
    expect(
      (await letters.listDeadLetters(globex.workspaceId, 100)).map((l) => l.idempotencyKey),
    ).toEqual([theirs.idempotencyKey]);

    // another workspace cannot revive it; its own can, once
    expect(await letters.reviveDeadLetter(globex.workspaceId, ours.idempotencyKey)).toBeUndefined();
    expect(
      await letters.reviveDeadLetter(acme.workspaceId, nobodys.idempotencyKey),
    ).toBeUndefined();
    const revived = await letters.reviveDeadLetter(acme.workspaceId, ours.idempotencyKey);
    expect(revived).toMatchObject({
      idempotencyKey: ours.idempotencyKey,
      attempts: 0,
      deadAt: null,
    });
    expect(await letters.reviveDeadLetter(acme.workspaceId, ours.idempotencyKey)).toBeUndefined();
    // pending again: any node's sweep finds it
    expect(await pending(new Date())).toContain(ours.idempotencyKey);
    expect(
      (await letters.listDeadLetters(acme.workspaceId, 100)).map((l) => l.idempotencyKey),
    ).toEqual([later.idempotencyKey]);
  });
});
