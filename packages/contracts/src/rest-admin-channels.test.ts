import { describe, expect, it } from 'vitest';
import {
  adminChannelCreateBodySchema,
  adminChannelUpdateBodySchema,
  adminChannelViewSchema,
} from './rest-admin-channels';

const page = {
  channel: 'messenger',
  pageId: '106378625516309',
  name: 'Acme',
  accessToken: 'EAAG-a-token-long-enough-0001',
};

describe('admin channel bodies', () => {
  it('accepts a Page with ring settings, keeping both parts', () => {
    const parsed = adminChannelCreateBodySchema.parse({
      ...page,
      ringTimeoutSec: 30,
      whenNobodyAvailable: 'reject',
      extra: 1,
    });
    expect(parsed).toEqual({ ...page, ringTimeoutSec: 30, whenNobodyAvailable: 'reject' });
  });

  it('refuses ring timers out of bounds and unknown policies', () => {
    for (const bad of [
      { ringTimeoutSec: 9 },
      { ringTimeoutSec: 601 },
      { agentTimeoutSec: 4 },
      { whenNobodyAvailable: 'voicemail' },
    ]) {
      expect(
        adminChannelCreateBodySchema.safeParse({ ...page, ...bad }).success,
        JSON.stringify(bad),
      ).toBe(false);
      expect(adminChannelUpdateBodySchema.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('takes a call audio path in an update, direct or anchored only', () => {
    expect(adminChannelUpdateBodySchema.parse({ mediaMode: 'anchored' })).toEqual({
      mediaMode: 'anchored',
    });
    expect(adminChannelUpdateBodySchema.safeParse({ mediaMode: 'relay' }).success).toBe(false);
  });

  it('wants at least one change in an update', () => {
    expect(adminChannelUpdateBodySchema.safeParse({}).success).toBe(false);
    expect(adminChannelUpdateBodySchema.parse({ assignedUserIds: [] })).toEqual({
      assignedUserIds: [],
    });
  });

  it('drops a token from a view', () => {
    const view = adminChannelViewSchema.parse({
      id: 'ch_1',
      workspaceId: 'w_1',
      channel: 'messenger',
      label: 'Acme',
      pageId: '106378625516309',
      ringStrategy: 'all',
      assignedUserIds: [],
      enabled: true,
      tokenSet: true,
      createdAt: '2025-07-21T16:27:13.000Z',
      ringTimeoutSec: 45,
      agentTimeoutSec: 15,
      whenNobodyAvailable: 'keep-ringing',
      wrapUp: 'off',
      wrapUpSec: 30,
      updatedAt: '2025-07-21T16:27:13.000Z',
      accessToken: 'EAAG-should-vanish',
    });
    expect(view).not.toHaveProperty('accessToken');
  });
});
