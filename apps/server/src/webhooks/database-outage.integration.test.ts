import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { recordEvents, settle, useStack, waitUntil } from '../testing/test-stack';

// meta retries a failed delivery with growing delays; these leave room to bring the table back
const stack = useStack({
  sim: { webhooks: { retry: { baseDelayMs: 300, maxDelayMs: 1_000, maxAttempts: 8 } } },
});

/** makes one table unreachable, as a database that cannot take writes would be */
async function withTableAway(table: string, during: () => Promise<void>): Promise<void> {
  const { db } = stack().database;
  await db.execute(sql.raw(`alter table ${table} rename to ${table}_away`));
  try {
    await during();
  } finally {
    await db.execute(sql.raw(`alter table ${table}_away rename to ${table}`));
  }
}

describe('the database is briefly unavailable', () => {
  it('a delivery that cannot be stored gets 503, and Meta’s retry is stored and rings once', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    let callId = '';
    await withTableAway('webhook_receipts', async () => {
      const call = await stack().sim.placeCall({ channel: 'whatsapp', to: ws.phoneNumberId });
      callId = call.id;
      await waitUntil('the delivery is refused', () =>
        stack()
          .sim.deliveries({ callId })
          .some((d) => d.attempts.some((a) => a.status === 503)),
      );
    });
    await waitUntil('the call rings after Meta retries', () => seen.of('call:ringing').length > 0);
    await stack().settled();
    await settle(200);

    const [delivery] = stack().sim.deliveries({ callId, kind: 'connect' });
    expect(delivery?.state).toBe('delivered');
    expect(delivery?.attempts[0]?.status).toBe(503);
    expect(delivery?.attempts.at(-1)?.status).toBe(200);
    expect(seen.of('call:ringing')).toHaveLength(1);
    const page = await stack().app.repos.calls.listCalls(ws.id);
    expect(page.ok && page.items.map((c) => c.metaCallId)).toEqual([callId]);
  });

  it('a stored event whose processing fails is retried until it applies', async () => {
    const ws = await stack().workspace();
    const agent = await ws.agent();
    const seen = recordEvents(agent.socket);
    await withTableAway('calls', async () => {
      await stack().sim.placeCall({ channel: 'whatsapp', name: 'Patient', to: ws.phoneNumberId });
      await waitUntil('processing fails', () =>
        stack().logs.some((l) => l.includes('webhook event processing failed')),
      );
      // stored and acknowledged: Meta is not asked to send it again
      await waitUntil('Meta has its 200', () =>
        stack()
          .sim.deliveries({ kind: 'connect' })
          .every((d) => d.state === 'delivered'),
      );
      expect(stack().sim.deliveries({ kind: 'connect' }).at(-1)?.attempts).toHaveLength(1);
      expect(seen.of('call:ringing')).toEqual([]);
    });
    // the processor tries again on its own (every 2 s), now with the table back
    await waitUntil('the call rings', () => seen.of('call:ringing').length > 0, 6_000);
    expect(seen.of('call:ringing')[0]?.caller.name).toBe('Patient');
  });
});
