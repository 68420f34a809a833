import { describe, expect, it } from 'vitest';
import type { NormalizedEvent } from './events';
import { loadJson, normalizeFixture, normalizeJson } from './test-support';

// *Business-scoped user IDs*: a customer is a phone number, a BSUID, or both
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture json mutated in tests
type Json = Record<string, any>;
const fixture = (name: string) => loadJson(`whatsapp/${name}.json`) as Json;
const value = (json: Json): Json => json.entry[0].changes[0].value;
const BSUID = 'IN.13491208655302741918';

function only(events: readonly NormalizedEvent[]): NormalizedEvent {
  expect(events).toHaveLength(1);
  const [event] = events;
  if (event === undefined) throw new Error('no event');
  return event;
}

describe('WhatsApp customers known by phone, BSUID or both', () => {
  it('rings a username caller Meta sent no phone for: the BSUID, name and @username', () => {
    const result = normalizeFixture('whatsapp/connect-username-caller.json');
    expect(result.ignored).toEqual([]);
    expect(only(result.events)).toMatchObject({
      kind: 'call.offered',
      caller: { id: BSUID, userId: BSUID, name: 'Priya', username: '@priya.k' },
      called: { id: '919169950000' },
    });
  });

  it('keeps the phone as the id and the BSUID beside it when Meta sends both', () => {
    const json = fixture('connect-user-initiated');
    value(json).calls[0].from_user_id = 'US.13491208655302741918';
    value(json).contacts[0].user_id = 'US.13491208655302741918';
    value(json).contacts[0].profile.username = '@rahul';
    const event = only(normalizeJson(json).events);
    expect(event.kind === 'call.offered' && event.caller).toEqual({
      id: '918097530000',
      name: 'Rahul',
      userId: 'US.13491208655302741918',
      username: '@rahul',
    });
  });

  it('still takes a phone-only caller as before', () => {
    const event = only(normalizeFixture('whatsapp/connect-user-initiated.json').events);
    expect(event.kind === 'call.offered' && event.caller).toEqual({
      id: '918097530000',
      name: 'Rahul',
    });
  });

  it('matches the contact by user_id when several contacts are sent', () => {
    const json = fixture('connect-username-caller');
    value(json).contacts.unshift({ profile: { name: 'Other' }, user_id: 'US.1' });
    const event = only(normalizeJson(json).events);
    expect(event).toMatchObject({ caller: { id: BSUID, name: 'Priya', username: '@priya.k' } });
  });

  it('sets aside, with a reason, a user-initiated connect that names no caller at all', () => {
    const json = fixture('connect-username-caller');
    delete value(json).calls[0].from_user_id;
    value(json).contacts = [];
    const result = normalizeJson(json);
    expect(result.events).toEqual([]);
    expect(result.ignored[0]?.reason).toMatch(/no caller/);
  });

  it('reads the callee of a business-initiated call from to_user_id and recipient_user_id', () => {
    const connect = fixture('connect-business-initiated');
    delete value(connect).calls[0].to;
    value(connect).calls[0].to_user_id = BSUID;
    expect(only(normalizeJson(connect).events)).toMatchObject({
      kind: 'call.outbound-progress',
      callee: BSUID,
    });
    const ringing = fixture('status-ringing');
    delete value(ringing).statuses[0].recipient_id;
    value(ringing).statuses[0].recipient_user_id = BSUID;
    expect(only(normalizeJson(ringing).events)).toMatchObject({
      progress: 'ringing',
      callee: BSUID,
    });
  });

  it('names the customer of a permission reply by from_user_id when from is left out', () => {
    const json = fixture('permission-reply-accept');
    const message = value(json).messages[0];
    delete message.from;
    message.from_user_id = BSUID;
    value(json).contacts = [{ profile: { name: 'Priya', username: '@priya.k' }, user_id: BSUID }];
    expect(only(normalizeJson(json).events)).toMatchObject({
      kind: 'permission.updated',
      user: BSUID,
      userId: BSUID,
      userName: 'Priya',
    });
  });
});
