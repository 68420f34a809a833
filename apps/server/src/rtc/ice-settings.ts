import type { IceConfig } from '@ringside/contracts';
import { turnCredentials } from './turn-credentials';

/** `STUN_URLS`, `TURN_URLS`, `TURN_SECRET`, `ICE_TRANSPORT_POLICY`, validated at start-up */
export interface IceSettings {
  stunUrls: readonly string[];
  turnUrls: readonly string[];
  /** required with `turnUrls` */
  turnSecret?: string;
  transportPolicy: 'all' | 'relay';
}

/** no STUN or TURN: the browser offers its host candidates (enough on one machine, and for Meta's ICE-lite side on an open network) */
export const NO_ICE_SERVERS: IceSettings = { stunUrls: [], turnUrls: [], transportPolicy: 'all' };

/**
 * How long a user's TURN credentials last. A relay checks them when a call allocates and
 * refreshes; consoles fetch new ones well before this ends, so a call starting on the last
 * credentials still has hours.
 */
export const TURN_TTL_SECONDS = 12 * 3600;

/**
 * What `GET /api/rtc/ice` gives a signed-in user: the STUN servers, and the TURN servers with
 * credentials made for this user now.
 *
 * @example
 * iceConfigFor({ stunUrls: [], turnUrls: ['turn:turn.example.com:3478'], turnSecret, transportPolicy: 'all' }, 'u_1', new Date());
 * // { iceServers: [{ urls: ['turn:…'], username: '1765…:u_1', credential: '…' }], iceTransportPolicy: 'all', expiresAt: '…' }
 */
export function iceConfigFor(settings: IceSettings, userId: string, now: Date): IceConfig {
  const iceServers: IceConfig['iceServers'] = [];
  if (settings.stunUrls.length > 0) iceServers.push({ urls: [...settings.stunUrls] });
  let expiresAt: string | null = null;
  if (settings.turnUrls.length > 0 && settings.turnSecret) {
    const turn = turnCredentials({
      secret: settings.turnSecret,
      userId,
      now,
      ttlSeconds: TURN_TTL_SECONDS,
    });
    iceServers.push({
      urls: [...settings.turnUrls],
      username: turn.username,
      credential: turn.credential,
    });
    expiresAt = turn.expiresAt.toISOString();
  }
  return { iceServers, iceTransportPolicy: settings.transportPolicy, expiresAt };
}
