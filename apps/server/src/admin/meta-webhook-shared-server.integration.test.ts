import { signMetaPayload } from '@ringside/contracts/signature';
import { describe, expect, it } from 'vitest';
import { useStack } from '../testing/test-stack';

const stack = useStack();
const CHOSEN_SECRET = 'a1b2c3d4e5f60718293a4b5c6d7e8f90';
const BODY = JSON.stringify({ object: 'page', entry: [] });

describe('the Meta app secret on a server that hosts several workspaces', () => {
  it('cannot be chosen by one workspace’s admin, so nobody can sign webhooks for another’s numbers', async () => {
    const mine = await stack().workspace();
    await stack().workspace(); // someone else's company on the same server
    const admin = await stack().signIn((await mine.addUser('admin')).email);

    const res = await stack().request(admin, '/api/admin/meta-webhook', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ appSecret: CHOSEN_SECRET }),
    });
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({
      error: {
        code: 'forbidden',
        message: expect.stringContaining('META_APP_SECRET') as unknown as string,
      },
    });

    // the operator's secret still rules: a body signed with the chosen one is refused
    expect((await stack().postWebhook(BODY, signMetaPayload(BODY, CHOSEN_SECRET))).status).toBe(
      401,
    );
    expect((await stack().postWebhook(BODY)).status).toBe(200);
    const audit = await (await stack().request(admin, '/api/admin/audit')).text();
    expect(audit).not.toContain('meta-webhook.set-app-secret');
  });
});
