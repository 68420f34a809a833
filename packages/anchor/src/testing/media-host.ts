import { networkInterfaces } from 'node:os';

/**
 * This machine's first non-loopback IPv4 address, for media in tests: Janus gathers ICE
 * candidates on every interface but loopback (janus-gateway `src/ice.c` skips IFF_LOOPBACK),
 * so its peers and its enforce list use this address while its API stays on 127.0.0.1.
 *
 * @example
 * const engine = await JanusProcess.start({ iceEnforceList: mediaHost() });
 */
export function mediaHost(): string {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const address of addresses ?? []) {
      if (address.family === 'IPv4' && !address.internal) return address.address;
    }
  }
  throw new Error('no non-loopback IPv4 interface: Janus cannot carry media on loopback alone');
}
