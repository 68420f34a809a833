import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readE2eEnv } from './e2e-env';
import { CONSOLE_DIST, REPO_ROOT } from './paths';

/**
 * Vitest global setup: builds the console once per run so every spec tests what `pnpm start`
 * serves. `E2E_SKIP_BUILD=1` reuses an existing `apps/console/dist` (quick re-runs).
 *
 * @example
 * // vitest.config.ts
 * export default defineProject({ test: { globalSetup: ['./support/build-console.ts'] } });
 */
export default function buildConsole(): void {
  if (!readE2eEnv().skipBuild) {
    const started = Date.now();
    const build = spawnSync('pnpm', ['--filter', '@ringside/console', 'build'], {
      cwd: REPO_ROOT,
      // vitest sets NODE_ENV=test, which would make Vite bundle React's development build
      // (1.1 MB more, slower to run): the specs test what `pnpm start` serves
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    if (build.status !== 0) {
      throw new Error(
        `the console did not build (exit ${String(build.status)}):\n${build.stdout}\n${build.stderr}`,
      );
    }
    // stderr: `pnpm bench` keeps stdout for its JSON lines
    process.stderr.write(`e2e: console built in ${Date.now() - started} ms\n`);
  }
  if (!existsSync(join(CONSOLE_DIST, 'index.html'))) {
    throw new Error(
      `no built console at ${CONSOLE_DIST}: run \`pnpm --filter @ringside/console build\` or unset E2E_SKIP_BUILD`,
    );
  }
}
