import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from './events';
import { loadJson, normalizeFixture, normalizeJson } from './test-support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture json mutated in tests
type Json = Record<string, any>;
const fixture = (name: string) => loadJson(`messenger/${name}.json`) as Json;
const PAGE = '106378625516323';
const PSID = '5275811702471834';
const CALL = 'c_M5YPhGE5jm0L_PMQdScLlYJlR7tU_f0rgXiTQ';

function only(events: readonly NormalizedEvent[]): NormalizedEvent {
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event === undefined) throw new Error('no event');
  return event;
}

describe('Messenger call events', () => {
  it('offers a user-initiated connect from the PSID to the Page, without SDP', () => {
    const event = only(normalizeFixture('messenger/connect-user-initiated.json').events);
    expect(event).toEqual({
      kind: 'call.offered',
      channel: 'messenger',
      callId: CALL,
      occurredAt: 1671644824000,
      endpointId: PAGE,
      idempotencyKey: expect.any(String),
      caller: { id: PSID },
      called: { id: PAGE },
    });
  });

  it('reports a business-initiated connect and call_status as outbound progress', () => {
    const progress = [
      'connect-business-initiated',
      'call-status-ringing',
      'call-status-accepted',
    ].map((name) => only(normalizeFixture(`messenger/${name}.json`).events));
    expect(
      progress.map((e) => e.kind === 'call.outbound-progress' && [e.progress, e.callee]),
    ).toEqual([
      ['connected', PSID],
      ['ringing', PSID],
      ['accepted', PSID],
    ]);
  });

  it('turns media_update into a versioned offer', () => {
    const event = only(normalizeFixture('messenger/media-update-v2.json').events);
    expect(event).toMatchObject({
      kind: 'call.media-offer',
      version: 2,
      occurredAt: 1671644840000,
    });
    expect(event.kind === 'call.media-offer' && event.sdp).toMatch(/^v=0\r\n/);
  });

  it('reads terminate statuses and times', () => {
    const completed = only(normalizeFixture('messenger/terminate-completed.json').events);
    expect(completed).toMatchObject({
      kind: 'call.terminated',
      status: 'completed',
      startedAt: 1671644824000,
      endedAt: 1671644944000,
      durationSec: 120,
      errors: [],
    });
    const failed = only(normalizeFixture('messenger/terminate-failed.json').events);
    expect(failed).toMatchObject({ status: 'failed', endedAt: 1671644850000 });
    expect(failed).not.toHaveProperty('durationSec');
  });
});

describe('Messenger batches and duplicates', () => {
  it('the batched fixture yields 3 events with 2 distinct keys', () => {
    const { events } = normalizeFixture('messenger/batched-with-duplicate.json');
    expect(events).toHaveLength(3);
    expect(new Set(events.map((e) => e.idempotencyKey)).size).toBe(2);
    const [first, , third] = events;
    expect(third?.idempotencyKey).toBe(first?.idempotencyKey);
  });

  it('gives each media_update version its own key', () => {
    const v1 = only(normalizeFixture('messenger/media-update-v1.json').events);
    const v2 = only(normalizeFixture('messenger/media-update-v2.json').events);
    expect(v1.idempotencyKey).not.toBe(v2.idempotencyKey);
  });
});

describe('Messenger call permission reply', () => {
  it('reads an approval under messaging[] as granted, with its expiry', () => {
    const event = only(normalizeFixture('messenger/call-permission-reply.json').events);
    expect(event).toMatchObject({
      kind: 'permission.updated',
      channel: 'messenger',
      endpointId: PAGE,
      user: PSID,
      response: 'granted',
      expiresAt: 1672249500000,
    });
  });

  it('reads the same reply delivered in calls[] alike, with the same key', () => {
    const json = fixture('call-permission-reply');
    const entry = json.entry[0];
    entry.calls = entry.messaging;
    delete entry.messaging;
    const underCalls = only(normalizeJson(json).events);
    const underMessaging = only(normalizeFixture('messenger/call-permission-reply.json').events);
    expect(underCalls).toEqual(underMessaging);
  });

  it('reads a reject as denied', () => {
    const json = fixture('call-permission-reply');
    json.entry[0].messaging[0].call_permission_reply.response = 'reject';
    expect(only(normalizeJson(json).events)).toMatchObject({ response: 'denied' });
  });

  it('sets aside other Page events and entries with nothing for us', () => {
    const json = fixture('call-permission-reply');
    json.entry[0].messaging.push({
      sender: { id: PSID },
      recipient: { id: PAGE },
      timestamp: 1,
      message: { text: 'hi' },
    });
    json.entry.push({ id: PAGE, time: 1671644800, changes: [] });
    const result = normalizeJson(json);
    expect(result.events).toHaveLength(1);
    expect(result.ignored.map((i) => [i.path, i.channel])).toEqual([
      ['entry[0].messaging[1]', 'messenger'],
      ['entry[1]', 'messenger'],
    ]);
  });
});
