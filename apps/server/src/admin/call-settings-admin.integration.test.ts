import type { AdminCallSettingsView } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { useStack } from '../testing/test-stack';
import { fieldIssues } from './call-settings-meta';

const stack = useStack();

const send = (cookie: string, method: string, path: string, body?: unknown) =>
  stack().request(cookie, path, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

async function adminOfNewWorkspace() {
  const ws = await stack().workspace();
  const admin = await ws.addUser('admin');
  return { ws, cookie: await stack().signIn(admin.email) };
}

const nextYear = new Date().getUTCFullYear() + 1;
const range = (day: string, open: string, close: string) => ({
  day_of_week: day,
  open_time: open,
  close_time: close,
});
const calling = {
  status: 'ENABLED',
  call_icon_visibility: 'DEFAULT',
  call_icons: { restrict_to_user_countries: ['IN', 'BR'] },
  callback_permission_status: 'ENABLED',
  call_hours: {
    status: 'ENABLED',
    timezone_id: 'Asia/Kolkata',
    weekly_operating_hours: [range('MONDAY', '0900', '1300'), range('MONDAY', '1400', '1730')],
    holiday_schedule: [{ date: `${nextYear}-01-26`, start_time: '0000', end_time: '2359' }],
  },
};
const settingsPosts = (phoneNumberId: string) =>
  stack()
    .sim.requests()
    .filter((r) => r.method === 'POST' && r.objectId === phoneNumberId && r.edge === 'settings');

describe('call settings of a WhatsApp number', () => {
  it('reads Meta’s settings with Meta’s caveat, writes them with POST /settings, audits and reads back', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const path = `/api/admin/channels/${ws.whatsappChannelId}/call-settings`;
    const before = (await (await send(cookie, 'GET', path)).json()) as AdminCallSettingsView;
    expect(before).toMatchObject({ channel: 'whatsapp', calling: { status: 'ENABLED' } });
    expect(before.channel === 'whatsapp' && before.caveat).toMatch(/up to 7 days/);

    const res = await send(cookie, 'PUT', path, { channel: 'whatsapp', calling });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ channel: 'whatsapp', calling });
    expect(settingsPosts(ws.phoneNumberId).map((r) => r.body)).toEqual([{ calling }]);

    const audit = (await (await send(cookie, 'GET', '/api/admin/audit')).json()) as {
      items: Array<{ action: string; changes: Record<string, unknown> }>;
    };
    expect(audit.items[0]).toMatchObject({
      action: 'channel.call_settings',
      changes: {
        timezoneId: 'Asia/Kolkata',
        weeklyOperatingHours: ['MONDAY 0900-1300', 'MONDAY 1400-1730'],
        restrictToUserCountries: ['IN', 'BR'],
      },
    });
  });

  it('refuses what Meta refuses, field by field, without asking Meta', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const res = await send(
      cookie,
      'PUT',
      `/api/admin/channels/${ws.whatsappChannelId}/call-settings`,
      {
        channel: 'whatsapp',
        calling: {
          call_hours: {
            status: 'ENABLED',
            timezone_id: 'Asia/Kolkata',
            weekly_operating_hours: [
              range('MONDAY', '0900', '1300'),
              range('MONDAY', '1200', '1500'),
              range('MONDAY', '1600', '1700'),
            ],
            holiday_schedule: [{ date: '2020-01-01', start_time: '0000', end_time: '2359' }],
          },
        },
      },
    );
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('invalid_payload');
    expect(body.error.issues.map((i) => i.path)).toEqual([
      'calling.call_hours.weekly_operating_hours[1].open_time',
      'calling.call_hours.weekly_operating_hours[2].day_of_week',
      'calling.call_hours.holiday_schedule[0].date',
    ]);
    expect(settingsPosts(ws.phoneNumberId)).toHaveLength(0);
  });

  it('brings Meta’s own refusal back to the fields it names, or as a form-level message', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const path = `/api/admin/channels/${ws.whatsappChannelId}/call-settings`;
    stack().sim.failNextRequest({
      code: 100,
      edge: 'settings',
      details: 'calling.call_hours.timezone_id: not a supported time zone',
    });
    const named = await send(cookie, 'PUT', path, { channel: 'whatsapp', calling });
    expect(named.status).toBe(400);
    expect(await named.json()).toMatchObject({
      error: {
        code: 'invalid_payload',
        issues: [{ path: 'calling.call_hours.timezone_id', message: 'not a supported time zone' }],
      },
    });

    stack().sim.failNextRequest({ code: 190, edge: 'settings' });
    const plain = await send(cookie, 'PUT', path, { channel: 'whatsapp', calling });
    expect(plain.status).toBe(422);
    const error = ((await plain.json()) as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('meta_error');
    expect(error.message).toMatch(/^Meta would not save the call settings: /);
  });

  it('is for admins of the channel’s workspace only', async () => {
    const { ws } = await adminOfNewWorkspace();
    const supervisor = await stack().signIn((await ws.addUser('supervisor')).email);
    const path = `/api/admin/channels/${ws.whatsappChannelId}/call-settings`;
    expect((await send(supervisor, 'GET', path)).status).toBe(403);
    const other = await adminOfNewWorkspace();
    expect((await send(other.cookie, 'GET', path)).status).toBe(404);
    const wrongKind = await send(
      other.cookie,
      'PUT',
      `/api/admin/channels/${other.ws.whatsappChannelId}/call-settings`,
      {
        channel: 'messenger',
        icon_enabled: false,
      },
    );
    expect(wrongKind.status).toBe(400);
  });
});

describe('call settings of a Page', () => {
  it('writes the icon with POST messenger_call_settings and warns when calls ring in Meta’s apps', async () => {
    const { ws, cookie } = await adminOfNewWorkspace();
    const path = `/api/admin/channels/${ws.messengerChannelId}/call-settings`;
    expect(await (await send(cookie, 'GET', path)).json()).toEqual({
      channel: 'messenger',
      iconEnabled: true,
      ringTarget: 'PARTNERS',
      ringTargetWarning: null,
    });
    const res = await send(cookie, 'PUT', path, { channel: 'messenger', icon_enabled: false });
    expect(await res.json()).toMatchObject({ iconEnabled: false });
    const posts = stack()
      .sim.requests()
      .filter(
        (r) =>
          r.objectId === ws.pageId && r.edge === 'messenger_call_settings' && r.method === 'POST',
      );
    expect(posts.map((r) => r.body)).toEqual([{ icon_enabled: false }]);

    stack().sim.setMessengerRingTarget('META', ws.pageId);
    const warned = (await (await send(cookie, 'GET', path)).json()) as AdminCallSettingsView;
    expect(warned).toMatchObject({ ringTarget: 'META' });
    expect(warned.channel === 'messenger' && warned.ringTargetWarning).toMatch(
      /never reach Ringside/,
    );
  });
});

describe('fieldIssues', () => {
  it('reads the fields Meta’s details name and leaves the rest', () => {
    expect(
      fieldIssues(
        'calling.call_hours.weekly_operating_hours[1].open_time: overlaps; something else',
      ),
    ).toEqual([
      { path: 'calling.call_hours.weekly_operating_hours[1].open_time', message: 'overlaps' },
    ]);
    expect(fieldIssues('Invalid parameter')).toEqual([]);
    expect(fieldIssues(undefined)).toEqual([]);
  });
});
