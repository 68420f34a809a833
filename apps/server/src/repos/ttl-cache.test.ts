import { describe, expect, it } from 'vitest';
import { CACHE_TTL_MS, createTtlCache } from './ttl-cache';

describe('ttl cache', () => {
  it('answers what it was given until its time is up', () => {
    let now = 1_000;
    const cache = createTtlCache<string>({ now: () => now });
    expect(cache.get('whatsapp:1150')).toBeUndefined();
    expect(cache.set('whatsapp:1150', 'channel 1')).toBe('channel 1');
    expect(cache.get('whatsapp:1150')).toBe('channel 1');
    expect(cache.get('messenger:1150')).toBeUndefined();
    now += CACHE_TTL_MS - 1;
    expect(cache.get('whatsapp:1150')).toBe('channel 1');
    now += 1;
    expect(cache.get('whatsapp:1150')).toBeUndefined();
  });

  it('forgets everything when told something changed', () => {
    const cache = createTtlCache<number>();
    cache.set('a', 1);
    cache.set('b', 2);
    cache.clear();
    expect(cache.get('a')).toBeUndefined();
    expect(cache.get('b')).toBeUndefined();
  });
});
