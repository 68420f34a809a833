import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readOggPages } from '@ringside/meta-sim';

/**
 * What the engine says to callers, as text. Each is rendered once with espeak-ng into an Ogg
 * Opus file under `packages/anchor/prompts/` (`pnpm --filter @ringside/anchor prompts`, see
 * scripts/make-prompts.ts) and committed, so neither CI nor a server needs a speech
 * synthesiser; the file carries its text in its comments, and a test checks they still match.
 */
export const PROMPTS = {
  /** played to both sides as a call the media server records starts */
  'recording-notice': 'This call is recorded by the business for quality and training.',
  /** a queued caller, once, as the engine answers */
  'queue-greeting':
    'Thank you for calling. All of our agents are busy right now. Please stay on the line, and the next free agent will answer.',
  /** a queued caller's place, after the greeting and then now and again over the music */
  'queue-place-1': 'You are next in line.',
  'queue-place-2': 'You are number two in the queue.',
  'queue-place-3': 'You are number three in the queue.',
  'queue-place-4': 'You are number four in the queue.',
  'queue-place-5': 'You are number five in the queue.',
  'queue-place-more': 'There are five or more callers ahead of you.',
  /** a queued caller nobody reached within the queue limit; a tone follows the words */
  'voicemail-greeting':
    'Sorry, nobody can take your call right now. Please leave a message after the tone, and we will call you back.',
} as const;

/** prompts the renderer ends with a short tone (the caller speaks after it) */
export const PROMPTS_ENDING_IN_A_TONE: readonly PromptName[] = ['voicemail-greeting'];

export type PromptName = keyof typeof PROMPTS;

/**
 * The prompt that tells a queued caller their place (1: next in line), for places one to five
 * and one for anything further back.
 *
 * @example
 * placePrompt(2); // 'queue-place-2'
 */
export function placePrompt(place: number): PromptName {
  if (place <= 1) return 'queue-place-1';
  if (place >= 6) return 'queue-place-more';
  return `queue-place-${place}` as PromptName;
}

/**
 * How long a prompt plays, in ms (its last Ogg page's granule position at 48 kHz): AudioBridge
 * says nothing when a file ends, so what follows a prompt is timed by it.
 *
 * @example
 * setTimeout(startMusic, promptDurationMs('queue-greeting'));
 */
export function promptDurationMs(name: PromptName): number {
  // read once per prompt: a queue asks again every time a caller hears their place
  let ms = durations.get(name);
  if (ms === undefined) {
    const pages = readOggPages(readFileSync(promptPath(name)));
    ms = Number(pages.at(-1)?.granule ?? 0n) / 48;
    durations.set(name, ms);
  }
  return ms;
}

const durations = new Map<PromptName, number>();

/** the Ogg Opus comment that names a prompt file's text */
export const PROMPT_TEXT_COMMENT = 'RINGSIDE_PROMPT';

/**
 * The path of a prompt's file, for `CallRoom.playFile` (the engine reads it: it must share this
 * machine's disk).
 *
 * @example
 * await room.playFile(promptPath('recording-notice'));
 */
export function promptPath(name: PromptName): string {
  return fileURLToPath(new URL(`../../prompts/${name}.opus`, import.meta.url));
}
