// Renders the engine's prompts (src/prompts/prompts.ts) to Ogg Opus with espeak-ng, into
// packages/anchor/prompts/. Run after changing a prompt's text, then commit the files:
//   pnpm --filter @ringside/anchor prompts
// Needs espeak-ng (Debian: apt-get install espeak-ng); nothing else does.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FRAME_SAMPLES, OPUS_SAMPLE_RATE, OpusCodec, writeOggOpus } from '@ringside/meta-sim';
import {
  PROMPT_TEXT_COMMENT,
  PROMPTS,
  PROMPTS_ENDING_IN_A_TONE,
  promptPath,
  type PromptName,
} from '../src/prompts/prompts';

const VOICE = 'en-us';
const WORDS_PER_MINUTE = '150';
/** a quarter second of quiet before and after the words */
const PAD_SAMPLES = OPUS_SAMPLE_RATE / 4;

const work = mkdtempSync(join(tmpdir(), 'ringside-prompts-'));
try {
  for (const [name, text] of Object.entries(PROMPTS) as [PromptName, string][]) {
    const wav = join(work, `${name}.wav`);
    execFileSync('espeak-ng', ['-v', VOICE, '-s', WORDS_PER_MINUTE, '-w', wav, text]);
    const { rate, samples } = readMonoWav(readFileSync(wav));
    const spoken = resample(samples, rate, OPUS_SAMPLE_RATE);
    const speech = PROMPTS_ENDING_IN_A_TONE.includes(name) ? withTone(spoken) : spoken;
    const padded = new Float32Array(speech.length + 2 * PAD_SAMPLES);
    padded.set(speech, PAD_SAMPLES);
    const file = encode(padded, text);
    writeFileSync(promptPath(name), file);
    process.stdout.write(
      `${name}: ${(padded.length / OPUS_SAMPLE_RATE).toFixed(1)} s, ${file.length} bytes\n`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** the speech, a third of a second's quiet, then half a second of a soft 880 Hz tone */
function withTone(speech: Float32Array): Float32Array {
  const gap = OPUS_SAMPLE_RATE / 3;
  const tone = OPUS_SAMPLE_RATE / 2;
  const out = new Float32Array(speech.length + gap + tone);
  out.set(speech);
  for (let i = 0; i < tone; i++) {
    // 10 ms ramps in and out, so it does not click
    const ramp = Math.min(1, i / 480, (tone - i) / 480);
    out[speech.length + gap + i] =
      0.3 * ramp * Math.sin((2 * Math.PI * 880 * i) / OPUS_SAMPLE_RATE);
  }
  return out;
}

/** a 16-bit PCM mono WAV's rate and samples (-1..1) */
function readMonoWav(bytes: Buffer): { rate: number; samples: Float32Array } {
  const rate = bytes.readUInt32LE(24);
  let at = 12;
  while (bytes.toString('ascii', at, at + 4) !== 'data') at += 8 + bytes.readUInt32LE(at + 4);
  const size = Math.min(bytes.readUInt32LE(at + 4), bytes.length - at - 8);
  const samples = new Float32Array(Math.floor(size / 2));
  for (let i = 0; i < samples.length; i++) samples[i] = bytes.readInt16LE(at + 8 + i * 2) / 32768;
  return { rate, samples };
}

/** linear interpolation: enough for speech going up to 48 kHz */
function resample(input: Float32Array, from: number, to: number): Float32Array {
  const output = new Float32Array(Math.floor((input.length * to) / from));
  for (let i = 0; i < output.length; i++) {
    const position = (i * from) / to;
    const left = Math.floor(position);
    const right = Math.min(left + 1, input.length - 1);
    const fraction = position - left;
    output[i] = (input[left] ?? 0) * (1 - fraction) + (input[right] ?? 0) * fraction;
  }
  return output;
}

/** stereo 20 ms opus packets of the samples, as an Ogg Opus file naming its text */
function encode(samples: Float32Array, text: string): Buffer {
  const codec = new OpusCodec();
  try {
    const packets: Buffer[] = [];
    const frame = new Int16Array(FRAME_SAMPLES * 2);
    for (let start = 0; start < samples.length; start += FRAME_SAMPLES) {
      for (let i = 0; i < FRAME_SAMPLES; i++) {
        const value = Math.round(Math.max(-1, Math.min(1, samples[start + i] ?? 0)) * 32767);
        frame[i * 2] = value;
        frame[i * 2 + 1] = value;
      }
      packets.push(codec.encode(frame));
    }
    return writeOggOpus(packets, {
      channels: 2,
      serial: 0x50524d54,
      comments: [`${PROMPT_TEXT_COMMENT}=${text}`],
    });
  } finally {
    codec.close();
  }
}
