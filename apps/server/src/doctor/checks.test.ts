import { doctorReportSchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { callingCheck, limitCheck, ringTargetCheck } from './calling-checks';
import type { DoctorChannel, MetaAnswer } from './doctor-check';
import { formatReport } from './format-report';
import { publicOriginCheck, turnCheck, webhookReachableCheck } from './local-checks';
import { tokenChecks } from './token-checks';
import { appFieldsCheck, pageSubscriptionCheck, wabaSubscriptionCheck } from './webhook-checks';

// the pure checks: Meta's answers in, a status and plain words out
const wa: DoctorChannel = { id: 'ch_1', kind: 'whatsapp', name: 'Support line' };
const page: DoctorChannel = { id: 'ch_2', kind: 'messenger', name: 'Acme Page' };
const NOW = new Date('2026-12-07T10:00:00Z');
const ok = <T>(value: T): MetaAnswer<T> => ({ ok: true, value });
const refused = (code: number, subcode?: number): MetaAnswer<never> => ({
  ok: false,
  refusal: { code, subcode, meaning: 'Meta said no.', retryable: false },
});
const waToken = {
  app_id: '42',
  is_valid: true,
  expires_at: 0,
  scopes: ['whatsapp_business_messaging', 'whatsapp_business_management'],
  granular_scopes: [
    { scope: 'whatsapp_business_messaging', target_ids: ['waba1'] },
    { scope: 'whatsapp_business_management', target_ids: ['waba1'] },
  ],
};
const waTarget = { kind: 'whatsapp' as const, wabaId: 'waba1' };

describe('token checks', () => {
  it('a valid token that never expires, allowed for its WABA: ok, usable, its app known', () => {
    const found = tokenChecks(wa, ok(waToken), waTarget, NOW);
    expect(found.checks.map((c) => [c.id, c.status])).toEqual([
      ['token', 'ok'],
      ['token-target', 'ok'],
    ]);
    expect([found.usable, found.appId]).toEqual([true, '42']);
  });

  it('refused with 190/463: expired, and the channel’s other reads are skipped', () => {
    const found = tokenChecks(wa, refused(190, 463), waTarget, NOW);
    expect(found.usable).toBe(false);
    expect(found.checks).toMatchObject([
      { id: 'token', status: 'fail', message: expect.stringContaining('it has expired') },
    ]);
    expect(tokenChecks(wa, refused(190), waTarget, NOW).checks[0]?.message).toContain(
      'invalid or was revoked',
    );
    // a refusal that says nothing about the token (debug_token kept for app tokens): a warning,
    // and the channel's other reads still run with the token
    const unsaid = tokenChecks(wa, refused(100), waTarget, NOW);
    expect([unsaid.usable, unsaid.checks.map((c) => [c.id, c.status])]).toEqual([
      true,
      [['token', 'warn']],
    ]);
  });

  it('debug_token says not valid, expiring soon, lacking a permission, or for another WABA', () => {
    expect(
      tokenChecks(wa, ok({ ...waToken, is_valid: false }), waTarget, NOW).checks[0],
    ).toMatchObject({
      status: 'fail',
      message: 'Meta says this channel’s access token is not valid.',
    });
    const soon = Date.parse('2026-12-09T00:00:00Z') / 1000;
    expect(
      tokenChecks(wa, ok({ ...waToken, expires_at: soon }), waTarget, NOW).checks[0],
    ).toMatchObject({ status: 'warn', message: expect.stringContaining('expires on 2026-12-09') });
    const noMessaging = { ...waToken, scopes: ['whatsapp_business_management'] };
    expect(tokenChecks(wa, ok(noMessaging), waTarget, NOW).checks[1]).toMatchObject({
      status: 'fail',
      message: 'This channel’s access token lacks the permission whatsapp_business_messaging.',
    });
    const elsewhere = tokenChecks(wa, ok(waToken), { kind: 'whatsapp', wabaId: 'waba2' }, NOW);
    expect(elsewhere.checks[1]).toMatchObject({
      status: 'fail',
      message: expect.stringContaining(
        'not allowed for this number’s WhatsApp Business Account (waba2)',
      ),
    });
  });

  it('a Page token for another Page fails its target', () => {
    const pageToken = {
      app_id: '42',
      is_valid: true,
      scopes: ['pages_messaging'],
      profile_id: 'p9',
    };
    const found = tokenChecks(page, ok(pageToken), { kind: 'messenger', pageId: 'p1' }, NOW);
    expect(found.checks[1]).toMatchObject({ id: 'token-target', status: 'fail' });
  });
});

describe('webhook checks', () => {
  it('the WABA must list the token’s app', () => {
    expect(wabaSubscriptionCheck(wa, ok(['42']), '42', 'waba1').status).toBe('ok');
    expect(wabaSubscriptionCheck(wa, ok([]), '42', 'waba1')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('No app is subscribed'),
      fix: expect.stringContaining('POST /waba1/subscribed_apps'),
    });
    expect(wabaSubscriptionCheck(wa, ok(['7']), '42', 'waba1').message).toContain('other apps');
  });

  it('the Page must list the app with calls and call_permission_reply', () => {
    const full = [{ id: '42', subscribed_fields: ['calls', 'call_permission_reply'] }];
    expect(pageSubscriptionCheck(page, ok(full), '42', 'p1').status).toBe('ok');
    expect(pageSubscriptionCheck(page, ok([]), '42', 'p1').message).toContain(
      'not subscribed to this Page',
    );
    const partial = [{ id: '42', subscribed_fields: ['messages'] }];
    expect(pageSubscriptionCheck(page, ok(partial), '42', 'p1').message).toBe(
      'The Page’s subscription lacks calls, call_permission_reply: Meta does not send those webhooks.',
    );
  });

  it('the app’s own fields: missing, unreadable without the secret, secret refused', () => {
    const subs = [{ object: 'whatsapp_business_account', fields: [{ name: 'messages' }] }];
    expect(appFieldsCheck(wa, ok(subs), 'whatsapp_business_account')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('not subscribed to the calls webhook field'),
    });
    expect(appFieldsCheck(wa, 'no-app-secret', 'whatsapp_business_account').status).toBe('warn');
    expect(appFieldsCheck(wa, refused(15), 'page').message).toContain(
      'does not accept the app secret',
    );
  });
});

