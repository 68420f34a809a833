import { msgrWebhookSchema, waWebhookSchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { DEMO_WHATSAPP_NUMBER } from '../engine/config';
import { newCall } from '../engine/new-call';
import type { CallFailure, CallPhase, SimCall } from '../engine/sim-call';
import { mergeEvents } from './merge';
import {
  msgrCallStatus,
  msgrConnect,
  msgrMediaUpdate,
  msgrPermissionReply,
  msgrTerminate,
} from './messenger-events';
import { encodeLikeMeta, type WebhookEvent } from './webhook-event';
import { waConnect, waPermissionReply, waStatus, waTerminate } from './whatsapp-events';

const T0 = 1_753_115_233_000;

function call(
  channel: 'whatsapp' | 'messenger',
  direction: SimCall['direction'],
  phase?: CallPhase,
): SimCall {
  const c = newCall({
    id: channel === 'whatsapp' ? 'wacid.A' : 'c_A',
    channel,
    direction,
    businessId: channel === 'whatsapp' ? DEMO_WHATSAPP_NUMBER.phoneNumberId : '106378625516323',
    userId: channel === 'whatsapp' ? '918097530000' : '5275811702471834',
    userName: 'Rahul',
    createdAt: T0,
    media: null,
    mediaOptions: {},
    bizOpaqueCallbackData: direction === 'business_initiated' ? 'ticket-9' : null,
  });
  if (phase) c.phase = phase;
  return c;
}

const endedAfter = (seconds: number, failure: CallFailure | null = null): CallPhase => ({
  state: 'ended',
  acceptedAt: T0,
  endedAt: T0 + seconds * 1000,
  reason: 'user-hung-up',
  failure,
});

const waItem = (event: WebhookEvent) => {
  const value = waWebhookSchema.parse(event.body).entry[0]?.changes[0]?.value;
  return value?.calls?.[0] ?? value?.statuses?.[0] ?? value?.messages?.[0];
};
const msgrItem = (event: WebhookEvent) => {
  const entry = msgrWebhookSchema.parse(event.body).entry[0];
  return entry?.calls?.[0] ?? entry?.messaging?.[0];
};

describe('WhatsApp webhook payloads parse with the shared schemas', () => {
  it('connect carries the offer, the caller’s profile name and string timestamps', () => {
    const event = waConnect(
      DEMO_WHATSAPP_NUMBER,
      call('whatsapp', 'user_initiated'),
      { sdp_type: 'offer', sdp: 'v=0\r\n' },
      T0,
    );
    const body = waWebhookSchema.parse(event.body);
    expect(body.entry[0]?.id).toBe(DEMO_WHATSAPP_NUMBER.wabaId);
    expect(body.entry[0]?.changes[0]?.value.contacts).toEqual([
      { profile: { name: 'Rahul' }, wa_id: '918097530000' },
    ]);
    expect(waItem(event)).toMatchObject({
      from: '918097530000',
      to: DEMO_WHATSAPP_NUMBER.displayPhoneNumber,
      timestamp: '1753115233',
      direction: 'USER_INITIATED',
    });
  });

  it('the no-media drop: FAILED with times, and 138021 with its title inside the call and beside calls', () => {
    const failure = { code: 138021, message: 'Media receive timeout', details: 'none' };
    const event = waTerminate(
      DEMO_WHATSAPP_NUMBER,
      call('whatsapp', 'user_initiated', endedAfter(20, failure)),
      T0 + 20_000,
      { whatsappStatusCase: 'upper', noMediaDropCompleted: false },
    );
    const error = {
      code: 138021,
      title: 'Media receive timeout',
      message: 'Media receive timeout',
      error_data: { details: 'none' },
    };
    expect(waItem(event)).toMatchObject({
      status: 'FAILED',
      start_time: '1753115233',
      end_time: '1753115253',
      duration: 20,
      errors: [error],
    });
    expect(waWebhookSchema.parse(event.body).entry[0]?.changes[0]?.value.errors).toEqual([error]);
  });

  it('the no-media drop as one field report shows it, when asked: COMPLETED, no error anywhere', () => {
    const failure = { code: 138021, message: 'Media receive timeout', details: 'none' };
    const event = waTerminate(
      DEMO_WHATSAPP_NUMBER,
      call('whatsapp', 'user_initiated', endedAfter(20, failure)),
      T0 + 20_000,
      { whatsappStatusCase: 'upper', noMediaDropCompleted: true },
    );
    expect(waItem(event)).toMatchObject({ status: 'COMPLETED', duration: 20 });
    expect(JSON.stringify(event.body)).not.toContain('errors');
  });

  it('writes the status in title case when asked (Meta’s pages show both)', () => {
    const event = waTerminate(
      DEMO_WHATSAPP_NUMBER,
      call('whatsapp', 'user_initiated', endedAfter(1)),
      T0,
      { whatsappStatusCase: 'title', noMediaDropCompleted: false },
    );
    expect(JSON.stringify(event.body)).toContain('"status":"Completed"');
  });

  it('statuses and permission replies', () => {
    expect(
      waItem(waStatus(DEMO_WHATSAPP_NUMBER, call('whatsapp', 'business_initiated'), 'RINGING', T0)),
    ).toMatchObject({
      type: 'call',
      status: 'RINGING',
      recipient_id: '918097530000',
      biz_opaque_callback_data: 'ticket-9',
    });
    const reply = waPermissionReply(
      DEMO_WHATSAPP_NUMBER,
      {
        userId: '918097530000',
        userName: 'Rahul',
        contextId: 'wamid.req',
        messageId: 'wamid.rep',
        response: 'accept',
        isPermanent: false,
        expiresAt: T0 + 1000,
        source: 'user_action',
      },
      T0,
    );
    expect(waItem(reply)).toMatchObject({
      context: { id: 'wamid.req' },
      interactive: { call_permission_reply: { response: 'accept' } },
    });
  });

  it('an automatic revoke carries no context, no permanence and no expiry', () => {
    const revoke = waPermissionReply(
      DEMO_WHATSAPP_NUMBER,
      {
        userId: '918097530000',
        userName: 'Rahul',
        contextId: null,
        messageId: 'wamid.rev',
        response: 'reject',
        isPermanent: null,
        expiresAt: null,
        source: 'automatic',
      },
      T0,
    );
    const item = waItem(revoke);
    expect(item).not.toHaveProperty('context');
    expect(item).toMatchObject({
      interactive: {
        call_permission_reply: { response: 'reject', response_source: 'automatic' },
      },
    });
    expect(
      (item as { interactive: { call_permission_reply: object } }).interactive
        .call_permission_reply,
    ).toEqual({ response: 'reject', response_source: 'automatic' });
  });
});

describe('Messenger webhook payloads parse with the shared schemas', () => {
  it('connect, call_status, media_update, terminate and permission reply', () => {
    const inbound = call('messenger', 'user_initiated');
    expect(msgrItem(msgrConnect(inbound, T0))).toMatchObject({
      from: '5275811702471834',
      to: '106378625516323',
      timestamp: 1753115233,
    });
    expect(
      msgrItem(msgrCallStatus(call('messenger', 'business_initiated'), 'ringing', T0)),
    ).toMatchObject({ call_status: 'ringing' });
    expect(msgrItem(msgrMediaUpdate(inbound, 2, 'v=0\r\n', T0))).toMatchObject({
      session: { version: 2 },
    });
    const ended = call('messenger', 'user_initiated', endedAfter(120));
    expect(msgrItem(msgrTerminate(ended, T0))).toMatchObject({
      status: 'COMPLETED',
      duration: 120,
      start_time: 1753115233,
    });
    expect(
      msgrItem(msgrPermissionReply('106378625516323', '5275811702471834', 'approve', null, T0)),
    ).toMatchObject({
      call_permission_reply: { response: 'approve' },
    });
  });
});

describe('mergeEvents', () => {
  it('puts each call in its own entry, its events in order, and separates the two products', () => {
    const a = call('messenger', 'user_initiated');
    const b = { ...call('messenger', 'user_initiated'), id: 'c_B' };
    const wa = call('whatsapp', 'user_initiated');
    const bodies = mergeEvents([
      msgrConnect(a, T0),
      waConnect(DEMO_WHATSAPP_NUMBER, wa, { sdp_type: 'offer', sdp: 'v=0\r\n' }, T0),
      msgrConnect(b, T0),
      msgrTerminate(a, T0),
    ]);
    expect(bodies.map((body) => body.object)).toEqual(['whatsapp_business_account', 'page']);
    const page = msgrWebhookSchema.parse(bodies[1]);
    expect(page.entry.map((e) => e.calls?.map((c) => `${c.id}:${c.event}`))).toEqual([
      ['c_A:connect', 'c_A:terminate'],
      ['c_B:connect'],
    ]);
  });

  it('keeps a Messenger permission reply an entry of its own beside the call entries', () => {
    const a = call('messenger', 'user_initiated');
    const [body] = mergeEvents([
      msgrConnect(a, T0),
      msgrPermissionReply('106378625516323', '5275811702471834', 'reject', null, T0),
      msgrTerminate(a, T0),
    ]);
    expect(body?.entry).toHaveLength(2);
    expect(body?.entry[1]).toEqual({
      sender: { id: '5275811702471834' },
      recipient: { id: '106378625516323' },
      timestamp: 1753115233,
      call_permission_reply: { response: 'reject' },
    });
    const page = msgrWebhookSchema.parse(body);
    expect(page.entry[0]?.calls?.map((c) => c.event)).toEqual(['connect', 'terminate']);
    expect(page.entry[1]?.messaging?.[0]).toMatchObject({
      call_permission_reply: { response: 'reject' },
    });
  });
});

describe('encodeLikeMeta', () => {
  it('escapes slashes and non-ASCII the way Meta does and stays valid JSON', () => {
    const value = { sdp: 'opus/48000/2', name: 'Zoë 📞' };
    const text = encodeLikeMeta(value);
    expect(text).toBe('{"sdp":"opus\\/48000\\/2","name":"Zo\\u00eb \\ud83d\\udcde"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});
