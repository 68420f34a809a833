import { parseMetaWebhook } from '@ringside/contracts';
import { normalizeWebhook } from '@ringside/calls';
import { describe, expect, it } from 'vitest';
import { whatsappPairs } from './webhook-bodies';

const pairs = whatsappPairs({ phoneNumberId: '115017831530600', runTag: 'test' });

function normalized(body: string) {
  const parsed = parseMetaWebhook(JSON.parse(body));
  if (!parsed.ok) throw new Error(parsed.error.summary);
  return normalizeWebhook(parsed.value);
}

describe('whatsappPairs', () => {
  it('makes a connect and a terminate of one call, addressed to the given number', () => {
    const pair = pairs(7);
    const connect = normalized(pair.connect);
    const terminate = normalized(pair.terminate);
    expect(connect.ignored).toEqual([]);
    expect(terminate.ignored).toEqual([]);
    expect(connect.events).toHaveLength(1);
    expect(terminate.events).toHaveLength(1);
    const [ring] = connect.events;
    const [end] = terminate.events;
    expect(ring).toMatchObject({
      kind: 'call.offered',
      channel: 'whatsapp',
      endpointId: '115017831530600',
      callId: pair.callId,
    });
    expect(end).toMatchObject({
      kind: 'call.terminated',
      channel: 'whatsapp',
      endpointId: '115017831530600',
      callId: pair.callId,
    });
  });

  it('gives every pair its own call, caller and idempotency keys', () => {
    const a = pairs(1);
    const b = pairs(2);
    expect(a.callId).not.toBe(b.callId);
    expect(a.from).not.toBe(b.from);
    const keys = [a.connect, a.terminate, b.connect, b.terminate].map(
      (body) => normalized(body).events[0]?.idempotencyKey,
    );
    expect(new Set(keys).size).toBe(4);
  });

  it('keeps call ids apart between runs of the same index', () => {
    const other = whatsappPairs({ phoneNumberId: '115017831530600', runTag: 'other' });
    expect(other(1).callId).not.toBe(pairs(1).callId);
  });

  it('stamps the ring now, so it is not a stale call', () => {
    const ring = normalized(pairs(3).connect).events[0];
    expect(Math.abs((ring?.occurredAt ?? 0) - Date.now())).toBeLessThan(5_000);
  });

  it('carries the fixture’s real SDP offer', () => {
    expect(pairs(4).connect).toContain('a=ice-lite');
  });
});
