import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPublicAddress } from './receiver-address';

// addresses inside the server's networks or otherwise not a public host, in every disguise an
// attacker might put them: as IPv6 that carries them (mapped, compatible, NAT64, 6to4), or in
// special-purpose ranges
const REFUSED = [
  '127.0.0.1',
  '10.1.2.3',
  '172.20.0.1',
  '192.168.1.10',
  '169.254.169.254',
  '100.64.0.1',
  '100.127.255.254',
  '0.0.0.0',
  '0.1.2.3',
  '192.0.0.8',
  '198.18.0.1',
  '198.19.255.255',
  '224.0.0.251',
  '239.255.255.250',
  '240.0.0.1',
  '255.255.255.255',
  '::1',
  '::',
  'fd00::2',
  'fc00::1',
  'fe80::1',
  'fe80::1%eth0',
  'febf::1',
  'ff02::1',
  'ff05::1:3',
  // site-local (deprecated, still routed inside some networks)
  'fec0::1',
  'feff:ffff::1',
  // IPv4-mapped, dotted and in hex
  '::ffff:127.0.0.1',
  '::FFFF:10.0.0.1',
  '::ffff:7f00:1',
  '::ffff:a9fe:a9fe',
  '0:0:0:0:0:ffff:c0a8:0101',
  // IPv4-translated (RFC 2765)
  '::ffff:0:7f00:1',
  '::ffff:0:8.8.8.8',
  // IPv4-compatible (deprecated): never a public host
  '::127.0.0.1',
  '::10.0.0.1',
  '::8.8.8.8',
  '::7f00:1',
  // NAT64 well-known prefix carrying a private address
  '64:ff9b::127.0.0.1',
  '64:ff9b::a9fe:a9fe',
  '64:ff9b::10.0.0.1',
  // NAT64 local-use prefix: whatever it carries, it is the operator's own network
  '64:ff9b:1::1',
  '64:ff9b:1:ffff::8.8.8.8',
  // 6to4 carrying a private address
  '2002:7f00:1::1',
  '2002:a9fe:a9fe::',
  '2002:c0a8:0101::1',
  '2002:0a00:0001:0:0:0:0:1',
  // Teredo: the client's address is hidden in it
  '2001::1',
  '2001:0:4136:e378:8000:63bf:3fff:fdd2',
  // discard-only
  '100::1',
  'not-an-ip',
  '',
  '1.2.3',
  '::ffff:1.2.3.256',
  '1::2::3',
];

const TAKEN = [
  '203.0.113.7',
  '8.8.8.8',
  '1.1.1.1',
  '172.32.0.1',
  '100.128.0.1',
  '198.20.0.1',
  '2001:db8::1',
  '2606:4700::1111',
  '2a00:1450:4001:80b::200e',
  '::ffff:8.8.8.8',
  '::ffff:808:808',
  '64:ff9b::8.8.8.8',
  '64:ff9b::808:808',
  '2002:808:808::1',
];

describe('isPublicAddress', () => {
  it.each(REFUSED)('refuses %s', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each(TAKEN)('takes %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });

  const PRIVATE_V4 = fc.oneof(
    fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(0), fc.nat(255), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.constant(198), fc.integer({ min: 18, max: 19 }), fc.nat(255), fc.nat(255)),
    fc.tuple(fc.integer({ min: 224, max: 255 }), fc.nat(255), fc.nat(255), fc.nat(255)),
  );
  const hex = (a: number, b: number) => ((a << 8) | b).toString(16);
  const IN_V6 = [
    ([a, b, c, d]: number[]) => `::ffff:${a}.${b}.${c}.${d}`,
    ([a, b, c, d]: number[]) => `::ffff:${hex(a!, b!)}:${hex(c!, d!)}`,
    ([a, b, c, d]: number[]) => `0:0:0:0:0:FFFF:${hex(a!, b!)}:${hex(c!, d!)}`,
    ([a, b, c, d]: number[]) => `::${a}.${b}.${c}.${d}`,
    ([a, b, c, d]: number[]) => `64:ff9b::${a}.${b}.${c}.${d}`,
    ([a, b, c, d]: number[]) => `64:ff9b::${hex(a!, b!)}:${hex(c!, d!)}`,
    ([a, b, c, d]: number[]) => `2002:${hex(a!, b!)}:${hex(c!, d!)}::1`,
    ([a, b, c, d]: number[]) => `2002:${hex(a!, b!)}:${hex(c!, d!)}:ab:cd:ef:12:34`,
  ];

  it('refuses every private IPv4 address, bare or carried inside IPv6 in any spelling', () => {
    fc.assert(
      fc.property(PRIVATE_V4, fc.nat(IN_V6.length - 1), (v4, form) => {
        expect(isPublicAddress(v4.join('.'))).toBe(false);
        expect(isPublicAddress(IN_V6[form]!(v4))).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });

  it('judges an IPv6 address carrying an IPv4 one as that IPv4 address', () => {
    const v4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
    fc.assert(
      fc.property(v4, fc.constantFrom(0, 1, 2, 4, 5, 6, 7), (parts, form) => {
        // mapped, NAT64 well-known and 6to4 forms: the same verdict as the bare address
        const bare = isPublicAddress(parts.join('.'));
        expect(isPublicAddress(IN_V6[form]!(parts))).toBe(bare);
      }),
      { numRuns: 2_000 },
    );
  });

  it('refuses every address of the Teredo, local NAT64, site-local, unique-local, link-local and multicast ranges', () => {
    const group = fc.nat(0xffff).map((n) => n.toString(16));
    const rest = fc.array(group, { minLength: 6, maxLength: 6 }).map((g) => g.join(':'));
    const ranges = fc.oneof(
      rest.map((r) => `2001:0:${r}`),
      rest.map((r) => `64:ff9b:1:${r.split(':').slice(2).join(':')}:0`),
      fc
        .tuple(fc.integer({ min: 0xfec0, max: 0xfeff }), rest)
        .map(([p, r]) => `${p.toString(16)}::${r.split(':').slice(2).join(':')}`),
      fc
        .tuple(fc.integer({ min: 0xfc00, max: 0xfdff }), rest)
        .map(([p, r]) => `${p.toString(16)}:${r}:1`),
      fc
        .tuple(fc.integer({ min: 0xfe80, max: 0xfebf }), rest)
        .map(([p, r]) => `${p.toString(16)}:${r}:1`),
      fc
        .tuple(fc.integer({ min: 0xff00, max: 0xffff }), rest)
        .map(([p, r]) => `${p.toString(16)}:${r}:1`),
    );
    fc.assert(
      fc.property(ranges, (address) => {
        expect(isPublicAddress(address)).toBe(false);
      }),
      { numRuns: 2_000 },
    );
  });
});
