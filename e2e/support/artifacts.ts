import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Page } from 'playwright-core';
import { readE2eEnv } from './e2e-env';
import { ARTIFACTS_DIR, README_SCREENSHOT } from './paths';

/**
 * Saves a screenshot of the page's current state as `e2e/artifacts/<spec>/<nn>-<state>.png`
 * (gitignored; CI keeps the folder as the run's artifacts) and returns its path.
 *
 * @example
 * const shots = screenshots('mute');
 * await shots.take(page, 'muted'); // e2e/artifacts/mute/01-muted.png
 */
export function screenshots(spec: string): { take(page: Page, state: string): Promise<string> } {
  let count = 0;
  return {
    async take(page, state) {
      count += 1;
      const path = join(ARTIFACTS_DIR, spec, `${String(count).padStart(2, '0')}-${state}.png`);
      mkdirSync(dirname(path), { recursive: true });
      await page.screenshot({ path, fullPage: true });
      return path;
    },
  };
}

/**
 * Copies a screenshot to `docs/console.png`, the picture the README shows: when there is none
 * yet, or with `E2E_UPDATE_SCREENSHOT=1` (timers and quality figures differ on every run, and a
 * committed picture should change only when someone means it to).
 *
 * @example
 * publishReadmeScreenshot(await shots.take(page, 'in-call'));
 */
export function publishReadmeScreenshot(path: string): void {
  if (existsSync(README_SCREENSHOT) && !readE2eEnv().updateReadmeScreenshot) return;
  mkdirSync(dirname(README_SCREENSHOT), { recursive: true });
  copyFileSync(path, README_SCREENSHOT);
}
