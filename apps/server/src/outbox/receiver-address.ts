import { isIP } from 'node:net';

// where an outgoing webhook must not go unless the operator allows it: this machine, its
// private networks and the cloud metadata service (169.254.169.254) among them (IANA's
// special-purpose address registries; documentation ranges stay allowed, they route nowhere)
const NOT_PUBLIC_V4: readonly (readonly [network: string, prefix: number])[] = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const NOT_PUBLIC_V6: readonly (readonly [network: string, prefix: number])[] = [
  ['::', 96], // unspecified, loopback and IPv4-compatible (deprecated) addresses
  ['::ffff:0:0:0', 96], // IPv4-translated (RFC 2765)
  ['64:ff9b:1::', 48], // NAT64 for local use (RFC 8215): the operator's own network
  ['100::', 64], // discard-only
  ['2001::', 32], // Teredo: tunnels to an address hidden in it
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated, still routed inside some networks)
  ['ff00::', 8], // multicast
];
// IPv6 ranges that carry an IPv4 address, judged as that address: [prefix, its byte offset]
const CARRIES_V4: readonly (readonly [network: string, prefix: number, at: number])[] = [
  ['::ffff:0:0', 96, 12], // IPv4-mapped
  ['64:ff9b::', 96, 12], // NAT64 well-known prefix (RFC 6052)
  ['2002::', 16, 2], // 6to4
];

/**
 * Whether an IP address is on the public internet, as an outgoing webhook's receiver should
 * be. An IPv6 address that carries an IPv4 one (IPv4-mapped, NAT64, 6to4) is judged as that
 * IPv4 address; anything that is not an address is not public.
 *
 * @example
 * isPublicAddress('203.0.113.7'); // true
 * isPublicAddress('169.254.169.254'); // false: the cloud metadata service
 * isPublicAddress('64:ff9b::a9fe:a9fe'); // false: the same, through NAT64
 */
export function isPublicAddress(address: string): boolean {
  const bytes = addressBytes(address);
  if (!bytes) return false;
  if (bytes.length === 4) return !NOT_PUBLIC_V4.some(([net, prefix]) => within(bytes, net, prefix));
  if (NOT_PUBLIC_V6.some(([net, prefix]) => within(bytes, net, prefix))) return false;
  for (const [net, prefix, at] of CARRIES_V4) {
    if (within(bytes, net, prefix)) return isPublicAddress(bytes.subarray(at, at + 4).join('.'));
  }
  return true;
}

// whether `bytes` lies in network/prefix (same family)
function within(bytes: Uint8Array, network: string, prefix: number): boolean {
  const net = addressBytes(network);
  if (!net || net.length !== bytes.length) return false;
  for (let bit = 0; bit < prefix; bit += 8) {
    const mask = prefix - bit >= 8 ? 0xff : (0xff << (8 - (prefix - bit))) & 0xff;
    if (((bytes[bit / 8] ?? 0) & mask) !== ((net[bit / 8] ?? 0) & mask)) return false;
  }
  return true;
}

/** an address's bytes (4 or 16), a zone id (`%eth0`) dropped; undefined when not an address */
function addressBytes(address: string): Uint8Array | undefined {
  const bare = address.replace(/%.*$/, '');
  const family = isIP(bare);
  if (family === 4) return Uint8Array.from(bare.split('.').map(Number));
  if (family !== 6) return undefined;
  // a dotted IPv4 tail becomes two groups
  const tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(bare);
  const text = tail
    ? bare.slice(0, tail.index) +
      [(Number(tail[1]) << 8) | Number(tail[2]), (Number(tail[3]) << 8) | Number(tail[4])]
        .map((n) => n.toString(16))
        .join(':')
    : bare;
  const [head = '', rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = rest === undefined ? 0 : 8 - left.length - right.length;
  const groups = [...left, ...Array<string>(zeros).fill('0'), ...right];
  if (groups.length !== 8) return undefined;
  const bytes = new Uint8Array(16);
  groups.forEach((group, i) => {
    const value = Number.parseInt(group, 16);
    bytes[i * 2] = value >> 8;
    bytes[i * 2 + 1] = value & 0xff;
  });
  return bytes;
}

/**
 * The sentence a refused receiver gets in the delivery log.
 *
 * @example
 * privateAddressMessage('10.0.0.5'); // 'The receiver’s address 10.0.0.5 is not on the public internet; …'
 */
export function privateAddressMessage(address: string): string {
  return (
    `The receiver’s address ${address} is not on the public internet; this server only sends ` +
    'webhooks to public addresses (OUTGOING_WEBHOOKS_PRIVATE=allow lifts that).'
  );
}
