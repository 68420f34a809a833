import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from './events';
import { loadJson, normalizeFixture, normalizeJson } from './test-support';

/** A WhatsApp fixture as loose JSON, for building variants. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture json mutated in tests
type Json = Record<string, any>;
const fixture = (name: string) => loadJson(`whatsapp/${name}.json`) as Json;
const value = (json: Json): Json => json.entry[0].changes[0].value;

function only(events: readonly NormalizedEvent[]): NormalizedEvent {
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event === undefined) throw new Error('no event');
  return event;
}

describe('WhatsApp connect', () => {
  it('offers a user-initiated call with the caller’s name, the called number and the SDP offer', () => {
    const event = only(normalizeFixture('whatsapp/connect-user-initiated.json').events);
    expect(event).toMatchObject({
      kind: 'call.offered',
      channel: 'whatsapp',
      callId: expect.stringMatching(/^wacid\./),
      endpointId: '115017831530658',
      occurredAt: 1753115233000,
      caller: { id: '918097530000', name: 'Rahul' },
      called: { id: '919169950000' },
    });
    expect(event.kind === 'call.offered' && event.sdpOffer).toContain('a=ice-lite\r\n');
  });

  it('prefers the contact whose wa_id is the caller’s number', () => {
    const json = fixture('connect-user-initiated');
    value(json).contacts.push({ profile: { name: 'Priya' }, wa_id: '918097530000' });
    const event = only(normalizeJson(json).events);
    expect(event.kind === 'call.offered' && event.caller).toEqual({
      id: '918097530000',
      name: 'Priya',
    });
  });

  it('gives no name when several contacts match nobody', () => {
    const json = fixture('connect-user-initiated');
    value(json).contacts.push({ profile: { name: 'Someone' }, wa_id: '447700900000' });
    const event = only(normalizeJson(json).events);
    expect(event.kind === 'call.offered' && event.caller).toEqual({ id: '918097530000' });
  });

  it('passes deeplink and CTA payloads through', () => {
    const json = fixture('connect-user-initiated');
    Object.assign(value(json).calls[0], { deeplink_payload: 'promo-7', cta_payload: 'cta-3' });
    const event = only(normalizeJson(json).events);
    expect(event).toMatchObject({ deeplinkPayload: 'promo-7', ctaPayload: 'cta-3' });
  });

  it('reports a business-initiated connect as progress carrying Meta’s answer', () => {
    const event = only(normalizeFixture('whatsapp/connect-business-initiated.json').events);
    expect(event).toMatchObject({
      kind: 'call.outbound-progress',
      progress: 'connected',
      callee: '918097530000',
      bizOpaqueCallbackData: 'ticket-4821',
    });
    expect(event.kind === 'call.outbound-progress' && event.sdpAnswer).toContain('a=setup:passive');
  });

  it('sets aside a user-initiated connect that carries an answer instead of an offer', () => {
    const json = fixture('connect-user-initiated');
    value(json).calls[0].session.sdp_type = 'answer';
    const result = normalizeJson(json);
    expect(result.events).toEqual([]);
    expect(result.ignored).toMatchObject([
      {
        reason: 'user-initiated connect without an offer',
        path: 'entry[0].changes[0].value.calls[0]',
      },
    ]);
  });
});

describe('WhatsApp terminate', () => {
  it('reads times as epoch ms and the duration in seconds', () => {
    const event = only(normalizeFixture('whatsapp/terminate-completed.json').events);
    expect(event).toMatchObject({
      kind: 'call.terminated',
      status: 'completed',
      occurredAt: 1753115420000,
      startedAt: 1753115240000,
      endedAt: 1753115420000,
      durationSec: 180,
      errors: [],
    });
  });

  it('omits the times of a call nobody picked up', () => {
    const event = only(normalizeFixture('whatsapp/terminate-not-answered.json').events);
    expect(event).not.toHaveProperty('startedAt');
    expect(event).not.toHaveProperty('durationSec');
  });

  it('reads "Failed" in any case with Meta’s error from inside the call', () => {
    const event = only(normalizeFixture('whatsapp/terminate-failed-no-media.json').events);
    expect(event).toMatchObject({
      status: 'failed',
      errors: [
        {
          code: 138021,
          message: 'Media receive timeout',
          details: 'No media received from the business within 20 seconds',
        },
      ],
    });
  });

  it('takes errors from beside the calls array too, once each', () => {
    const json = fixture('terminate-failed-no-media');
    const inner = value(json).calls[0].errors;
    value(json).errors = [...inner, { code: 138020, message: 'Relay failed' }];
    const event = only(normalizeJson(json).events);
    expect(event.kind === 'call.terminated' && event.errors.map((e) => e.code)).toEqual([
      138021, 138020,
    ]);
  });

  it('reads the no-media drop as Meta shows it: FAILED with times, 138021 with a title inside and beside calls', () => {
    const json = fixture('terminate-failed-no-media');
    const call = value(json).calls[0];
    const error = {
      code: 138021,
      title: 'Media receive timeout',
      message: 'Media receive timeout',
      error_data: { details: 'No media received from the business within 20 seconds' },
    };
    Object.assign(call, {
      status: 'FAILED',
      start_time: '1753115242',
      end_time: '1753115262',
      duration: 20,
      errors: [error],
    });
    value(json).errors = [error];
    expect(only(normalizeJson(json).events)).toMatchObject({
      status: 'failed',
      startedAt: 1753115242000,
      endedAt: 1753115262000,
      durationSec: 20,
      errors: [{ code: 138021, message: 'Media receive timeout' }],
    });
    // a title alone is read as the message
    value(json).errors = [{ code: 138021, title: 'Media receive timeout' }];
    call.errors = undefined;
    expect(only(normalizeJson(json).events)).toMatchObject({
      errors: [{ code: 138021, message: 'Media receive timeout' }],
    });
  });

  it('reads the same drop reported COMPLETED with no error (a field report) as a completed call', () => {
    const json = fixture('terminate-failed-no-media');
    const call = value(json).calls[0];
    Object.assign(call, {
      status: 'COMPLETED',
      start_time: 1753115242,
      end_time: 1753115262,
      duration: '20',
    });
    delete call.errors;
    expect(only(normalizeJson(json).events)).toMatchObject({
      status: 'completed',
      startedAt: 1753115242000,
      durationSec: 20,
      errors: [],
    });
  });

  it('drops an unreadable start time rather than guessing', () => {
    const json = fixture('terminate-completed');
    value(json).calls[0].start_time = 'yesterday';
    const event = only(normalizeJson(json).events);
    expect(event).not.toHaveProperty('startedAt');
    expect(event).toMatchObject({ durationSec: 180 });
  });

  it('logs errors that come with no terminate', () => {
    const json = fixture('connect-user-initiated');
    value(json).errors = [{ code: 131000, message: 'Something went wrong' }];
    const result = normalizeJson(json);
    expect(result.events).toHaveLength(1);
    expect(result.ignored.map((i) => i.path)).toEqual(['entry[0].changes[0].value.errors']);
  });
});

describe('WhatsApp call statuses', () => {
  it.each([
    ['status-ringing', 'ringing', 1753116000000],
    ['status-accepted', 'accepted', 1753116007000],
    ['status-rejected', 'rejected', 1753116005000],
  ])('%s becomes %s progress', (name, progress, occurredAt) => {
    const event = only(normalizeFixture(`whatsapp/${name}.json`).events);
    expect(event).toMatchObject({
      kind: 'call.outbound-progress',
      progress,
      occurredAt,
      callee: '918097530000',
    });
  });

  it('leaves message receipts in the same statuses array aside', () => {
    const json = fixture('status-ringing');
    value(json).statuses.unshift({
      id: 'wamid.X',
      status: 'read',
      timestamp: '1753116001',
      recipient_id: '1',
    });
    const result = normalizeJson(json);
    expect(result.events.map((e) => e.kind)).toEqual(['call.outbound-progress']);
    expect(result.ignored).toMatchObject([{ path: 'entry[0].changes[0].value.statuses[0]' }]);
  });
});

describe('WhatsApp call permission reply', () => {
  it('becomes a granted permission with its expiry and context', () => {
    const event = only(normalizeFixture('whatsapp/permission-reply-accept.json').events);
    expect(event).toMatchObject({
      kind: 'permission.updated',
      channel: 'whatsapp',
      user: '918097530000',
      userName: 'Rahul',
      response: 'granted',
      permanent: false,
      expiresAt: 1753720700000,
      source: 'user_action',
      contextId: 'wamid.HBgLMTIwNjU1NTAxMjMVAgARGBI1RjQ0QzBGQkQ2M0E3MkQ0RTcA',
    });
  });

  it('reads an automatic revoke, which answers no request: denied, automatic, no context', () => {
    const event = only(normalizeFixture('whatsapp/permission-reply-automatic-revoke.json').events);
    expect(event).toMatchObject({
      kind: 'permission.updated',
      user: '918327530000',
      response: 'denied',
      source: 'automatic',
    });
    expect(event).not.toHaveProperty('contextId');
    expect(event).not.toHaveProperty('expiresAt');
  });

  it('reads a reject as denied', () => {
    const json = fixture('permission-reply-accept');
    value(json).messages[0].interactive.call_permission_reply.response = 'reject';
    expect(only(normalizeJson(json).events)).toMatchObject({ response: 'denied' });
  });

  it('sets other messages aside, and a change with nothing for us', () => {
    const json = fixture('permission-reply-accept');
    value(json).messages.push({
      from: '1',
      id: 'wamid.T',
      timestamp: '1753115901',
      type: 'text',
      text: { body: 'hi' },
    });
    json.entry[0].changes.push({
      field: 'messages',
      value: { messaging_product: 'whatsapp', metadata: value(json).metadata },
    });
    const result = normalizeJson(json);
    expect(result.events).toHaveLength(1);
    expect(result.ignored.map((i) => i.path)).toEqual([
      'entry[0].changes[0].value.messages[1]',
      'entry[0].changes[1].value',
    ]);
  });
});
