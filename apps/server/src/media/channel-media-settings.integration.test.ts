import type { AdminChannelView } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { useStack } from '../testing/test-stack';

const stack = useStack();

const patch = (cookie: string, path: string, body: unknown) =>
  stack().request(cookie, path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

async function admin() {
  const ws = await stack().workspace();
  const user = await ws.addUser('admin');
  return { ws, cookie: await stack().signIn(user.email) };
}

describe('a line’s recording settings (admin)', () => {
  it('keeps the policy, purpose, announcement language and retention, and audits the change', async () => {
    const { ws, cookie } = await admin();
    const res = await patch(cookie, `/api/admin/channels/${ws.whatsappChannelId}`, {
      mediaCapture: 'both',
      mediaPurpose: 'quality assurance',
      mediaAnnouncementLanguage: 'pt_BR',
      mediaRetentionDays: 14,
    });
    expect(res.status).toBe(200);
    expect((await res.json()) as AdminChannelView).toMatchObject({
      mediaCapture: 'both',
      mediaPurpose: 'quality assurance',
      mediaAnnouncementLanguage: 'pt_BR',
      mediaRetentionDays: 14,
    });
    const audit = await stack().app.repos.auditLog.listEntries(ws.id, { limit: 5 });
    expect(audit.items[0]).toMatchObject({ action: 'channel.update' });
  });

  it('names each bad field', async () => {
    const { ws, cookie } = await admin();
    const res = await patch(cookie, `/api/admin/channels/${ws.whatsappChannelId}`, {
      mediaCapture: 'always',
      mediaAnnouncementLanguage: 'english',
      mediaRetentionDays: 0,
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { issues: Array<{ path: string }> } };
    expect(body.error.issues.map((i) => i.path).sort()).toEqual([
      'mediaAnnouncementLanguage',
      'mediaCapture',
      'mediaRetentionDays',
    ]);
  });

  it('refuses recording on a Messenger line (Meta records WhatsApp calls only)', async () => {
    const { ws, cookie } = await admin();
    const res = await patch(cookie, `/api/admin/channels/${ws.messengerChannelId}`, {
      mediaCapture: 'record',
    });
    expect(res.status).toBe(400);
    expect(JSON.stringify(await res.json())).toContain('Only WhatsApp lines');
  });
});
