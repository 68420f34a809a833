import { describe, expect, it } from 'vitest';
import { turnCredentials } from './turn-credentials';

describe('turnCredentials', () => {
  it('makes the TURN REST API pair coturn checks: expiry:user, base64 HMAC-SHA1 of it', () => {
    const turn = turnCredentials({
      secret: 'a-long-shared-secret',
      userId: 'u_1',
      now: new Date(1_700_000_000_000),
      ttlSeconds: 43_200,
    });
    // the password as `openssl dgst -sha1 -hmac <secret> -binary | base64` computes it
    expect(turn).toEqual({
      username: '1700043200:u_1',
      credential: 'FASfZD8jTNE2qo/R05JoqwoxY1g=',
      expiresAt: new Date(1_700_043_200_000),
    });
  });

  it('gives each user and each moment their own credentials, which a different secret cannot forge', () => {
    const at = (userId: string, ms: number, secret = 'a-long-shared-secret') =>
      turnCredentials({ secret, userId, now: new Date(ms), ttlSeconds: 60 }).credential;
    expect(at('u_1', 0)).not.toBe(at('u_2', 0));
    expect(at('u_1', 0)).not.toBe(at('u_1', 5_000));
    expect(at('u_1', 0)).not.toBe(at('u_1', 0, 'another-long-secret'));
  });
});
