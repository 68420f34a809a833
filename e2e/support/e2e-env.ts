/** the e2e harness's switches, read once here (nothing else in e2e reads `process.env`) */
export interface E2eEnv {
  /** `E2E_SKIP_BUILD=1`: reuse `apps/console/dist` instead of building the console */
  skipBuild: boolean;
  /** `E2E_UPDATE_SCREENSHOT=1`: replace `docs/console.png` even when it exists */
  updateReadmeScreenshot: boolean;
}

/**
 * Reads the switches; anything but `1` is off, so a stray value never skips work silently.
 *
 * @example
 * readE2eEnv({ E2E_SKIP_BUILD: '1' }); // { skipBuild: true, updateReadmeScreenshot: false }
 */
export function readE2eEnv(source: Record<string, string | undefined> = process.env): E2eEnv {
  return {
    skipBuild: source['E2E_SKIP_BUILD'] === '1',
    updateReadmeScreenshot: source['E2E_UPDATE_SCREENSHOT'] === '1',
  };
}
