import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAME_SAMPLES, OPUS_SAMPLE_RATE, OpusCodec, writeOggOpus } from '@ringside/meta-sim';

/** a slow arpeggio (C major, A minor, F major, G major), one note every half second */
const NOTES_HZ = [
  261.63, 329.63, 392.0, 329.63, 220.0, 261.63, 329.63, 261.63, 174.61, 220.0, 261.63, 220.0, 196.0,
  246.94, 293.66, 246.94,
];
const NOTE_SECONDS = 0.5;
/** quiet enough to sit under a voice, loud enough to tell the line is alive */
const PEAK = 0.25;

/**
 * Hold music for anchored calls, made at start-up rather than shipped: a soft arpeggio of sine
 * notes (each with a short rise and a long fall), eight seconds, looped by the engine. Written
 * as Ogg Opus, stereo 48 kHz, which AudioBridge's `play_file` plays into a room. The engine reads
 * it by path, so the engine must share this machine's disk (docs/anchor.md).
 *
 * @example
 * const path = await writeHoldMusic(); // e.g. /tmp/ringside-hold-XXXX/hold.opus
 * const fileId = await room.playFile(path, { loop: true });
 */
export async function writeHoldMusic(folder?: string): Promise<string> {
  const into = folder ?? (await mkdtemp(join(tmpdir(), 'ringside-hold-')));
  const path = join(into, 'hold.opus');
  await writeFile(path, encodeHoldMusic());
  return path;
}

/** the music as an Ogg Opus file's bytes */
export function encodeHoldMusic(): Buffer {
  const codec = new OpusCodec();
  try {
    const samplesPerNote = Math.round(NOTE_SECONDS * OPUS_SAMPLE_RATE);
    const total = samplesPerNote * NOTES_HZ.length;
    const packets: Buffer[] = [];
    const frame = new Int16Array(FRAME_SAMPLES * 2);
    for (let start = 0; start < total; start += FRAME_SAMPLES) {
      for (let i = 0; i < FRAME_SAMPLES; i++) {
        const n = start + i;
        const note = Math.floor(n / samplesPerNote);
        const inNote = (n % samplesPerNote) / OPUS_SAMPLE_RATE;
        const frequency = NOTES_HZ[note % NOTES_HZ.length] ?? 0;
        const envelope = Math.min(1, inNote / 0.02) * Math.exp(-inNote * 3);
        const value = Math.round(
          Math.sin(2 * Math.PI * frequency * inNote) * envelope * PEAK * 32767,
        );
        frame[i * 2] = value;
        frame[i * 2 + 1] = value;
      }
      packets.push(codec.encode(frame));
    }
    return writeOggOpus(packets, { channels: 2, serial: 0x484f4c44 });
  } finally {
    codec.close();
  }
}
