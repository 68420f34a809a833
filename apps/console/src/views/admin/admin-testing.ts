// test helpers for the admin pages
import type { AdminChannelView, UserView, WebhookSubscriptionView } from '@ringside/contracts';

const CREATED = '2026-03-01T10:00:00.000Z';

export const TOKEN = 'EAAGm0PX4ZCpsBAtestTokenForRingside';

export function pageChannel(overrides: Partial<AdminChannelView> = {}): AdminChannelView {
  return {
    id: 'ch_page',
    workspaceId: 'w1',
    channel: 'messenger',
    label: 'Acme Support',
    pageId: '106378625516309',
    ringStrategy: 'all',
    assignedUserIds: [],
    enabled: true,
    tokenSet: true,
    createdAt: CREATED,
    ringTimeoutSec: 45,
    agentTimeoutSec: 15,
    whenNobodyAvailable: 'keep-ringing',
    wrapUp: 'off',
    wrapUpSec: 30,
    updatedAt: CREATED,
    ...overrides,
  };
}

export function numberChannel(overrides: Partial<AdminChannelView> = {}): AdminChannelView {
  return {
    ...pageChannel(),
    id: 'ch_wa',
    channel: 'whatsapp',
    label: 'Sales line',
    pageId: undefined,
    phoneNumberId: '115017831530658',
    wabaId: '114255454940862',
    displayNumber: '+919129950000',
    ...overrides,
  };
}

export function user(id: string, name: string, overrides: Partial<UserView> = {}): UserView {
  return {
    id,
    email: `${name.toLowerCase()}@example.com`,
    name,
    role: 'agent',
    workspaceId: 'w1',
    disabled: false,
    createdAt: CREATED,
    ...overrides,
  };
}

export function subscription(
  overrides: Partial<WebhookSubscriptionView> = {},
): WebhookSubscriptionView {
  return {
    id: 'wh_1',
    url: 'https://crm.example.com/hooks/ringside',
    events: ['*'],
    active: true,
    secretSet: true,
    createdAt: CREATED,
    ...overrides,
  };
}
