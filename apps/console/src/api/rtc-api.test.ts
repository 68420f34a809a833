import { describe, expect, it } from 'vitest';
import { readIceConfig } from './rtc-api';

describe('readIceConfig', () => {
  it('reads the servers and policy, leaving out an entry it cannot use', () => {
    expect(
      readIceConfig({
        iceServers: [
          { urls: ['stun:stun.example.com:3478'] },
          { urls: ['turn:t.example.com:3478', 'http://not-ice'], username: '1:u', credential: 'c' },
          { urls: 'turn:not-a-list' },
        ],
        iceTransportPolicy: 'relay',
        expiresAt: '2026-12-07T12:00:00.000Z',
      }),
    ).toEqual({
      iceServers: [
        { urls: ['stun:stun.example.com:3478'] },
        { urls: ['turn:t.example.com:3478'], username: '1:u', credential: 'c' },
      ],
      iceTransportPolicy: 'relay',
      expiresAt: '2026-12-07T12:00:00.000Z',
    });
  });

  it('refuses what is not an ICE reply', () => {
    expect(readIceConfig(null)).toBeUndefined();
    expect(
      readIceConfig({ iceServers: [], iceTransportPolicy: 'none', expiresAt: null }),
    ).toBeUndefined();
    expect(
      readIceConfig({ iceServers: [], iceTransportPolicy: 'all', expiresAt: 'soon' }),
    ).toBeUndefined();
  });
});
