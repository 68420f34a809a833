import { existsSync } from 'node:fs';
import {
  AUTOPLAY_WITHOUT_GESTURE_FLAG,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
} from '@ringside/meta-sim/testing';
import { chromium, type Browser } from 'playwright-core';

/**
 * Which microphone the browser gets:
 * - `beep`: Chromium's fake device (a short beep twice a second), granted without a prompt
 * - `{ wav }`: the fake device playing this WAV file in a loop, granted without a prompt
 * - `denied`: a microphone exists but every permission request is refused, as when an agent
 *   clicked "Block"
 */
export type MicrophoneSetup = 'beep' | { wav: string } | 'denied';

/**
 * When pages may play sound:
 * - `anytime` (default): before any user gesture, so specs need not think about it
 * - `after-gesture`: Chromium's real policy, as agents' browsers have it: only once the user
 *   clicked or typed in the page
 */
export type AutoplaySetup = 'anytime' | 'after-gesture';

export interface BrowserSetup {
  autoplay?: AutoplaySetup;
  /**
   * accept any server certificate: the TURN/TLS spec's relay has a throwaway self-signed one,
   * which Chromium refuses for `turns:` as it should (a deployment's relay needs a real one)
   */
  acceptAnyCertificate?: boolean;
}

// the flag that answers permission prompts with "allow"; without it the prompt is refused
const GRANT_FLAG = '--use-fake-ui-for-media-stream';

/**
 * Launches Debian's Chromium through playwright-core with the simulator harness's flags
 * (headless, fake media devices, autoplay allowed unless asked otherwise) and the microphone
 * asked for.
 *
 * @example
 * const browser = await launchBrowser('beep');
 * const strict = await launchBrowser('beep', { autoplay: 'after-gesture' });
 * await browser.close();
 */
export async function launchBrowser(
  microphone: MicrophoneSetup = 'beep',
  setup: BrowserSetup = {},
): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}: install it (apt-get install chromium)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: chromiumArgs(microphone, setup),
  });
}

/**
 * The command-line flags for a microphone and autoplay setup.
 *
 * @example
 * chromiumArgs('denied').includes('--use-fake-ui-for-media-stream'); // false
 * chromiumArgs('beep', { autoplay: 'after-gesture' }); // no --autoplay-policy flag
 */
export function chromiumArgs(microphone: MicrophoneSetup, setup: BrowserSetup = {}): string[] {
  const base = [
    ...(setup.autoplay === 'after-gesture'
      ? CHROMIUM_ARGS.filter((flag) => flag !== AUTOPLAY_WITHOUT_GESTURE_FLAG)
      : CHROMIUM_ARGS),
    ...(setup.acceptAnyCertificate ? ['--ignore-certificate-errors'] : []),
  ];
  if (microphone === 'beep') return base;
  if (microphone === 'denied') return base.filter((flag) => flag !== GRANT_FLAG);
  if (!existsSync(microphone.wav)) throw new Error(`no microphone WAV at ${microphone.wav}`);
  return [...base, `--use-file-for-fake-audio-capture=${microphone.wav}`];
}
