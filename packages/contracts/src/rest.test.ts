import { describe, expect, it } from 'vitest';
import {
  apiErrorReplySchema,
  callDetailReplySchema,
  callNotesBodySchema,
  callsListQuerySchema,
  channelCreateBodySchema,
  channelUpdateBodySchema,
  channelViewSchema,
  loginBodySchema,
  userCreateBodySchema,
  userUpdateBodySchema,
  userViewSchema,
  webhookSubscriptionCreateBodySchema,
  webhookSubscriptionUpdateBodySchema,
  webhookSubscriptionViewSchema,
} from './rest';

const at = '2025-07-21T16:27:13.000Z';
const token = 'EAAGm0PX4ZCpsBAKZBZCexampletoken';

describe('auth', () => {
  it('normalises the login email and refuses a malformed one', () => {
    expect(loginBodySchema.parse({ email: ' Asha@Example.COM ', password: 'pw' }).email).toBe(
      'asha@example.com',
    );
    expect(
      loginBodySchema.safeParse({ email: 'asha', password: 'pw' }).error?.issues[0]?.path,
    ).toEqual(['email']);
    expect(loginBodySchema.safeParse({ email: 'a@b.co', password: '' }).success).toBe(false);
  });

  it('describes errors with a code, a message and paths', () => {
    const body = {
      error: {
        code: 'invalid_payload',
        message: 'Check the form.',
        issues: [{ path: 'email', message: 'bad' }],
      },
    };
    expect(apiErrorReplySchema.parse(body)).toEqual(body);
  });
});

describe('GET /api/calls query', () => {
  it('coerces query strings and applies the default page size', () => {
    const query = callsListQuerySchema.parse({
      channel: 'whatsapp',
      limit: '20',
      from: '2025-07-01',
      to: at,
    });
    expect(query).toMatchObject({ channel: 'whatsapp', limit: 20 });
    expect(query.from?.toISOString()).toBe('2025-07-01T00:00:00.000Z');
    expect(query.to?.toISOString()).toBe(at);
    expect(callsListQuerySchema.parse({}).limit).toBe(50);
  });

  it('treats empty fields as absent, as a blank filter form sends them', () => {
    expect(
      callsListQuerySchema.parse({ channel: '', outcome: '', q: '', from: '', cursor: '' }),
    ).toEqual({ limit: 50 });
  });

  it('refuses unknown filters values, bad dates, huge pages and an inverted range', () => {
    expect(callsListQuerySchema.safeParse({ outcome: 'lost' }).error?.issues[0]?.path).toEqual([
      'outcome',
    ]);
    expect(callsListQuerySchema.safeParse({ from: '07/01/2025' }).success).toBe(false);
    expect(callsListQuerySchema.safeParse({ limit: '1000' }).success).toBe(false);
    expect(callsListQuerySchema.safeParse({ limit: 'ten' }).success).toBe(false);
    const inverted = callsListQuerySchema.safeParse({ from: '2025-07-02', to: '2025-07-01' });
    expect(inverted.error?.issues[0]?.path).toEqual(['to']);
  });
});

describe('call detail and notes', () => {
  it('reads a call with its timeline', () => {
    const detail = {
      id: 'call_1',
      channel: 'whatsapp',
      direction: 'inbound',
      state: 'ended',
      outcome: 'completed',
      caller: { name: 'Rahul', number: '+918097530000' },
      called: { channelId: 'ch_1', label: '+91 91299 50000' },
      startedAt: at,
      endedAt: at,
      durationSec: 180,
      events: [
        { at, type: 'webhook.connect' },
        { at, type: 'agent.claimed', actor: { userId: 'u1', name: 'Asha' }, detail: { ms: 3200 } },
      ],
    };
    expect(callDetailReplySchema.parse(detail).events).toHaveLength(2);
    expect(callDetailReplySchema.safeParse({ ...detail, events: [{ type: 'x' }] }).success).toBe(
      false,
    );
  });

  it('carries the call’s quality when there is one, and refuses a quality without a grade', () => {
    const detail = {
      id: 'call_1',
      channel: 'whatsapp',
      direction: 'inbound',
      state: 'ended',
      caller: { number: '+918097530000' },
      called: { channelId: 'ch_1', label: '+91 91299 50000' },
      startedAt: '2025-07-01T10:00:00.000Z',
      events: [],
    };
    const quality = {
      level: 'poor',
      reason: 'packet loss 9 %',
      rttMs: 80,
      jitterMs: 4,
      lossPct: 9,
      mos: 2.9,
    };
    expect(callDetailReplySchema.parse({ ...detail, quality }).quality).toEqual(quality);
    expect(callDetailReplySchema.parse(detail).quality).toBeUndefined();
    const { level: _level, ...ungraded } = quality;
    expect(callDetailReplySchema.safeParse({ ...detail, quality: ungraded }).success).toBe(false);
  });

  it('bounds notes and disposition', () => {
    expect(callNotesBodySchema.parse({ notes: '', disposition: 'resolved' })).toEqual({
      notes: '',
      disposition: 'resolved',
    });
    expect(callNotesBodySchema.safeParse({ notes: 'x'.repeat(10_001) }).success).toBe(false);
    expect(callNotesBodySchema.safeParse({ notes: 'ok', disposition: '  ' }).success).toBe(false);
  });
});

