import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

const SAMPLE_RATE = 48_000;

/** a test microphone signal: a tone switched on and off like syllables */
export interface MicSignal {
  frequencyHz: number;
  /** peak amplitude, 0..1 */
  amplitude: number;
  /** on/off pattern in ms; voice processing treats a steady tone as noise and fades it */
  onMs: number;
  offMs: number;
  seconds: number;
}

/** loud, syllable-paced 1 kHz bursts: louder at the far end than any hold music */
export const LOUD_VOICE: MicSignal = {
  frequencyHz: 1000,
  amplitude: 0.8,
  onMs: 180,
  offMs: 70,
  seconds: 4,
};

/**
 * Writes a mono 16-bit 48 kHz WAV of `signal` (for Chromium's
 * `--use-file-for-fake-audio-capture`, which loops it) and returns its path.
 *
 * @example
 * const wav = writeMicWav('/tmp/mic.wav', LOUD_VOICE);
 * const browser = await launchBrowser({ wav });
 */
export function writeMicWav(path: string, signal: MicSignal): string {
  const total = Math.round(signal.seconds * SAMPLE_RATE);
  const period = Math.round(((signal.onMs + signal.offMs) / 1000) * SAMPLE_RATE);
  const on = Math.round((signal.onMs / 1000) * SAMPLE_RATE);
  const pcm = new Int16Array(total);
  for (let i = 0; i < total; i++) {
    const gate = i % period < on ? 1 : 0;
    const value =
      gate * signal.amplitude * Math.sin((2 * Math.PI * signal.frequencyHz * i) / SAMPLE_RATE);
    pcm[i] = Math.round(Math.max(-1, Math.min(1, value)) * 32767);
  }
  const data = Buffer.from(pcm.buffer);
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + data.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // fmt chunk size
  header.writeUInt16LE(1, 20); // pcm
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(SAMPLE_RATE, 24);
  header.writeUInt32LE(SAMPLE_RATE * 2, 28); // bytes per second
  header.writeUInt16LE(2, 32); // bytes per frame
  header.writeUInt16LE(16, 34); // bits per sample
  header.write('data', 36);
  header.writeUInt32LE(data.length, 40);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, Buffer.concat([header, data]));
  return path;
}
