import { describe, expect, it } from 'vitest';
import { loadEnv } from '../env';
import { parseTrustProxy } from './trust-proxy';

describe('TRUST_PROXY', () => {
  it('defaults to the loopback proxy, as before it was configurable', () => {
    expect(loadEnv({}).TRUST_PROXY).toEqual(['loopback']);
  });

  it('reads false, true, a hop count and a comma list of addresses and ranges', () => {
    expect(loadEnv({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadEnv({ TRUST_PROXY: 'TRUE' }).TRUST_PROXY).toBe(true);
    expect(loadEnv({ TRUST_PROXY: '2' }).TRUST_PROXY).toBe(2);
    expect(
      loadEnv({ TRUST_PROXY: 'loopback, 10.0.0.0/8,192.168.1.7, fd00::/8, ::1' }).TRUST_PROXY,
    ).toEqual(['loopback', '10.0.0.0/8', '192.168.1.7', 'fd00::/8', '::1']);
  });

  it.each(['yes', '10.0.0.0/33', 'fd00::/129', '300.1.1.1', 'loopback,,proxy.local', '1000'])(
    'stops start-up on %s, naming the variable',
    (value) => {
      expect(() => loadEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/);
    },
  );

  it('never echoes the value it refuses', () => {
    const refused = parseTrustProxy('secret-host.internal');
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).not.toContain('secret-host');
  });
});