describe('calling checks', () => {
  it('calling on, off, or SIP on', () => {
    expect(callingCheck(wa, ok({ calling: { status: 'ENABLED' } })).status).toBe('ok');
    expect(callingCheck(wa, ok({ calling: { status: 'DISABLED' } })).message).toContain(
      'Calling is switched off',
    );
    const sip = { calling: { status: 'ENABLED', sip: { status: 'ENABLED' } } };
    expect(callingCheck(wa, ok(sip)).message).toContain('SIP is on');
  });

  it('the messaging limit must reach 2,000', () => {
    expect(limitCheck(wa, ok('TIER_2K')).message).toContain('(2,000 a day) is high enough');
    expect(limitCheck(wa, ok('TIER_250'))).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('is 250 a day; Meta’s Calling API needs at least 2,000'),
    });
    expect(limitCheck(wa, ok(undefined)).status).toBe('warn');
  });

  it('a Page must ring in partner apps', () => {
    expect(ringTargetCheck(page, ok({ call_routing: { ring_target: 'PARTNERS' } })).status).toBe(
      'ok',
    );
    expect(ringTargetCheck(page, ok({ call_routing: { ring_target: 'META' } })).message).toContain(
      'never reach Ringside',
    );
  });
});

describe('installation checks', () => {
  it('PUBLIC_ORIGIN: https ok, http on this machine a warning, http elsewhere a failure', () => {
    expect(publicOriginCheck(['https://r.example.com']).status).toBe('ok');
    expect(publicOriginCheck(['http://localhost:3000']).status).toBe('warn');
    expect(publicOriginCheck(['http://r.example.com']).status).toBe('fail');
  });

  it('TURN: configured or a warning', () => {
    expect(turnCheck(['turn:t.example.com:3478']).status).toBe('ok');
    expect(turnCheck([]).status).toBe('warn');
  });

  it('the webhook URL must echo the challenge', () => {
    const url = 'https://r.example.com/webhooks/meta';
    const answered = (status: number, body: string) => ({
      kind: 'answered' as const,
      status,
      body,
    });
    expect(webhookReachableCheck(url, '123', answered(200, '123')).status).toBe('ok');
    expect(webhookReachableCheck(url, '123', answered(403, 'no')).message).toContain(
      'refused the verify token',
    );
    expect(webhookReachableCheck(url, '123', answered(404, '')).message).toContain('HTTP 404');
    expect(
      webhookReachableCheck(url, '123', { kind: 'unreachable', reason: 'connection failed' })
        .status,
    ).toBe('fail');
  });
});

describe('the printed report', () => {
  it('groups by channel, shows each fix under its problem, and says whether calls can flow', () => {
    const report = doctorReportSchema.parse({
      checkedAt: NOW.toISOString(),
      callsCanFlow: false,
      checks: [
        callingCheck(wa, ok({ calling: { status: 'DISABLED' } })),
        limitCheck(wa, ok('TIER_2K')),
        turnCheck([]),
      ],
    });
    const text = formatReport(report);
    expect(text.split('\n')).toEqual([
      'WhatsApp · Support line (ch_1)',
      expect.stringMatching(/^ {2}FAIL {2}calling-enabled +Calling is switched off/),
      expect.stringMatching(/^ {8}fix: Turn calling on/),
      expect.stringMatching(/^ {2}ok {4}messaging-limit +The messaging limit/),
      '',
      'This installation',
      expect.stringMatching(/^ {2}warn {2}turn +No TURN server/),
      expect.stringMatching(/^ {8}fix: Run a TURN server/),
      '',
      'Calls cannot flow until the failed checks are fixed (1 failed, 1 warning, 3 checks).',
    ]);
  });
});
