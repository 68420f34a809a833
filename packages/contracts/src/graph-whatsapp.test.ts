import { describe, expect, it } from 'vitest';
import {
  waAcceptBodySchema,
  waCallActionBodySchema,
  waCallingSettingsSchema,
  waCallPermissionsReplySchema,
  waConnectBodySchema,
  waConnectReplySchema,
  waMessageSentReplySchema,
  waPermissionRequestMessageSchema,
  waPreAcceptBodySchema,
  waSettingsBodySchema,
  waSuccessReplySchema,
} from './graph-whatsapp';

const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n';
const answer = { sdp_type: 'answer', sdp };
const base = { messaging_product: 'whatsapp', call_id: 'wacid.1' };

describe('POST /{phone-number-id}/calls bodies', () => {
  it('accepts pre_accept and accept with our answer', () => {
    expect(waPreAcceptBodySchema.parse({ ...base, action: 'pre_accept', session: answer })).toEqual(
      {
        ...base,
        action: 'pre_accept',
        session: answer,
      },
    );
    const accept = { ...base, action: 'accept', session: answer, biz_opaque_callback_data: 'x' };
    expect(waAcceptBodySchema.parse(accept).biz_opaque_callback_data).toBe('x');
  });

  it('refuses accept without a session, or with an offer in it', () => {
    const missing = waAcceptBodySchema.safeParse({ ...base, action: 'accept' });
    expect(missing.error?.issues[0]?.path).toEqual(['session']);
    const offer = { ...base, action: 'accept', session: { sdp_type: 'offer', sdp } };
    expect(waAcceptBodySchema.safeParse(offer).success).toBe(false);
  });

  it('refuses an empty SDP', () => {
    const body = { ...base, action: 'accept', session: { sdp_type: 'answer', sdp: '' } };
    expect(waAcceptBodySchema.safeParse(body).success).toBe(false);
  });

  it('caps biz_opaque_callback_data at 512 characters', () => {
    const body = (data: string) => ({
      ...base,
      action: 'accept',
      session: answer,
      biz_opaque_callback_data: data,
    });
    expect(waAcceptBodySchema.safeParse(body('a'.repeat(512))).success).toBe(true);
    const long = waAcceptBodySchema.safeParse(body('a'.repeat(513)));
    expect(long.error?.issues[0]?.path).toEqual(['biz_opaque_callback_data']);
  });

  it('refuses connect without `to`, and accepts it with our offer', () => {
    const connect = {
      messaging_product: 'whatsapp',
      action: 'connect',
      session: { sdp_type: 'offer', sdp },
    };
    expect(waConnectBodySchema.safeParse(connect).error?.issues[0]?.path).toEqual(['to']);
    expect(waConnectBodySchema.parse({ ...connect, to: '918097530000' }).to).toBe('918097530000');
  });

  it('requires messaging_product "whatsapp"', () => {
    const body = { call_id: 'wacid.1', action: 'reject' };
    expect(waCallActionBodySchema.safeParse(body).success).toBe(false);
    expect(
      waCallActionBodySchema.safeParse({ ...body, messaging_product: 'messenger' }).success,
    ).toBe(false);
  });

  it('tells actions apart and refuses unknown ones', () => {
    for (const action of ['reject', 'terminate'] as const) {
      expect(waCallActionBodySchema.parse({ ...base, action }).action).toBe(action);
    }
    const unknown = waCallActionBodySchema.safeParse({ ...base, action: 'hold' });
    expect(unknown.error?.issues[0]?.path).toEqual(['action']);
  });
});

