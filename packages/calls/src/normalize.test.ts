import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { idempotencyKey } from './idempotency';
import { loadJson, normalizeFixture, normalizeJson } from './test-support';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- fixture json mutated in tests
type Json = Record<string, any>;
const fixturesDir = (channel: string) =>
  fileURLToPath(new URL(`../../../../shared/fixtures/${channel}/`, import.meta.url));
// webhook deliveries only (an `object` envelope): the Graph replies among them are not webhooks
const allFixtures = ['whatsapp', 'messenger']
  .flatMap((channel) =>
    readdirSync(fixturesDir(channel))
      .filter((name) => name.endsWith('.json'))
      .map((name) => `${channel}/${name}`),
  )
  .filter((name) => 'object' in (loadJson(name) as Json));

describe('normalizeWebhook', () => {
  it.each(allFixtures)('%s: normalizes every item of the fixture, keyed and timed', (name) => {
    const { events, ignored } = normalizeFixture(name);
    expect(ignored).toEqual([]);
    expect(events.length).toBeGreaterThan(0);
    for (const event of events) {
      expect(event.channel).toBe(name.split('/')[0]);
      expect(event.idempotencyKey).toContain(event.channel);
      expect(new Date(event.occurredAt).getUTCFullYear()).toBeGreaterThanOrEqual(2022);
    }
  });
});

describe('idempotency keys', () => {
  it('are equal for the same event delivered twice, even in a different envelope', () => {
    const once = normalizeFixture('whatsapp/terminate-completed.json').events;
    // a retry, or a second app subscribed to the number: other WABA entry id, no contacts
    const json = loadJson('whatsapp/terminate-completed.json') as Json;
    json.entry[0].id = '999999999999999';
    json.entry[0].changes[0].value.contacts = [{ profile: { name: 'X' }, wa_id: '1' }];
    const again = normalizeJson(json).events;
    expect(again.map((e) => e.idempotencyKey)).toEqual(once.map((e) => e.idempotencyKey));
  });

  it('are equal for a duplicate inside one batch', () => {
    const json = loadJson('whatsapp/status-ringing.json') as Json;
    json.entry.push(structuredClone(json.entry[0]));
    const keys = normalizeJson(json).events.map((e) => e.idempotencyKey);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });

  it('differ between different events, even of the same call', () => {
    const keys = allFixtures
      .filter((name) => name !== 'messenger/batched-with-duplicate.json')
      .flatMap((name) => normalizeFixture(name).events.map((e) => e.idempotencyKey));
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('differ for the same call status at another time', () => {
    const json = loadJson('whatsapp/status-ringing.json') as Json;
    const before = normalizeJson(json).events[0]?.idempotencyKey;
    json.entry[0].changes[0].value.statuses[0].timestamp = '1753116030';
    expect(normalizeJson(json).events[0]?.idempotencyKey).not.toBe(before);
  });

  it('never collide when a field contains the separator', () => {
    expect(idempotencyKey(['a:b', 'c'])).not.toBe(idempotencyKey(['a', 'b:c']));
    expect(idempotencyKey(['a%3Ab'])).not.toBe(idempotencyKey(['a:b']));
  });
});
