import { describe, expect, it } from 'vitest';
import type { Json } from './test-fixtures';
import { loadFixture } from './test-fixtures';
import type { WaChangeValue } from './whatsapp-webhook';
import {
  isWaCallStatus,
  isWaPermissionReply,
  waCallSchema,
  waCallTerminateSchema,
  waWebhookSchema,
} from './whatsapp-webhook';

function fixture(name: string): Json {
  return loadFixture(`whatsapp/${name}.json`) as Json;
}

function firstValue(json: unknown): WaChangeValue {
  const value = waWebhookSchema.parse(json).entry[0]?.changes[0]?.value;
  if (!value) throw new Error('fixture has no change');
  return value;
}

describe('WhatsApp connect', () => {
  it('carries the real SDP offer, the caller and the called number', () => {
    const value = firstValue(fixture('connect-user-initiated'));
    const call = value.calls?.[0];
    expect(call?.event).toBe('connect');
    if (call?.event !== 'connect') return;
    expect(call.direction).toBe('USER_INITIATED');
    expect(call.session.sdp_type).toBe('offer');
    expect(call.session.sdp).toMatch(/^v=0\r\n/);
    expect(call.session.sdp).toContain('a=ice-lite');
    expect(call.from).toBe('918097530000');
    expect(call.timestamp).toBe('1753115233');
    expect(value.contacts?.[0]?.profile?.name).toBe('Rahul');
    expect(value.metadata.display_phone_number).toBe('919129950000');
  });

  it('reads a business-initiated connect as Meta’s answer with our opaque data', () => {
    const call = firstValue(fixture('connect-business-initiated')).calls?.[0];
    if (call?.event !== 'connect') throw new Error('expected a connect');
    expect(call.session.sdp_type).toBe('answer');
    expect(call.biz_opaque_callback_data).toBe('ticket-4821');
  });

  it('keeps a contact without a profile, since the number still identifies the caller', () => {
    const body = fixture('connect-user-initiated');
    delete body.entry[0].changes[0].value.contacts[0].profile;
    expect(firstValue(body).contacts?.[0]?.wa_id).toBe('918327530000');
  });

  it('refuses a connect without a session', () => {
    const body = fixture('connect-user-initiated');
    delete body.entry[0].changes[0].value.calls[0].session;
    const result = waWebhookSchema.safeParse(body);
    expect(result.error?.issues[0]?.path).toEqual([
      'entry',
      0,
      'changes',
      0,
      'value',
      'calls',
      0,
      'session',
    ]);
  });

  it('refuses an sdp_type other than offer or answer', () => {
    const body = fixture('connect-user-initiated');
    body.entry[0].changes[0].value.calls[0].session.sdp_type = 'pranswer';
    expect(waWebhookSchema.safeParse(body).success).toBe(false);
  });

  it('refuses a timestamp that is not unix seconds', () => {
    const body = fixture('connect-user-initiated');
    body.entry[0].changes[0].value.calls[0].timestamp = '2025-07-21T16:27:13Z';
    expect(waWebhookSchema.safeParse(body).error?.issues[0]?.message).toMatch(/unix seconds/);
  });
});

describe('WhatsApp terminate', () => {
  it('normalises "Failed" to FAILED and keeps the 138021 error', () => {
    const call = firstValue(fixture('terminate-failed-no-media')).calls?.[0];
    if (call?.event !== 'terminate') throw new Error('expected a terminate');
    expect(call.status).toBe('FAILED');
    expect(call.errors?.[0]?.code).toBe(138021);
    expect(call.errors?.[0]?.error_data?.details).toMatch(/20 seconds/);
    expect(call.duration).toBeUndefined();
  });

  it('reads a completed call’s times and duration', () => {
    const call = firstValue(fixture('terminate-completed')).calls?.[0];
    if (call?.event !== 'terminate') throw new Error('expected a terminate');
    expect(call.status).toBe('COMPLETED');
    expect(call.start_time).toBe('1753115240');
    expect(call.duration).toBe(180);
  });

  const base = { id: 'wacid.1', event: 'terminate', timestamp: '1753115420' };

  it.each(['COMPLETED', 'Completed', 'completed', 'FAILED', 'Failed', 'failed'])(
    'accepts status %s in any case',
    (status) => {
      const parsed = waCallTerminateSchema.parse({ ...base, status });
      expect(parsed.status).toBe(status.toUpperCase());
    },
  );

  it('reads a duration given as a numeric string', () => {
    expect(
      waCallTerminateSchema.parse({ ...base, status: 'COMPLETED', duration: '42' }).duration,
    ).toBe(42);
  });

  it('refuses an unknown status and a non-numeric duration', () => {
    expect(waCallTerminateSchema.safeParse({ ...base, status: 'ENDED' }).success).toBe(false);
    const bad = waCallTerminateSchema.safeParse({ ...base, status: 'COMPLETED', duration: 'long' });
    expect(bad.error?.issues[0]?.path).toEqual(['duration']);
  });

  it('accepts errors beside calls[] as well as inside a call', () => {
    const body = fixture('terminate-failed-no-media');
    const value = body.entry[0].changes[0].value;
    value.errors = value.calls[0].errors;
    delete value.calls[0].errors;
    expect(firstValue(body).errors?.[0]?.code).toBe(138021);
  });
});

