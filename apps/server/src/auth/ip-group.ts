import { isIPv4, isIPv6 } from 'node:net';

/**
 * The address a sign-in throttle counts by: an IPv4 address as is (also when written as an
 * IPv4-mapped IPv6 address), an IPv6 address by its /64 (one subscriber usually holds a whole
 * /64, so counting single addresses would give an attacker 2^64 fresh ones).
 *
 * @example
 * ipGroup('203.0.113.7'); // '203.0.113.7'
 * ipGroup('::ffff:203.0.113.7'); // '203.0.113.7'
 * ipGroup('2001:db8:1:2:aaaa::1'); // '2001:db8:1:2::/64'
 */
export function ipGroup(ip: string): string {
  const address = ip.split('%')[0] ?? ip;
  if (isIPv4(address)) return address;
  if (!isIPv6(address)) return ip;
  const groups = expandIPv6(address.toLowerCase());
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const [hi = 0, lo = 0] = groups.slice(6);
    return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** the eight 16-bit groups of a valid IPv6 address (`::` and a dotted IPv4 tail expanded) */
function expandIPv6(address: string): number[] {
  const [head = '', tail] = address.split('::');
  const parse = (part: string): number[] =>
    part === ''
      ? []
      : part.split(':').flatMap((piece) => {
          if (!piece.includes('.')) return [parseInt(piece, 16)];
          const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
          return [(a << 8) | b, (c << 8) | d];
        });
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const zeros = new Array<number>(8 - left.length - right.length).fill(0);
  return [...left, ...zeros, ...right];
}
