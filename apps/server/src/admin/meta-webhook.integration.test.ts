import type { MetaWebhookSettingsView } from '@ringside/contracts';
import { signMetaPayload } from '@ringside/contracts/signature';
import { describe, expect, it } from 'vitest';
import { APP_SECRET, ORIGIN, useStack } from '../testing/test-stack';

const stack = useStack();
const NEW_SECRET = '0f1e2d3c4b5a69788796a5b4c3d2e1f0';
// a body the endpoint stores and acknowledges: it only has to be signed and JSON
const BODY = JSON.stringify({ object: 'page', entry: [] });

const put = (cookie: string, body: unknown) =>
  stack().request(cookie, '/api/admin/meta-webhook', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

// this server hosts one workspace (only then may its admin set the installation's app secret)
let only: { admin: string; supervisor: string } | undefined;
async function cookies() {
  if (!only) {
    const ws = await stack().workspace();
    only = {
      admin: await stack().signIn((await ws.addUser('admin')).email),
      supervisor: await stack().signIn((await ws.addUser('supervisor')).email),
    };
  }
  return only;
}

describe('the webhook settings to paste into Meta’s dashboard', () => {
  it('shows the callback URL and verify token, never the app secret', async () => {
    const { admin, supervisor } = await cookies();
    for (const cookie of [admin, supervisor]) {
      const res = await stack().request(cookie, '/api/admin/meta-webhook');
      const text = await res.text();
      expect(JSON.parse(text)).toEqual({
        callbackUrl: `${ORIGIN}/webhooks/meta`,
        verifyToken: 'verify-me',
        appSecretSet: true,
        appSecretSource: 'environment',
        appSecretReason: 'none-stored',
        appSecretStored: false,
      });
      expect(text).not.toContain(APP_SECRET);
    }
  });

  it('uses an app secret an admin sets, at once, and falls back when it is cleared', async () => {
    const { admin } = await cookies();
    expect((await stack().postWebhook(BODY)).status).toBe(200);

    const set = await put(admin, { appSecret: NEW_SECRET });
    expect(set.status).toBe(200);
    const text = await set.text();
    expect(text).not.toContain(NEW_SECRET);
    expect(JSON.parse(text)).toMatchObject({
      appSecretSet: true,
      appSecretSource: 'settings',
      appSecretReason: 'one-workspace',
      appSecretStored: true,
    });

    // signed with the old secret: refused; with the new one: stored
    expect((await stack().postWebhook(BODY)).status).toBe(401);
    expect((await stack().postWebhook(BODY, signMetaPayload(BODY, NEW_SECRET))).status).toBe(200);

    const cleared = await put(admin, { appSecret: null });
    expect(((await cleared.json()) as MetaWebhookSettingsView).appSecretSource).toBe('environment');
    expect((await stack().postWebhook(BODY)).status).toBe(200);
    expect((await stack().postWebhook(BODY, signMetaPayload(BODY, NEW_SECRET))).status).toBe(401);

    const audit = await (await stack().request(admin, '/api/admin/audit')).text();
    expect(audit).toContain('"action":"meta-webhook.set-app-secret"');
    expect(audit).toContain('"action":"meta-webhook.clear-app-secret"');
    expect(audit).not.toContain(NEW_SECRET);
    expect(stack().logs.join('')).not.toContain(NEW_SECRET);
  });

  it('keeps the secret sealed at rest', async () => {
    const { admin } = await cookies();
    await put(admin, { appSecret: NEW_SECRET });
    const stored = await stack().app.repos.metaAppSettings.getSettings();
    expect(stored?.appSecret).toBe(NEW_SECRET);
    const raw = await stack().database.db.query.metaAppSettings.findFirst();
    expect(raw?.appSecretCiphertext).toMatch(/^v1\./);
    expect(raw?.appSecretCiphertext).not.toContain(NEW_SECRET);
    await put(admin, { appSecret: null });
  });

  it('refuses a secret too short to be Meta’s, and supervisors', async () => {
    const { admin, supervisor } = await cookies();
    expect((await put(admin, { appSecret: 'short' })).status).toBe(400);
    expect((await put(admin, {})).status).toBe(400);
    expect((await put(supervisor, { appSecret: NEW_SECRET })).status).toBe(403);
    expect((await stack().postWebhook(BODY)).status).toBe(200);
  });
});