describe('admin channels', () => {
  const whatsapp = {
    channel: 'whatsapp',
    phoneNumberId: '115017831530658',
    wabaId: '114255454940862',
    displayNumber: '+919129950000',
    accessToken: token,
  };

  it('accepts WhatsApp and Messenger channels', () => {
    expect(channelCreateBodySchema.parse(whatsapp)).toEqual(whatsapp);
    const messenger = {
      channel: 'messenger',
      pageId: '106378625516323',
      name: 'Acme',
      accessToken: token,
    };
    expect(channelCreateBodySchema.parse(messenger)).toEqual(messenger);
  });

  it('refuses a WhatsApp channel without a token, with a display number lacking its plus, or a non-numeric id', () => {
    const { accessToken: _omit, ...tokenless } = whatsapp;
    expect(channelCreateBodySchema.safeParse(tokenless).error?.issues[0]?.path).toEqual([
      'accessToken',
    ]);
    expect(
      channelCreateBodySchema.safeParse({ ...whatsapp, displayNumber: '919129950000' }).success,
    ).toBe(false);
    expect(channelCreateBodySchema.safeParse({ ...whatsapp, phoneNumberId: 'abc' }).success).toBe(
      false,
    );
    expect(channelCreateBodySchema.safeParse({ ...whatsapp, channel: 'sms' }).success).toBe(false);
  });

  it('refuses an empty update', () => {
    expect(channelUpdateBodySchema.safeParse({}).success).toBe(false);
    expect(channelUpdateBodySchema.parse({ ringStrategy: 'longest-idle' })).toEqual({
      ringStrategy: 'longest-idle',
    });
  });

  it('drops the access token from a channel view, showing tokenSet instead', () => {
    const view = channelViewSchema.parse({
      id: 'ch_1',
      workspaceId: 'w_1',
      channel: 'whatsapp',
      label: 'Support',
      phoneNumberId: '115017831530658',
      ringStrategy: 'all',
      assignedUserIds: [],
      enabled: true,
      tokenSet: true,
      createdAt: at,
      accessToken: token,
      accessTokenEncrypted: 'v1:abc',
    });
    expect(JSON.stringify(view)).not.toContain(token);
    expect(view).not.toHaveProperty('accessTokenEncrypted');
    expect(view.tokenSet).toBe(true);
  });
});

describe('admin users', () => {
  it('accepts a new user and refuses a short password or an unknown role', () => {
    const user = { email: 'asha@example.com', password: 'correct horse', role: 'agent' };
    expect(userCreateBodySchema.parse(user)).toEqual(user);
    expect(
      userCreateBodySchema.safeParse({ ...user, password: 'short' }).error?.issues[0]?.path,
    ).toEqual(['password']);
    expect(userCreateBodySchema.safeParse({ ...user, role: 'owner' }).success).toBe(false);
  });

  it('refuses an empty update and keeps password hashes out of views', () => {
    expect(userUpdateBodySchema.safeParse({}).success).toBe(false);
    const view = userViewSchema.parse({
      id: 'u_1',
      email: 'asha@example.com',
      name: 'Asha',
      role: 'agent',
      workspaceId: 'w_1',
      disabled: false,
      createdAt: at,
      passwordHash: '$argon2id$…',
    });
    expect(view).not.toHaveProperty('passwordHash');
  });
});

describe('outgoing webhook subscriptions', () => {
  it('accepts a URL with events or "*", active by default', () => {
    const body = webhookSubscriptionCreateBodySchema.parse({
      url: 'https://crm.example.com/hook',
      events: ['*'],
    });
    expect(body.active).toBe(true);
    expect(
      webhookSubscriptionCreateBodySchema.safeParse({
        url: 'http://localhost:4000/hook',
        events: ['call.ended'],
      }).success,
    ).toBe(true);
  });

  it('refuses other schemes, no events, unknown events and a short secret', () => {
    const ok = { url: 'https://crm.example.com/hook', events: ['call.ended'] };
    expect(
      webhookSubscriptionCreateBodySchema.safeParse({ ...ok, url: 'ftp://crm.example.com' })
        .success,
    ).toBe(false);
    expect(
      webhookSubscriptionCreateBodySchema.safeParse({ ...ok, url: 'javascript:alert(1)' }).success,
    ).toBe(false);
    expect(webhookSubscriptionCreateBodySchema.safeParse({ ...ok, events: [] }).success).toBe(
      false,
    );
    expect(
      webhookSubscriptionCreateBodySchema.safeParse({ ...ok, events: ['call.held'] }).success,
    ).toBe(false);
    expect(webhookSubscriptionCreateBodySchema.safeParse({ ...ok, secret: 'short' }).success).toBe(
      false,
    );
    expect(webhookSubscriptionUpdateBodySchema.safeParse({}).success).toBe(false);
  });

  it('drops the secret from a subscription view', () => {
    const view = webhookSubscriptionViewSchema.parse({
      id: 'wh_1',
      url: 'https://crm.example.com/hook',
      events: ['*'],
      active: true,
      secretSet: true,
      createdAt: at,
      secret: 'whsec_0123456789abcdef',
    });
    expect(view).not.toHaveProperty('secret');
  });
});
