import { signMetaPayload } from '@ringside/contracts/signature';
import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { webhookReceipts } from '../db/schema';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { recordEvents, settle, useStack } from '../testing/test-stack';

const stack = useStack();

async function receiptsStored(): Promise<number> {
  const [row] = await stack().database.db.select({ n: count() }).from(webhookReceipts);
  return row?.n ?? 0;
}

describe('webhook signatures', () => {
  it.each([
    ['missing', null],
    ['signed with another secret', signMetaPayload('{}', 'not-the-app-secret')],
    ['malformed', 'sha256=zz'],
    ['without the sha256= prefix', 'deadbeef'],
  ])(
    'a %s signature is refused with 401 and nothing is stored or rung',
    async (_what, signature) => {
      const ws = await stack().workspace();
      const agent = await ws.agent();
      const seen = recordEvents(agent.socket);
      const before = await receiptsStored();
      const body = JSON.stringify(
        whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId: newWhatsAppCallId() }),
      );
      const res = await stack().postWebhook(body, signature);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: expect.stringMatching(/^signature /) });
      await settle(150);
      expect(await receiptsStored()).toBe(before);
      expect(seen.of('call:ringing')).toHaveLength(0);
    },
  );

  it('a signature for other bytes is refused: one changed character is enough', async () => {
    const ws = await stack().workspace();
    const body = JSON.stringify(
      whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId: newWhatsAppCallId() }),
    );
    const tampered = body.replace('"Rahul"', '"Rahu1"');
    const before = await receiptsStored();
    const res = await stack().postWebhook(tampered, signMetaPayload(body, 'test-app-secret-7f3a'));
    expect(res.status).toBe(401);
    expect(await receiptsStored()).toBe(before);
  });

  it('the correctly signed body is stored, and failures are counted in /metrics', async () => {
    const ws = await stack().workspace();
    const before = await receiptsStored();
    const body = JSON.stringify(
      whatsappConnect({ phoneNumberId: ws.phoneNumberId, callId: newWhatsAppCallId() }),
    );
    expect((await stack().postWebhook(body)).status).toBe(200);
    expect(await receiptsStored()).toBe(before + 1);
    const metrics = await (await fetch(`${stack().url}/metrics`)).text();
    expect(metrics).toMatch(/ringside_webhook_signature_failures_total\{reason="[a-z-]+"\} [1-9]/);
  });
});
