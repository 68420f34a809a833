import { describe, expect, it } from 'vitest';
import { metaWebhookSchema, parseMetaWebhook } from './meta-webhook';
import type { Json } from './test-fixtures';
import { listFixtures, listWebhookFixtures, loadFixture } from './test-fixtures';

function waConnect(): Json {
  return loadFixture('whatsapp/connect-user-initiated.json') as Json;
}

function issuesOf(json: unknown) {
  const result = parseMetaWebhook(json);
  if (result.ok) throw new Error('expected the body to be refused');
  return result.error;
}

describe('metaWebhookSchema on the shared fixtures', () => {
  const names = listWebhookFixtures();

  it('leaves out only Graph replies, each parsed by its own schema elsewhere', () => {
    const replies = listFixtures().filter((n) => !names.includes(n));
    expect(replies.sort()).toEqual([
      'messenger/accept-reply-with-renegotiation.json',
      'messenger/call-permissions-reply.json',
    ]);
  });

  it('finds both channels’ fixtures', () => {
    expect(names.some((n) => n.startsWith('whatsapp/'))).toBe(true);
    expect(names.some((n) => n.startsWith('messenger/'))).toBe(true);
  });

  it.each(names)('parses %s', (name) => {
    const result = metaWebhookSchema.safeParse(loadFixture(name));
    expect(result.error?.issues).toBeUndefined();
    expect(result.success).toBe(true);
  });
});

describe('parseMetaWebhook', () => {
  it('returns the typed body for a WhatsApp connect', () => {
    const result = parseMetaWebhook(waConnect());
    expect(result.ok).toBe(true);
    if (!result.ok || result.value.object !== 'whatsapp_business_account') return;
    const value = result.value.entry[0]?.changes[0]?.value;
    expect(value?.metadata.phone_number_id).toBe('115017831530658');
    expect(value?.calls?.[0]?.event).toBe('connect');
  });

  it('names the missing call id by its full path', () => {
    const body = waConnect();
    delete body.entry[0].changes[0].value.calls[0].id;
    const error = issuesOf(body);
    expect(error.issues.map((i) => i.path)).toEqual(['entry[0].changes[0].value.calls[0].id']);
    expect(error.summary).toContain('entry[0].changes[0].value.calls[0].id');
    expect(error.summary).toMatch(/^1 problem: /);
  });

  it('refuses a timestamp given as an object', () => {
    const body = waConnect();
    body.entry[0].changes[0].value.calls[0].timestamp = { seconds: 1753115233 };
    const error = issuesOf(body);
    expect(error.issues[0]?.path).toBe('entry[0].changes[0].value.calls[0].timestamp');
    expect(error.issues[0]?.message).toMatch(/expected string/);
  });

  it('refuses an unknown call event and lists the known ones', () => {
    const body = waConnect();
    body.entry[0].changes[0].value.calls[0].event = 'transfer';
    const error = issuesOf(body);
    expect(error.issues[0]?.path).toBe('entry[0].changes[0].value.calls[0].event');
    expect(error.issues[0]?.message).toContain('connect');
    expect(error.issues[0]?.message).toContain('terminate');
  });

  it('refuses an unknown object', () => {
    const body = waConnect();
    body.object = 'instagram';
    const error = issuesOf(body);
    expect(error.issues[0]?.path).toBe('object');
    expect(error.issues[0]?.message).toContain('whatsapp_business_account');
  });

  it('refuses input that is not an object at all, naming the root', () => {
    expect(issuesOf('hello').issues[0]?.path).toBe('(root)');
    expect(issuesOf(null).issues[0]?.path).toBe('(root)');
  });

  it('reports every problem in a batch, the summary showing the first three', () => {
    const body = waConnect();
    const call = body.entry[0].changes[0].value.calls[0];
    const calls = [1, 2, 3, 4].map(() => ({ ...call, id: 42 }));
    body.entry[0].changes[0].value.calls = calls;
    const error = issuesOf(body);
    expect(error.issues).toHaveLength(4);
    expect(error.issues[3]?.path).toBe('entry[0].changes[0].value.calls[3].id');
    expect(error.summary).toMatch(/^4 problems: .*; and 1 more$/);
  });

  it('refuses a Messenger body with a bad entry time, naming the entry', () => {
    const body = loadFixture('messenger/connect-user-initiated.json') as Json;
    body.entry[0].time = 'yesterday';
    expect(issuesOf(body).issues[0]?.path).toBe('entry[0].time');
  });
});
