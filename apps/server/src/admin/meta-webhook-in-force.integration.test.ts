import { signMetaPayload } from '@ringside/contracts/signature';
import { describe, expect, it } from 'vitest';
import { newWhatsAppCallId, whatsappConnect } from '../testing/meta-payloads';
import { APP_SECRET, ORIGIN, recordEvents, useStack, waitUntil } from '../testing/test-stack';

const stack = useStack();
// what the first company's admin pasted while theirs was the only workspace on the server
const STORED = '5e7a1c9b3d2f4a6e8b0c1d3e5f7a9b2c';

describe('the app secret in force once the server hosts a second workspace', () => {
  it('a secret an admin stored verifies nothing for another workspace; Meta’s, signed with META_APP_SECRET, does', async () => {
    const first = await stack().workspace('First company');
    const firstAdmin = await stack().signIn((await first.addUser('admin')).email);
    const stored = await stack().request(firstAdmin, '/api/admin/meta-webhook', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appSecret: STORED }),
    });
    expect(await stored.json()).toMatchObject({
      appSecretSource: 'settings',
      appSecretReason: 'one-workspace',
    });

    // the operator hosts a second company (its own number, an agent waiting for calls)
    const second = await stack().workspace('Second company');
    const agent = await second.agent('Waiting');
    const seen = recordEvents(agent.socket);

    // the page says which secret is in force and why, never the stored one
    const page = await stack().request(firstAdmin, '/api/admin/meta-webhook');
    const text = await page.text();
    expect(JSON.parse(text)).toEqual({
      callbackUrl: `${ORIGIN}/webhooks/meta`,
      verifyToken: 'verify-me',
      appSecretSet: true,
      appSecretSource: 'environment',
      appSecretReason: 'several-workspaces',
      appSecretStored: true,
      updatedAt: expect.any(String) as unknown as string,
    });
    expect(text).not.toContain(STORED);

    // a call forged for the second company's number with the stored secret: refused, nobody rung
    const forgedId = newWhatsAppCallId();
    const forged = JSON.stringify(
      whatsappConnect({ phoneNumberId: second.phoneNumberId, callId: forgedId }),
    );
    expect((await stack().postWebhook(forged, signMetaPayload(forged, STORED))).status).toBe(401);
    expect(await stack().app.repos.calls.getCallByMetaId(second.id, forgedId)).toBeUndefined();

    // Meta's real delivery, signed with the server's META_APP_SECRET: accepted, the agent rings
    const realId = newWhatsAppCallId();
    const real = JSON.stringify(
      whatsappConnect({ phoneNumberId: second.phoneNumberId, callId: realId }),
    );
    expect((await stack().postWebhook(real, signMetaPayload(real, APP_SECRET))).status).toBe(200);
    await waitUntil('the second company’s agent rings', () => seen.of('call:ringing').length > 0);
    expect(await stack().app.repos.calls.getCallByMetaId(second.id, realId)).toBeDefined();
    // one call rang: Meta's, not the forged one
    expect(seen.of('call:ringing')).toHaveLength(1);

    // the next start (or another node) decides the same from the database
    await stack().restart();
    expect((await stack().postWebhook(forged, signMetaPayload(forged, STORED))).status).toBe(401);
    const again = JSON.stringify({ object: 'whatsapp_business_account', entry: [] });
    expect((await stack().postWebhook(again)).status).toBe(200);
    expect(stack().logs.join('')).not.toContain(STORED);
  });
});
