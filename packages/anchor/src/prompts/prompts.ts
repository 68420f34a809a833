import { fileURLToPath } from 'node:url';

/**
 * What the engine says to callers, as text. Each is rendered once with espeak-ng into an Ogg
 * Opus file under `packages/anchor/prompts/` (`pnpm --filter @ringside/anchor prompts`, see
 * scripts/make-prompts.ts) and committed, so neither CI nor a server needs a speech
 * synthesiser; the file carries its text in its comments, and a test checks they still match.
 */
export const PROMPTS = {
  /** played to both sides as a call the media server records starts */
  'recording-notice': 'This call is recorded by the business for quality and training.',
} as const;

export type PromptName = keyof typeof PROMPTS;

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
