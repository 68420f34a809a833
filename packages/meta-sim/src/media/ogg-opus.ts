/**
 * A minimal Ogg Opus writer (RFC 3533 pages, RFC 7845 Opus mapping): `OpusHead` and `OpusTags`
 * each on their own page, then the audio packets, each page's granule position the 48 kHz sample
 * count through its last packet. Written here rather than taken from a library so the simulator
 * keeps its dependencies to werift and opusscript.
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

/**
 * Ogg's CRC-32: polynomial 0x04c11db7, not reflected, initial value 0 (RFC 3533 §6).
 *
 * @example
 * oggCrc(page); // with the page's CRC field zeroed
 */
export function oggCrc(bytes: Uint8Array): number {
  let crc = 0;
  for (const byte of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ byte) & 0xff]!) >>> 0;
  return crc >>> 0;
}

const FLAG_BOS = 0x02;
const FLAG_EOS = 0x04;
/** what a decoder drops from the start (RFC 7845 §4.2: libopus's usual 3.25 ms) */
export const OPUS_PRE_SKIP = 312;
/** every packet we write is one 20 ms frame at 48 kHz */
const SAMPLES_PER_PACKET = 960;
/** at most this many packets on one audio page (~1 s) */
const PACKETS_PER_PAGE = 50;

function page(
  packets: readonly Uint8Array[],
  flags: number,
  granule: bigint,
  serial: number,
  sequence: number,
): Buffer {
  const lacing: number[] = [];
  for (const packet of packets) {
    let left = packet.length;
    while (left >= 255) {
      lacing.push(255);
      left -= 255;
    }
    lacing.push(left);
  }
  if (lacing.length > 255) throw new Error('too many segments for one Ogg page');
  const header = Buffer.alloc(27 + lacing.length);
  header.write('OggS', 0, 'ascii');
  header.writeUInt8(0, 4);
  header.writeUInt8(flags, 5);
  header.writeBigInt64LE(granule, 6);
  header.writeUInt32LE(serial, 14);
  header.writeUInt32LE(sequence, 18);
  header.writeUInt32LE(0, 22);
  header.writeUInt8(lacing.length, 26);
  Buffer.from(lacing).copy(header, 27);
  const whole = Buffer.concat([header, ...packets]);
  whole.writeUInt32LE(oggCrc(whole), 22);
  return whole;
}

function opusHead(channels: number): Buffer {
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head.writeUInt8(1, 8); // version
  head.writeUInt8(channels, 9);
  head.writeUInt16LE(OPUS_PRE_SKIP, 10);
  head.writeUInt32LE(48_000, 12); // the input rate, informational
  head.writeInt16LE(0, 16); // output gain
  head.writeUInt8(0, 18); // mapping family 0: mono or stereo
  return head;
}

function opusTags(vendor: string, comments: readonly string[]): Buffer {
  const parts: Buffer[] = [Buffer.from('OpusTags', 'ascii')];
  const vendorBytes = Buffer.from(vendor, 'utf8');
  const length = (n: number) => {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n, 0);
    return b;
  };
  parts.push(length(vendorBytes.length), vendorBytes, length(comments.length));
  for (const comment of comments) {
    const bytes = Buffer.from(comment, 'utf8');
    parts.push(length(bytes.length), bytes);
  }
  return Buffer.concat(parts);
}

/**
 * An Ogg Opus file of 20 ms Opus packets (mono or stereo, as the packets were encoded).
 *
 * @example
 * const ogg = writeOggOpus(packets, { channels: 2, serial: 0x52494e47 });
 */
export function writeOggOpus(
  packets: readonly Uint8Array[],
  options: { channels: 1 | 2; serial: number; comments?: readonly string[] },
): Buffer {
  const { channels, serial } = options;
  const pages: Buffer[] = [
    page([opusHead(channels)], FLAG_BOS, 0n, serial, 0),
    page([opusTags('ringside-meta-sim', options.comments ?? [])], 0, 0n, serial, 1),
  ];
  let sequence = 2;
  let samples = BigInt(OPUS_PRE_SKIP);
  for (let i = 0; i < packets.length || i === 0; i += PACKETS_PER_PAGE) {
    const chunk = packets.slice(i, i + PACKETS_PER_PAGE);
    samples += BigInt(chunk.length * SAMPLES_PER_PACKET);
    const last = i + PACKETS_PER_PAGE >= packets.length;
    pages.push(page(chunk, last ? FLAG_EOS : 0, samples, serial, sequence++));
  }
  return Buffer.concat(pages);
}

/** one page as read back (tests, and a check that a file is whole) */
export interface OggPage {
  readonly flags: number;
  readonly granule: bigint;
  readonly sequence: number;
  readonly crcOk: boolean;
  readonly packets: Buffer[];
}

/**
 * Reads an Ogg stream's pages back, checking each CRC (packets spanning pages are not joined:
 * the writer above never splits one).
 *
 * @example
 * readOggPages(file).every((p) => p.crcOk);
 */
export function readOggPages(file: Buffer): OggPage[] {
  const pages: OggPage[] = [];
  let at = 0;
  while (at < file.length) {
    if (file.toString('ascii', at, at + 4) !== 'OggS') throw new Error(`no page at byte ${at}`);
    const segments = file.readUInt8(at + 26);
    const lacing = [...file.subarray(at + 27, at + 27 + segments)];
    const bodyLength = lacing.reduce((a, b) => a + b, 0);
    const end = at + 27 + segments + bodyLength;
    const copy = Buffer.from(file.subarray(at, end));
    const stored = copy.readUInt32LE(22);
    copy.writeUInt32LE(0, 22);
    const packets: Buffer[] = [];
    let offset = at + 27 + segments;
    let size = 0;
    for (const value of lacing) {
      size += value;
      if (value < 255) {
        packets.push(file.subarray(offset, offset + size));
        offset += size;
        size = 0;
      }
    }
    pages.push({
      flags: file.readUInt8(at + 5),
      granule: file.readBigInt64LE(at + 6),
      sequence: file.readUInt32LE(at + 18),
      crcOk: oggCrc(copy) === stored,
      packets,
    });
    at = end;
  }
  return pages;
}
