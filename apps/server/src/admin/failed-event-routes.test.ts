import { describe, expect, it } from 'vitest';
import { toFailedEventView } from './failed-event-routes';

const row = {
  idempotencyKey: 'whatsapp:115017831530600:wacid.1:connect:1751364000',
  kind: 'call.offered',
  channel: 'whatsapp' as const,
  metaCallId: 'wacid.1',
  receivedAt: new Date('2026-12-06T10:00:00Z'),
  deadAt: new Date('2026-12-06T10:05:02Z'),
  attempts: 10,
};

describe('a failed webhook event as an admin sees it', () => {
  it('masks what looks like a credential in its error and keeps it short', () => {
    const token = `EAAG${'x1'.repeat(30)}`;
    const view = toFailedEventView({
      ...row,
      lastError: `connect to postgres://ringside:hunter2@db:5432 failed; GET /v24.0/me?access_token=${token} with Bearer ${token} ${'.'.repeat(400)}`,
    });
    expect(view).toMatchObject({
      id: row.idempotencyKey,
      attempts: 10,
      failedAt: '2026-12-06T10:05:02.000Z',
    });
    expect(view.lastError).not.toContain('hunter2');
    expect(view.lastError).not.toContain(token.slice(3));
    expect(view.lastError?.length).toBeLessThanOrEqual(301);
  });
});