describe('Graph replies', () => {
  it('reads success and connect replies', () => {
    expect(
      waSuccessReplySchema.safeParse({ messaging_product: 'whatsapp', success: true }).success,
    ).toBe(true);
    expect(
      waSuccessReplySchema.safeParse({ messaging_product: 'whatsapp', success: false }).success,
    ).toBe(false);
    const reply = waConnectReplySchema.parse({
      messaging_product: 'whatsapp',
      calls: [{ id: 'wacid.9' }],
    });
    expect(reply.calls[0].id).toBe('wacid.9');
    expect(
      waConnectReplySchema.safeParse({ messaging_product: 'whatsapp', calls: [] }).success,
    ).toBe(false);
  });

  it('reads the sent-message reply whose id a permission reply points back to', () => {
    const reply = waMessageSentReplySchema.parse({
      messaging_product: 'whatsapp',
      contacts: [{ input: '+918097530000', wa_id: '918097530000' }],
      messages: [{ id: 'wamid.A', message_status: 'accepted' }],
    });
    expect(reply.messages[0].id).toBe('wamid.A');
  });

  it('reads call permissions with their limits', () => {
    const reply = waCallPermissionsReplySchema.parse({
      messaging_product: 'whatsapp',
      permission: { status: 'temporary', expiration_time: 1753720700 },
      actions: [
        {
          action_name: 'send_call_permission_request',
          can_perform_action: false,
          limits: [
            {
              time_period: 'PT24H',
              max_allowed: 1,
              current_usage: 1,
              limit_expiration_time: 1753200000,
            },
          ],
        },
        { action_name: 'start_call', can_perform_action: true },
      ],
    });
    expect(reply.permission.status).toBe('temporary');
    expect(reply.actions[0]?.limits?.[0]?.max_allowed).toBe(1);
    const bad = waCallPermissionsReplySchema.safeParse({
      permission: { status: 'granted' },
      actions: [],
    });
    expect(bad.error?.issues[0]?.path).toEqual(['permission', 'status']);
  });
});

describe('permission request message', () => {
  const message = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to: '918097530000',
    type: 'interactive',
    interactive: {
      type: 'call_permission_request',
      action: { name: 'call_permission_request' },
      body: { text: 'May we call you about order 4821?' },
    },
  };

  it('accepts the documented shape', () => {
    expect(waPermissionRequestMessageSchema.parse(message)).toEqual(message);
  });

  it('refuses an empty body text and a wrong action name', () => {
    const empty = structuredClone(message);
    empty.interactive.body.text = '';
    expect(waPermissionRequestMessageSchema.safeParse(empty).error?.issues[0]?.path).toEqual([
      'interactive',
      'body',
      'text',
    ]);
    const wrong = structuredClone(message);
    wrong.interactive.action.name = 'cta_url';
    expect(waPermissionRequestMessageSchema.safeParse(wrong).success).toBe(false);
  });
});

describe('calling settings', () => {
  it('accepts a full settings body', () => {
    const calling = {
      status: 'ENABLED',
      call_icon_visibility: 'DEFAULT',
      call_icons: { restrict_to_user_countries: ['IN', 'BR'] },
      callback_permission_status: 'ENABLED',
      call_hours: {
        status: 'ENABLED',
        timezone_id: 'Asia/Kolkata',
        weekly_operating_hours: [
          { day_of_week: 'MONDAY', open_time: '0900', close_time: '1300' },
          { day_of_week: 'MONDAY', open_time: '1400', close_time: '1730' },
        ],
        holiday_schedule: [{ date: '2026-01-26', start_time: '0000', end_time: '2359' }],
      },
      sip: { status: 'DISABLED' },
    };
    expect(waSettingsBodySchema.parse({ calling })).toEqual({ calling });
  });

  it('accepts an empty calling object, every field being optional', () => {
    expect(waCallingSettingsSchema.parse({})).toEqual({});
  });

  it('refuses a third range on one day, bad clock times and an inverted range', () => {
    const hours = (weekly: unknown[]) => ({
      call_hours: { status: 'ENABLED', timezone_id: 'UTC', weekly_operating_hours: weekly },
    });
    const range = (open: string, close: string) => ({
      day_of_week: 'FRIDAY',
      open_time: open,
      close_time: close,
    });
    const three = hours([range('0800', '0900'), range('1000', '1100'), range('1200', '1300')]);
    expect(waCallingSettingsSchema.safeParse(three).error?.issues[0]?.message).toMatch(
      /at most 2 ranges on FRIDAY/,
    );
    expect(waCallingSettingsSchema.safeParse(hours([range('9:00', '1700')])).success).toBe(false);
    expect(waCallingSettingsSchema.safeParse(hours([range('2400', '2410')])).success).toBe(false);
    const inverted = waCallingSettingsSchema.safeParse(hours([range('1700', '0900')]));
    expect(inverted.error?.issues[0]?.message).toMatch(/after open_time/);
  });

  it('refuses more than 20 holidays', () => {
    const day = { date: '2026-01-01', start_time: '0000', end_time: '2359' };
    const settings = (n: number) => ({
      call_hours: {
        status: 'ENABLED',
        timezone_id: 'UTC',
        holiday_schedule: Array.from({ length: n }, () => day),
      },
    });
    expect(waCallingSettingsSchema.safeParse(settings(20)).success).toBe(true);
    expect(waCallingSettingsSchema.safeParse(settings(21)).success).toBe(false);
  });
});
