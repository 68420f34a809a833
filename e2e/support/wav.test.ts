import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LOUD_VOICE, writeMicWav } from './wav';

const dir = mkdtempSync(join(tmpdir(), 'mic-wav-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('writeMicWav', () => {
  it('writes a 48 kHz mono 16-bit WAV that Chromium can play as a microphone', () => {
    const wav = readFileSync(writeMicWav(join(dir, 'voice.wav'), LOUD_VOICE));
    expect(wav.toString('ascii', 0, 4)).toBe('RIFF');
    expect(wav.toString('ascii', 8, 12)).toBe('WAVE');
    expect(wav.readUInt16LE(20)).toBe(1); // pcm
    expect(wav.readUInt16LE(22)).toBe(1); // mono
    expect(wav.readUInt32LE(24)).toBe(48_000);
    expect(wav.readUInt16LE(34)).toBe(16);
    expect(wav.readUInt32LE(40)).toBe(LOUD_VOICE.seconds * 48_000 * 2);
    expect(wav.length).toBe(44 + wav.readUInt32LE(40));
  });

  it('is loud while on and silent while off, like syllables', () => {
    const wav = readFileSync(
      writeMicWav(join(dir, 'bursts.wav'), {
        frequencyHz: 1000,
        amplitude: 0.5,
        onMs: 100,
        offMs: 100,
        seconds: 1,
      }),
    );
    const samples = new Int16Array(
      wav.buffer.slice(wav.byteOffset + 44, wav.byteOffset + wav.length),
    );
    const peak = (from: number, to: number) =>
      Math.max(...Array.from(samples.subarray(from, to), Math.abs)) / 32767;
    expect(peak(0, 4800)).toBeCloseTo(0.5, 2); // first 100 ms: on
    expect(peak(4800, 9600)).toBe(0); // next 100 ms: off
    expect(peak(9600, 14_400)).toBeCloseTo(0.5, 2);
  });
});
