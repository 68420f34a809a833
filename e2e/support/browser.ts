import { existsSync } from 'node:fs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '@ringside/meta-sim/testing';
import { chromium, type Browser } from 'playwright-core';

/**
 * Which microphone the browser gets:
 * - `beep`: Chromium's fake device (a short beep twice a second), granted without a prompt
 * - `{ wav }`: the fake device playing this WAV file in a loop, granted without a prompt
 * - `denied`: a microphone exists but every permission request is refused, as when an agent
 *   clicked "Block"
 */
export type MicrophoneSetup = 'beep' | { wav: string } | 'denied';

// the flag that answers permission prompts with "allow"; without it the prompt is refused
const GRANT_FLAG = '--use-fake-ui-for-media-stream';

/**
 * Launches Debian's Chromium through playwright-core with the simulator harness's flags
 * (headless, fake media devices, autoplay allowed) and the microphone asked for.
 *
 * @example
 * const browser = await launchBrowser('beep');
 * const context = await browser.newContext();
 * await browser.close();
 */
export async function launchBrowser(microphone: MicrophoneSetup = 'beep'): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium)`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: chromiumArgs(microphone) });
}

/**
 * The command-line flags for a microphone setup.
 *
 * @example
 * chromiumArgs('denied').includes('--use-fake-ui-for-media-stream'); // false
 */
export function chromiumArgs(microphone: MicrophoneSetup): string[] {
  if (microphone === 'beep') return [...CHROMIUM_ARGS];
  if (microphone === 'denied') return CHROMIUM_ARGS.filter((flag) => flag !== GRANT_FLAG);
  if (!existsSync(microphone.wav)) throw new Error(`no microphone WAV at ${microphone.wav}`);
  return [...CHROMIUM_ARGS, `--use-file-for-fake-audio-capture=${microphone.wav}`];
}
