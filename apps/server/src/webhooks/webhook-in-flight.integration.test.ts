import { request, type ClientRequest, type IncomingMessage } from 'node:http';
import { signMetaPayload } from '@ringside/contracts/signature';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { webhookReceipts } from '../db/schema';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { APP_SECRET, useStack } from '../testing/test-stack';

const stack = useStack({ limits: { webhooksInFlight: 2 } });

function signedDelivery(phoneNumberId: string) {
  const text = JSON.stringify(whatsappConnect({ phoneNumberId, callId: newWhatsAppCallId() }));
  return { body: Buffer.from(text), signature: signMetaPayload(text, APP_SECRET) };
}

/**
 * A delivery whose sender is slow: its headers and the first bytes are in, the rest is not.
 * Resolves once the server has taken it (it asked for the body with 100 Continue).
 */
async function slowDelivery(body: Buffer, signature: string) {
  const url = new URL('/webhooks/meta', stack().url);
  const req: ClientRequest = request(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'content-length': body.length,
      'x-hub-signature-256': signature,
      expect: '100-continue',
    },
  });
  const answered = new Promise<IncomingMessage>((resolve, reject) => {
    req.once('response', resolve);
    req.once('error', reject);
  });
  // an aborted delivery's answer never comes; only `finish` waits for one
  answered.catch(() => undefined);
  await new Promise<void>((resolve) => req.once('continue', () => resolve()));
  req.write(body.subarray(0, 10));
  return {
    async finish(): Promise<number> {
      req.end(body.subarray(10));
      const res = await answered;
      res.resume();
      return res.statusCode ?? 0;
    },
    abort: () => req.destroy(),
  };
}

async function receipts(): Promise<number> {
  const [row] = await stack().database.db.select({ n: count() }).from(webhookReceipts);
  return row?.n ?? 0;
}

describe('webhook deliveries in flight', () => {
  it('answers 503 with Retry-After over the cap, and takes deliveries again once one is done', async () => {
    const ws = await stack().workspace();
    const first = signedDelivery(ws.phoneNumberId);
    const second = signedDelivery(ws.phoneNumberId);
    const slow = [
      await slowDelivery(first.body, first.signature),
      await slowDelivery(second.body, second.signature),
    ];
    try {
      const before = await receipts();

      const third = signedDelivery(ws.phoneNumberId);
      const refused = await stack().postWebhook(third.body.toString());
      expect(refused.status).toBe(503);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await receipts()).toBe(before);

      expect(await slow[0]?.finish()).toBe(200);
      // the slot is free again: Meta's retry of the refused delivery is stored
      expect((await stack().postWebhook(third.body.toString())).status).toBe(200);
      expect(await receipts()).toBe(before + 2);
    } finally {
      for (const delivery of slow) delivery.abort();
    }
  });
});
