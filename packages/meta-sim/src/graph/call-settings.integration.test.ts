import { metaErrorEnvelopeSchema } from '@ringside/contracts';
import { afterEach, describe, expect, it } from 'vitest';
import type { MetaSim } from '../create-meta-sim';
import { DEMO_MESSENGER_PAGE, DEMO_WHATSAPP_NUMBER, type MetaSimOptions } from '../engine/config';
import { startWhatsAppSim, type TestGraphClient } from './test-client';

const PNID = DEMO_WHATSAPP_NUMBER.phoneNumberId;
const PAGE = DEMO_MESSENGER_PAGE.pageId;
// Monday 7 December 2026, 10:00 in Kolkata
const MONDAY_10_IST = Date.parse('2026-12-07T04:30:00Z');

let sim: MetaSim;
let graph: TestGraphClient;
let clock = MONDAY_10_IST;

async function start(options: MetaSimOptions = {}): Promise<void> {
  ({ sim, graph } = await startWhatsAppSim({ now: () => clock, ...options }));
}

afterEach(async () => {
  clock = MONDAY_10_IST;
  await sim.close();
});

const error = (body: unknown) => metaErrorEnvelopeSchema.parse(body).error;
const range = (day: string, open: string, close: string) => ({
  day_of_week: day,
  open_time: open,
  close_time: close,
});
const callHours = (extra: object = {}) => ({
  status: 'ENABLED',
  timezone_id: 'Asia/Kolkata',
  weekly_operating_hours: [range('MONDAY', '0900', '1300'), range('MONDAY', '1400', '1730')],
  ...extra,
});

describe('POST /{phone-number-id}/settings: validated as Meta validates it', () => {
  it('stores Meta’s sample body and reads it back', async () => {
    await start();
    const calling = {
      status: 'ENABLED',
      call_icon_visibility: 'DEFAULT',
      call_icons: { restrict_to_user_countries: ['US', 'BR'] },
      callback_permission_status: 'ENABLED',
      call_hours: callHours({
        holiday_schedule: [{ date: '2026-12-25', start_time: '0000', end_time: '2359' }],
      }),
    };
    expect((await graph.post(PNID, 'settings', { calling })).body).toEqual({ success: true });
    expect((await graph.get(PNID, 'settings')).body).toMatchObject({ calling });
  });

  it('refuses overlapping ranges, a third range, a past holiday and 21 holidays with code 100, naming each field', async () => {
    await start();
    const res = await graph.post(PNID, 'settings', {
      calling: {
        call_hours: callHours({
          weekly_operating_hours: [
            range('MONDAY', '0900', '1300'),
            range('MONDAY', '1200', '1500'),
            range('MONDAY', '1600', '1700'),
          ],
          holiday_schedule: [{ date: '2026-12-06', start_time: '0000', end_time: '2359' }],
        }),
      },
    });
    expect(res.status).toBe(400);
    const refusal = error(res.body);
    expect(refusal.code).toBe(100);
    expect(refusal.error_data?.details?.split('; ')).toEqual([
      'calling.call_hours.weekly_operating_hours[1].open_time: overlaps 0900–1300 on MONDAY',
      'calling.call_hours.weekly_operating_hours[2].day_of_week: at most 2 ranges on MONDAY',
      'calling.call_hours.holiday_schedule[0].date: 2026-12-06 is in the past (today is 2026-12-07 in Asia/Kolkata)',
    ]);
    const day = { date: '2026-12-31', start_time: '0000', end_time: '2359' };
    const many = await graph.post(PNID, 'settings', {
      calling: {
        call_hours: callHours({ holiday_schedule: Array.from({ length: 21 }, () => day) }),
      },
    });
    expect(error(many.body).error_data?.details).toMatch(/^calling\.call_hours\.holiday_schedule:/);
    // nothing of a refused write is stored
    expect((await graph.get(PNID, 'settings')).body).not.toHaveProperty('calling.call_hours');
  });

  it('refuses a body without a calling object', async () => {
    await start();
    expect(error((await graph.post(PNID, 'settings', {})).body).code).toBe(100);
  });
});

describe('call hours on customers’ calls', () => {
  it('a call inside the hours rings; outside them, or on a holiday, it never reaches the business', async () => {
    await start();
    await graph.post(PNID, 'settings', { calling: { call_hours: callHours() } });
    const inside = await sim.placeCall({ channel: 'whatsapp' });
    expect(sim.deliveries({ callId: inside.id })).not.toHaveLength(0);

    clock = Date.parse('2026-12-07T08:00:00Z'); // 13:30, between the ranges
    await expect(sim.placeCall({ channel: 'whatsapp' })).rejects.toThrow(/outside its call hours/);
    clock = Date.parse('2026-12-08T04:30:00Z'); // Tuesday
    await expect(sim.placeCall({ channel: 'whatsapp' })).rejects.toThrow(/outside its call hours/);

    clock = Date.parse('2026-12-14T04:30:00Z'); // the next Monday, a holiday
    await graph.post(PNID, 'settings', {
      calling: {
        call_hours: callHours({
          holiday_schedule: [{ date: '2026-12-14', start_time: '0000', end_time: '2359' }],
        }),
      },
    });
    await expect(sim.placeCall({ channel: 'whatsapp' })).rejects.toThrow(/holiday/);
    expect(sim.calls()).toHaveLength(1);
  });

  it('with call hours off every call rings', async () => {
    await start();
    await graph.post(PNID, 'settings', {
      calling: { call_hours: callHours({ status: 'DISABLED' }) },
    });
    clock = Date.parse('2026-12-08T20:00:00Z');
    await expect(sim.placeCall({ channel: 'whatsapp' })).resolves.toBeDefined();
  });
});

describe('Messenger call settings', () => {
  it('POST messenger_call_settings {icon_enabled} answers {"result":"success"} and is read back', async () => {
    await start();
    const token = DEMO_MESSENGER_PAGE.accessToken;
    const page = {
      get: (edge: string) => graph.get(PAGE, edge, {}, token),
      post: (edge: string, body: unknown) => graph.post(PAGE, edge, body, token),
    };
    expect((await page.get('messenger_call_settings')).body).toEqual({
      icon_enabled: true,
      audio_enabled: true,
      call_routing: { ring_target: 'PARTNERS' },
    });
    const post = await page.post('messenger_call_settings', { icon_enabled: false });
    expect(post.body).toEqual({ result: 'success' });
    expect((await page.get('messenger_call_settings')).body).toMatchObject({
      icon_enabled: false,
    });
    const bad = await page.post('messenger_call_settings', { icon_enabled: 'no' });
    expect(error(bad.body).code).toBe(100);
  });

  it('a Page whose calls ring in Meta’s apps never rings the app', async () => {
    await start();
    sim.setMessengerRingTarget('META');
    await expect(sim.placeCall({ channel: 'messenger' })).rejects.toThrow(/ring_target/);
    sim.setMessengerRingTarget('PARTNERS');
    await expect(sim.placeCall({ channel: 'messenger' })).resolves.toBeDefined();
  });
});
