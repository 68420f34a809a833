/**
 * A minimal Ogg Opus writer (RFC 3533 pages, RFC 7845 mapping) for the files AudioBridge's
 * play_file takes; a trimmed copy of packages/meta-sim/src/media/ogg-opus.ts, which that
 * package does not export.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let i = 0; i < 256; i++) {
    let r = i << 24;
    for (let j = 0; j < 8; j++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
    table[i] = r >>> 0;
  }
  return table;
})();

const PRE_SKIP = 312;
const SAMPLES_PER_PACKET = 960;
const PACKETS_PER_PAGE = 50;

function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes)
    crc = ((crc << 8) ^ (CRC_TABLE[((crc >>> 24) ^ byte) & 0xff] ?? 0)) >>> 0;
  return crc >>> 0;
}

function page(packets: readonly Uint8Array[], flags: number, granule: bigint, sequence: number) {
  const lacing: number[] = [];
  for (const packet of packets) {
    let left = packet.length;
    for (; left >= 255; left -= 255) lacing.push(255);
    lacing.push(left);
  }
  const header = Buffer.alloc(27 + lacing.length);
  header.write('OggS', 0, 'ascii');
  header.writeUInt8(flags, 5);
  header.writeBigInt64LE(granule, 6);
  header.writeUInt32LE(0x52494e47, 14); // serial
  header.writeUInt32LE(sequence, 18);
  header.writeUInt8(lacing.length, 26);
  Buffer.from(lacing).copy(header, 27);
  const whole = Buffer.concat([header, ...packets]);
  whole.writeUInt32LE(oggCrc(whole), 22);
  return whole;
}

/**
 * An Ogg Opus file holding 20 ms stereo opus packets.
 *
 * @example
 * writeFileSync('tone.opus', oggOpusFile(Array.from({ length: 100 }, () => probe.nextPacket())));
 */
export function oggOpusFile(packets: readonly Uint8Array[]): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head.writeUInt8(1, 8);
  head.writeUInt8(2, 9);
  head.writeUInt16LE(PRE_SKIP, 10);
  head.writeUInt32LE(48_000, 12);
  const vendor = Buffer.from('ringside-anchor-test', 'utf8');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'ascii');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  const pages = [page([head], 0x02, 0n, 0), page([tags], 0, 0n, 1)];
  let samples = BigInt(PRE_SKIP);
  for (let i = 0; i < packets.length; i += PACKETS_PER_PAGE) {
    const chunk = packets.slice(i, i + PACKETS_PER_PAGE);
    samples += BigInt(chunk.length * SAMPLES_PER_PACKET);
    const last = i + PACKETS_PER_PAGE >= packets.length;
    pages.push(page(chunk, last ? 0x04 : 0, samples, pages.length));
  }
  return Buffer.concat(pages);
}
