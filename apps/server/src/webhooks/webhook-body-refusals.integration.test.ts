import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { webhookReceipts } from '../db/schema';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { useStack } from '../testing/test-stack';
import { MAX_WEBHOOK_BYTES } from './meta-webhook-router';

const stack = useStack();

async function receiptsStored(): Promise<number> {
  const [row] = await stack().database.db.select({ n: count() }).from(webhookReceipts);
  return row?.n ?? 0;
}

describe('webhook bodies the server cannot take', () => {
  it('refuses a body over 3 MB with 413, stores nothing and keeps serving', async () => {
    const ws = await stack().workspace();
    const before = await receiptsStored();
    const connect = whatsappConnect({
      phoneNumberId: ws.phoneNumberId,
      callId: newWhatsAppCallId(),
    });
    const body = JSON.stringify({ ...connect, padding: 'x'.repeat(MAX_WEBHOOK_BYTES) });
    const res = await stack().postWebhook(body);
    expect(res.status).toBe(413);
    expect(await res.json()).toEqual({ error: `body over ${MAX_WEBHOOK_BYTES} bytes` });
    expect(await receiptsStored()).toBe(before);
    expect((await stack().postWebhook(JSON.stringify(connect))).status).toBe(200);
  });

  it('takes a signed body of almost 3 MB (Meta batches that much)', async () => {
    const ws = await stack().workspace();
    const connect = whatsappConnect({
      phoneNumberId: ws.phoneNumberId,
      callId: newWhatsAppCallId(),
    });
    const room = MAX_WEBHOOK_BYTES - JSON.stringify({ ...connect, padding: '' }).length;
    const body = JSON.stringify({ ...connect, padding: 'x'.repeat(room) });
    expect(Buffer.byteLength(body)).toBe(MAX_WEBHOOK_BYTES);
    expect((await stack().postWebhook(body)).status).toBe(200);
  });

  it.each([
    ['truncated JSON', '{"object":"whatsapp_business_account","entry":['],
    ['not JSON at all', 'hello=world'],
    ['an empty body', ''],
  ])('refuses %s, correctly signed, with 400 and stores nothing', async (_what, body) => {
    const before = await receiptsStored();
    const res = await stack().postWebhook(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'body is not valid JSON' });
    expect(await receiptsStored()).toBe(before);
  });

  it('stores and acknowledges JSON that is not a Meta envelope (retrying would not help)', async () => {
    const before = await receiptsStored();
    const res = await stack().postWebhook(JSON.stringify({ object: 'instagram', entry: 'x' }));
    expect(res.status).toBe(200);
    expect(await receiptsStored()).toBe(before + 1);
  });
});
