import { describe, expect, it } from 'vitest';
import type { MsgrEntry } from './messenger-webhook';
import {
  isMsgrPermissionReply,
  msgrCallSchema,
  msgrCallTerminateSchema,
  msgrWebhookSchema,
} from './messenger-webhook';
import type { Json } from './test-fixtures';
import { loadJson } from './test-fixtures';

function fixture(name: string): Json {
  return loadJson(`messenger/${name}.json`);
}

function entries(json: unknown): MsgrEntry[] {
  return msgrWebhookSchema.parse(json).entry;
}

function firstCall(json: unknown) {
  const call = entries(json)[0]?.calls?.[0];
  if (!call) throw new Error('fixture has no call');
  return call;
}

describe('Messenger call events', () => {
  it('reads a user-initiated connect: no SDP, PSID caller, Page callee', () => {
    const call = firstCall(fixture('connect-user-initiated'));
    expect(call).toMatchObject({
      event: 'connect',
      call_direction: 'user_initiated',
      from: '5275811702471834',
      to: '106378625516323',
      timestamp: 1671644824,
    });
    expect(call).not.toHaveProperty('session');
  });

  it('reads call_status ringing and accepted', () => {
    expect(firstCall(fixture('call-status-ringing'))).toMatchObject({ call_status: 'ringing' });
    expect(firstCall(fixture('call-status-accepted'))).toMatchObject({ call_status: 'accepted' });
  });

  it('reads a media_update with its version and offer', () => {
    const call = firstCall(fixture('media-update-v2'));
    if (call.event !== 'media_update') throw new Error('expected a media_update');
    expect(call.session.version).toBe(2);
    expect(call.session.sdp_renegotiation.sdp_type).toBe('offer');
    expect(call.session.sdp_renegotiation.sdp).toContain('a=recvonly');
  });

  it('normalises terminate statuses and keeps times', () => {
    const done = firstCall(fixture('terminate-completed'));
    const failed = firstCall(fixture('terminate-failed'));
    expect(done).toMatchObject({ status: 'COMPLETED', duration: 120, end_time: 1671644944 });
    expect(failed).toMatchObject({ status: 'FAILED' });
  });

  it('keeps every entry and call of a batch, duplicates included (dedup is the caller’s job)', () => {
    const batch = entries(fixture('batched-with-duplicate'));
    const ids = batch.flatMap((entry) => (entry.calls ?? []).map((call) => call.id));
    expect(ids).toEqual([
      'c_M5YPhGE5jm0L_PMQdScLlYJlR7tU_f0rgXiTQ',
      'c_second_call_9f8e7d',
      'c_M5YPhGE5jm0L_PMQdScLlYJlR7tU_f0rgXiTQ',
    ]);
  });

  it('refuses string timestamps, since Messenger sends integers', () => {
    const body = fixture('connect-user-initiated');
    body.entry[0].calls[0].timestamp = '1671644824';
    const result = msgrWebhookSchema.safeParse(body);
    expect(result.error?.issues[0]?.path).toEqual(['entry', 0, 'calls', 0, 'timestamp']);
  });

  it('refuses an unknown event and a media_update without a version', () => {
    const unknown = fixture('connect-user-initiated');
    unknown.entry[0].calls[0].event = 'hold';
    expect(msgrWebhookSchema.safeParse(unknown).error?.issues[0]?.path).toEqual([
      'entry',
      0,
      'calls',
      0,
      'event',
    ]);
    const versionless = fixture('media-update-v1');
    delete versionless.entry[0].calls[0].session.version;
    expect(msgrWebhookSchema.safeParse(versionless).success).toBe(false);
  });

  it('refuses a terminate status outside Completed/Failed', () => {
    const base = { id: 'c_1', event: 'terminate', timestamp: 1 };
    expect(msgrCallTerminateSchema.safeParse({ ...base, status: 'Busy' }).success).toBe(false);
    expect(msgrCallTerminateSchema.parse({ ...base, status: 'completed' }).status).toBe(
      'COMPLETED',
    );
  });
});

describe('Messenger permission reply', () => {
  const reply = () => fixture('call-permission-reply').entry[0].messaging[0] as Json;

  it('reads it under messaging[]', () => {
    const entry = entries(fixture('call-permission-reply'))[0];
    const found = entry?.messaging?.filter(isMsgrPermissionReply) ?? [];
    expect(found).toHaveLength(1);
    expect(found[0]?.call_permission_reply).toEqual({
      response: 'approve',
      expiration_timestamp: 1672249500,
    });
    expect(found[0]?.sender.id).toBe('5275811702471834');
  });

  it('moves one delivered in calls[] to messaging, leaving calls with call events only', () => {
    const body = fixture('connect-user-initiated');
    body.entry[0].calls.push(reply());
    const entry = entries(body)[0];
    expect(entry?.calls?.map((c) => c.event)).toEqual(['connect']);
    expect(entry?.messaging?.filter(isMsgrPermissionReply)).toHaveLength(1);
  });

  it('accepts one delivered as a bare entry, as Meta’s own example shows', () => {
    const body = { object: 'page', entry: [reply()] };
    const entry = entries(body)[0];
    expect(entry?.id).toBe('106378625516323');
    expect(entry?.time).toBe(1671644700);
    expect(entry?.messaging?.filter(isMsgrPermissionReply)[0]?.call_permission_reply.response).toBe(
      'approve',
    );
  });

  it('reads an expiration_timestamp given as a string', () => {
    const body = fixture('call-permission-reply');
    body.entry[0].messaging[0].call_permission_reply.expiration_timestamp = '1672249500';
    const found = entries(body)[0]?.messaging?.filter(isMsgrPermissionReply)[0];
    expect(found?.call_permission_reply.expiration_timestamp).toBe(1672249500);
  });

  it('refuses a reply with an unknown response, naming the path', () => {
    const body = fixture('call-permission-reply');
    body.entry[0].messaging[0].call_permission_reply.response = 'accept';
    expect(msgrWebhookSchema.safeParse(body).error?.issues[0]?.path).toEqual([
      'entry',
      0,
      'messaging',
      0,
      'call_permission_reply',
      'response',
    ]);
  });

  it('lets other Page messaging events through untouched', () => {
    const body = fixture('call-permission-reply');
    const message = { sender: { id: '1' }, recipient: { id: '2' }, message: { text: 'hi' } };
    body.entry[0].messaging.push(message);
    const messaging = entries(body)[0]?.messaging ?? [];
    expect(messaging).toHaveLength(2);
    expect(messaging[1]).toEqual(message);
    expect(messaging.filter(isMsgrPermissionReply)).toHaveLength(1);
  });
});

describe('unknown keys pass through', () => {
  it('at envelope, entry and call level', () => {
    const body = fixture('connect-user-initiated');
    body.extra = 1;
    body.entry[0].extra = 2;
    body.entry[0].calls[0].extra = 3;
    const parsed = msgrWebhookSchema.parse(body) as Json;
    expect(parsed.extra).toBe(1);
    expect(parsed.entry[0].extra).toBe(2);
    expect(parsed.entry[0].calls[0].extra).toBe(3);
    expect((msgrCallSchema.parse(body.entry[0].calls[0]) as Json).extra).toBe(3);
  });
});
