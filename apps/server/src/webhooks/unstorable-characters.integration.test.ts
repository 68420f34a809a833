import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { calls, webhookReceipts } from '../db/schema';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { useStack } from '../testing/test-stack';

const stack = useStack();

describe('a webhook carrying characters PostgreSQL cannot hold (NUL, half a surrogate pair)', () => {
  it('is stored and acknowledged, the call still rings, and the raw body keeps the escape', async () => {
    const ws = await stack().workspace();
    const callId = newWhatsAppCallId();
    const body = JSON.stringify(
      whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId, name: 'Ra\u0000h\ud800ul' }),
    );
    expect(body).toContain('\\u0000');
    expect(body).toContain('\\ud800');

    const res = await stack().postWebhook(body);
    expect(res.status).toBe(200);
    await stack().app.processor.idle();

    const [receipt] = await stack()
      .database.db.select()
      .from(webhookReceipts)
      .where(eq(webhookReceipts.raw, body));
    expect(receipt?.outcome).toBe('stored');
    const [call] = await stack()
      .database.db.select()
      .from(calls)
      .where(eq(calls.metaCallId, callId));
    expect(call?.state).toBe('ringing');
    expect(call?.callerName).toBe('Ra\uFFFDh\uFFFDul');
  });
});
