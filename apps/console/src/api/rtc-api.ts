import type { IceConfig, IceServer } from '@ringside/contracts';
import { isRecord, type ApiResult } from './http';
import type { RestClient } from './rest-client';

const SCHEMES = /^(stun|stuns|turn|turns):/;

function readIceServer(value: unknown): IceServer | undefined {
  if (!isRecord(value) || !Array.isArray(value['urls'])) return undefined;
  const urls = value['urls'].filter((u): u is string => typeof u === 'string' && SCHEMES.test(u));
  if (urls.length === 0) return undefined;
  const { username, credential } = value;
  return {
    urls,
    ...(typeof username === 'string' && username !== '' ? { username } : {}),
    ...(typeof credential === 'string' && credential !== '' ? { credential } : {}),
  };
}

/**
 * Reads a `GET /api/rtc/ice` reply; `undefined` when it is not one. A server entry this page
 * cannot read is left out rather than failing the whole reply. Hand-written rather than the
 * contracts' zod schema so the first page load stays small.
 *
 * @example
 * readIceConfig({ iceServers: [{ urls: ['stun:stun.example.com'] }], iceTransportPolicy: 'all', expiresAt: null });
 */
export function readIceConfig(body: unknown): IceConfig | undefined {
  if (!isRecord(body) || !Array.isArray(body['iceServers'])) return undefined;
  const { iceTransportPolicy, expiresAt } = body;
  if (iceTransportPolicy !== 'all' && iceTransportPolicy !== 'relay') return undefined;
  if (
    expiresAt !== null &&
    (typeof expiresAt !== 'string' || !Number.isFinite(Date.parse(expiresAt)))
  )
    return undefined;
  const iceServers = body['iceServers'].flatMap((s: unknown) => readIceServer(s) ?? []);
  return { iceServers, iceTransportPolicy, expiresAt };
}

/**
 * Where this browser looks for a path to Meta: the STUN and TURN servers the server hands the
 * signed-in user, TURN with credentials that expire.
 *
 * @example
 * const config = await new RtcApi(rest).iceConfig();
 * if (config.ok) new RTCPeerConnection({ iceServers: config.data.iceServers });
 */
export class RtcApi {
  constructor(private readonly rest: RestClient) {}

  iceConfig(): Promise<ApiResult<IceConfig>> {
    return this.rest.get('/api/rtc/ice', readIceConfig);
  }
}