describe('WhatsApp statuses[]', () => {
  it.each([
    ['status-ringing', 'RINGING'],
    ['status-accepted', 'ACCEPTED'],
    ['status-rejected', 'REJECTED'],
  ])('reads %s as a call status', (name, status) => {
    const item = firstValue(fixture(name)).statuses?.[0];
    expect(item && isWaCallStatus(item)).toBe(true);
    if (item && isWaCallStatus(item)) expect(item.status).toBe(status);
  });

  it('keeps message receipts beside call statuses without failing the envelope', () => {
    const body = fixture('status-ringing');
    const receipt = { id: 'wamid.X', status: 'read', timestamp: '1753116001', recipient_id: '1' };
    body.entry[0].changes[0].value.statuses.push(receipt);
    const statuses = firstValue(body).statuses ?? [];
    expect(statuses).toHaveLength(2);
    expect(statuses.filter(isWaCallStatus)).toHaveLength(1);
    expect(statuses[1]).toEqual(receipt);
  });

  it('still refuses a malformed call status, naming its field', () => {
    const body = fixture('status-ringing');
    body.entry[0].changes[0].value.statuses[0].status = 'BUSY';
    const result = waWebhookSchema.safeParse(body);
    expect(result.error?.issues[0]?.path).toEqual([
      'entry',
      0,
      'changes',
      0,
      'value',
      'statuses',
      0,
      'status',
    ]);
  });

  it('refuses a statuses[] item that is not an object', () => {
    const body = fixture('status-ringing');
    body.entry[0].changes[0].value.statuses.push('RINGING');
    expect(waWebhookSchema.safeParse(body).success).toBe(false);
  });
});

describe('WhatsApp permission reply', () => {
  it('reads the reply, its context and expiry', () => {
    const value = firstValue(fixture('permission-reply-accept'));
    const reply = value.messages?.filter(isWaPermissionReply)[0];
    expect(reply?.interactive.call_permission_reply.response).toBe('accept');
    expect(reply?.interactive.call_permission_reply.expiration_timestamp).toBe(1753720700);
    expect(reply?.context?.id).toMatch(/^wamid\./);
  });

  it('reads an automatic revoke, which carries no context (Meta’s user call permissions page)', () => {
    const value = firstValue(fixture('permission-reply-automatic-revoke'));
    const reply = value.messages?.filter(isWaPermissionReply)[0];
    expect(reply?.context).toBeUndefined();
    expect(reply?.interactive.call_permission_reply).toEqual({
      response: 'reject',
      response_source: 'automatic',
    });
  });

  it('lets ordinary text messages through untouched', () => {
    const body = fixture('permission-reply-accept');
    const text = { from: '1', id: 'wamid.T', timestamp: '1', type: 'text', text: { body: 'hi' } };
    body.entry[0].changes[0].value.messages.push(text);
    const messages = firstValue(body).messages ?? [];
    expect(messages.filter(isWaPermissionReply)).toHaveLength(1);
    expect(messages[1]).toEqual(text);
  });

  it('refuses a reply with an unknown response', () => {
    const body = fixture('permission-reply-accept');
    body.entry[0].changes[0].value.messages[0].interactive.call_permission_reply.response = 'maybe';
    expect(waWebhookSchema.safeParse(body).success).toBe(false);
  });
});

describe('unknown keys pass through', () => {
  it('at envelope, entry, change, value and call level', () => {
    const body = fixture('connect-user-initiated');
    body.new_top = 1;
    body.entry[0].new_entry = 2;
    body.entry[0].changes[0].new_change = 3;
    body.entry[0].changes[0].value.new_value = 4;
    body.entry[0].changes[0].value.calls[0].new_call = { nested: true };
    const parsed = waWebhookSchema.parse(body) as Json;
    expect(parsed.new_top).toBe(1);
    expect(parsed.entry[0].new_entry).toBe(2);
    expect(parsed.entry[0].changes[0].new_change).toBe(3);
    expect(parsed.entry[0].changes[0].value.new_value).toBe(4);
    expect(parsed.entry[0].changes[0].value.calls[0].new_call).toEqual({ nested: true });
  });

  it('on a call parsed alone', () => {
    const call = { ...fixture('terminate-completed').entry[0].changes[0].value.calls[0], x: 'y' };
    expect((waCallSchema.parse(call) as Json).x).toBe('y');
  });
});
