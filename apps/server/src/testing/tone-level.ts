/** the rate of the engine's WAV recordings */
const RATE = 48_000;

/**
 * The power of one frequency in 16-bit mono 48 kHz PCM (Goertzel), as an RMS-like level 0..1:
 * which voices a recording holds.
 *
 * @example
 * toneLevel(wav.subarray(44), 440); // ~0.3 for a loud 440 Hz tone
 */
export function toneLevel(pcm: Buffer, frequencyHz: number): number {
  const samples = Math.floor(pcm.length / 2);
  const k = 2 * Math.cos((2 * Math.PI * frequencyHz) / RATE);
  let s1 = 0;
  let s2 = 0;
  for (let i = 0; i < samples; i++) {
    const s0 = pcm.readInt16LE(i * 2) / 32768 + k * s1 - s2;
    s2 = s1;
    s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - k * s1 * s2;
  return (2 * Math.sqrt(power)) / samples;
}
