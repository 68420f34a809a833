import { isIP } from 'node:net';

/** What Express's `trust proxy` setting takes: all, none, a hop count, or addresses and ranges. */
export type TrustProxy = boolean | number | readonly string[];

// express's (proxy-addr's) names for ranges
const PRESETS = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * Reads `TRUST_PROXY`: `false` (use the peer's address, ignore `X-Forwarded-For`), `true` (trust
 * every hop: only behind a proxy that overwrites the header), a hop count, or a comma list of
 * addresses, CIDR ranges and Express's names `loopback`, `linklocal`, `uniquelocal`. Returns a
 * message instead when the value is none of these.
 *
 * @example
 * parseTrustProxy('loopback, 10.0.0.0/8'); // { ok: true, value: ['loopback', '10.0.0.0/8'] }
 * parseTrustProxy('2'); // { ok: true, value: 2 }
 */
export function parseTrustProxy(
  text: string,
): { ok: true; value: TrustProxy } | { ok: false; message: string } {
  const value = text.trim().toLowerCase();
  if (value === 'true') return { ok: true, value: true };
  if (value === 'false') return { ok: true, value: false };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops <= 32) return { ok: true, value: hops };
    return { ok: false, message: 'is more hops than any real chain of proxies (at most 32)' };
  }
  const list = value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const wrong = list.find((entry) => !isAddressOrRange(entry));
  if (list.length === 0 || wrong !== undefined) {
    return {
      ok: false,
      message:
        'must be true, false, a hop count, or a comma list of addresses, CIDR ranges, loopback, linklocal or uniquelocal',
    };
  }
  return { ok: true, value: list };
}

function isAddressOrRange(entry: string): boolean {
  if (PRESETS.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  if (!/^\d+$/.test(prefix)) return false;
  return Number(prefix) <= (family === 4 ? 32 : 128);
}
