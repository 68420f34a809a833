import { createHmac } from 'node:crypto';
import { iceConfigSchema } from '@ringside/contracts';
import { describe, expect, it } from 'vitest';
import { useStack } from '../testing/test-stack';

const SECRET = 'turn-shared-secret-for-tests';

describe('GET /api/rtc/ice with STUN and TURN configured', () => {
  const stack = useStack({
    ice: {
      stunUrls: ['stun:stun.example.com:3478'],
      turnUrls: ['turn:turn.example.com:3478?transport=udp', 'turns:turn.example.com:5349'],
      turnSecret: SECRET,
      transportPolicy: 'relay',
    },
  });

  it('gives the signed-in user STUN, and TURN with credentials of their own that the relay accepts', async () => {
    const ws = await stack().workspace();
    const asha = await ws.addUser('agent');
    const res = await stack().request(await stack().signIn(asha.email), '/api/rtc/ice');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const config = iceConfigSchema.parse(await res.json());
    expect(config.iceTransportPolicy).toBe('relay');
    expect(config.iceServers[0]).toEqual({ urls: ['stun:stun.example.com:3478'] });
    const turn = config.iceServers[1];
    expect(turn?.urls).toEqual([
      'turn:turn.example.com:3478?transport=udp',
      'turns:turn.example.com:5349',
    ]);
    const [expiry, user] = (turn?.username ?? '').split(':');
    expect(user).toBe(asha.id);
    // short-lived: hours, not a standing password
    const ttlHours = (Number(expiry) * 1000 - Date.now()) / 3_600_000;
    expect(ttlHours).toBeGreaterThan(11);
    expect(ttlHours).toBeLessThanOrEqual(12);
    expect(config.expiresAt).toBe(new Date(Number(expiry) * 1000).toISOString());
    // what coturn's use-auth-secret recomputes from the shared secret
    const expected = createHmac('sha1', SECRET)
      .update(turn?.username ?? '')
      .digest('base64');
    expect(turn?.credential).toBe(expected);
    // the secret itself never leaves the server
    expect(JSON.stringify(config)).not.toContain(SECRET);
  });

  it('refuses anyone not signed in', async () => {
    const res = await fetch(`${stack().url}/api/rtc/ice`);
    expect(res.status).toBe(401);
    expect(await res.text()).not.toContain('turn.example.com');
  });
});

describe('GET /api/rtc/ice with nothing configured', () => {
  const stack = useStack();

  it('gives no servers and lets the browser use every path', async () => {
    const ws = await stack().workspace();
    const bo = await ws.addUser('agent');
    const res = await stack().request(await stack().signIn(bo.email), '/api/rtc/ice');
    expect(await res.json()).toEqual({
      iceServers: [],
      iceTransportPolicy: 'all',
      expiresAt: null,
    });
  });
});
