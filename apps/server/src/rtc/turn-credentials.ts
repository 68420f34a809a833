import { createHmac } from 'node:crypto';

/** a TURN username and password in the TURN REST API scheme, and when they stop working */
export interface TurnCredentials {
  username: string;
  credential: string;
  expiresAt: Date;
}

/**
 * Short-lived TURN credentials in the TURN REST API scheme that coturn's `use-auth-secret`
 * checks: the username is `<unix expiry>:<user id>`, the password is
 * base64(HMAC-SHA1(shared secret, username)). The relay needs no per-user state and the
 * browser never holds a password that outlives `ttlSeconds`.
 *
 * @example
 * const turn = turnCredentials({ secret: env.TURN_SECRET, userId: 'u_1', now: new Date(), ttlSeconds: 12 * 3600 });
 * // { username: '1765108800:u_1', credential: 'Jp3…=', expiresAt: 2025-12-07T12:00:00.000Z }
 */
export function turnCredentials(input: {
  secret: string;
  userId: string;
  now: Date;
  ttlSeconds: number;
}): TurnCredentials {
  const expiry = Math.floor(input.now.getTime() / 1000) + input.ttlSeconds;
  const username = `${expiry}:${input.userId}`;
  const credential = createHmac('sha1', input.secret).update(username).digest('base64');
  return { username, credential, expiresAt: new Date(expiry * 1000) };
}
