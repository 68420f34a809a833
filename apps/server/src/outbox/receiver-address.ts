import { BlockList, isIP } from 'node:net';

// where an outgoing webhook must not go unless the operator allows it: this machine, its
// private networks and the cloud metadata service (169.254.169.254) among them
const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');
}

/**
 * Whether an IP address is on the public internet, as an outgoing webhook's receiver should
 * be (IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry).
 *
 * @example
 * isPublicAddress('203.0.113.7'); // true
 * isPublicAddress('169.254.169.254'); // false: the cloud metadata service
 */
export function isPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped !== undefined) return isPublicAddress(mapped);
  const family = isIP(address);
  if (family === 0) return false;
  return !NOT_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
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
